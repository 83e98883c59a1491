// Finding a highlight again (issue 19): in the same text, in text that moved, in text edited in or
// near the quote, and never when the quote is gone.
import { describe as group, expect, it } from "vitest";
import { anchor, describe } from "../../../../src/features/highlights/anchoring.ts";

const BEFORE = "The night train left Vienna at ten, and by midnight most of the carriage slept. ";
const QUOTE = "Only the conductor walked the corridor, checking that every door was shut";
const AFTER = ". In the morning the Alps were white with the first snow of the year.";
const TEXT = BEFORE + QUOTE + AFTER;
const at = TEXT.indexOf(QUOTE);
const selectors = describe(TEXT, at, at + QUOTE.length);

group("anchor", () => {
  it("describes a passage with its exact text, 32 characters either side and its offsets", () => {
    expect(selectors.quote).toEqual({
      type: "TextQuoteSelector",
      exact: QUOTE,
      prefix: BEFORE.slice(-32),
      suffix: AFTER.slice(0, 32),
    });
    expect(selectors.position).toEqual({
      type: "TextPositionSelector",
      start: at,
      end: at + QUOTE.length,
    });
  });

  it("places a highlight where it was when the text is the same", () => {
    expect(anchor(TEXT, selectors.quote, selectors.position)).toEqual({
      state: "placed",
      start: at,
      end: at + QUOTE.length,
      how: "exact",
    });
  });

  it("finds a quote that moved when text was added before it", () => {
    const added = "A new first paragraph, written for the second edition of this piece. ";
    const placed = anchor(added + TEXT, selectors.quote, selectors.position);
    expect(placed).toEqual({
      state: "placed",
      start: at + added.length,
      end: at + added.length + QUOTE.length,
      how: "moved",
    });
  });

  it("picks the occurrence whose context fits when the quote appears twice", () => {
    const word = "the corridor";
    const text = `He stood in ${word} and waited. ` + TEXT;
    const start = text.lastIndexOf(word);
    const s = describe(text, start, start + word.length);
    // The passage moves: the other occurrence is nearer the old offset, the context decides.
    const moved = text.replace("He stood in", "Long ago, someone else stood in");
    const placed = anchor(moved, s.quote, { ...s.position, start: 15, end: 15 + word.length });
    expect(placed).toMatchObject({ state: "placed", start: moved.lastIndexOf(word) });
  });

  it("still finds a quote in which a typo was fixed (a fuzzy match)", () => {
    const edited = TEXT.replace("checking that every door", "checking that each door");
    const placed = anchor(edited, selectors.quote, selectors.position);
    expect(placed).toMatchObject({ state: "placed", how: "fuzzy" });
    if (placed.state !== "placed") return;
    expect(edited.slice(placed.start, placed.end)).toBe(
      "Only the conductor walked the corridor, checking that each door was shut",
    );
  });

  it("still finds a short quote edited near it after text moved", () => {
    const short = "the Alps were white";
    const start = TEXT.indexOf(short);
    const s = describe(TEXT, start, start + short.length);
    const edited =
      "An added sentence. " + TEXT.replace("the Alps were white", "the Alps were all white");
    const placed = anchor(edited, s.quote, s.position);
    expect(placed).toMatchObject({ state: "placed", how: "fuzzy" });
    if (placed.state !== "placed") return;
    expect(edited.slice(placed.start, placed.end)).toBe("the Alps were all white");
  });

  it("leaves a highlight unplaced when its passage was deleted", () => {
    const deleted = BEFORE + AFTER.slice(2);
    expect(anchor(deleted, selectors.quote, selectors.position)).toEqual({ state: "unplaced" });
  });

  it("leaves a highlight unplaced when its passage was rewritten beyond a few words", () => {
    const rewritten = TEXT.replace(
      QUOTE,
      "Nobody checked the doors; the conductor slept like everyone else",
    );
    expect(anchor(rewritten, selectors.quote, selectors.position)).toEqual({ state: "unplaced" });
  });
});
