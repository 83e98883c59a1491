// Painting highlights into a body (issue 19): marks around exactly the text placed, across
// paragraphs and emphasis, painted again without doubling, and taken out leaving the body as it was.
import { describe as group, expect, it } from "vitest";
import { describe } from "../../../../src/features/highlights/anchoring.ts";
import {
  markNotes,
  placeHighlights,
  placesOf,
  unpaint,
} from "../../../../src/features/highlights/paint.ts";
import { textMap } from "../../../../src/features/highlights/text-map.ts";
import type { Highlight } from "../../../../src/storage/highlights.ts";

const HTML = "<p>The night train left <em>Vienna</em> at ten.</p><p>Only the conductor walked.</p>";

function body(): HTMLElement {
  const el = document.createElement("div");
  el.innerHTML = HTML;
  return el;
}

function highlight(root: HTMLElement, id: string, from: string, to: string, note = ""): Highlight {
  const text = textMap(root).text;
  const start = text.indexOf(from);
  const end = text.indexOf(to) + to.length;
  return { id, ...describe(text, start, end), note, createdAt: 1, updatedAt: 1 };
}

const marked = (root: HTMLElement, id: string) =>
  [...root.querySelectorAll(`mark[data-highlight="${id}"]`)].map((m) => m.textContent).join("");

group("placeHighlights", () => {
  it("marks a passage two highlights share with a mark of each, and both stay whole", () => {
    const root = body();
    const a = highlight(root, "a", "night", "Vienna");
    const b = highlight(root, "b", "train", "conductor");
    const c = highlight(root, "c", "left", "left");
    expect(placeHighlights(root, [a, b, c]).painted).toBe(3);
    expect(marked(root, "a")).toBe("night train left Vienna");
    expect(marked(root, "b")).toBe("train left Vienna at ten.Only the conductor");
    expect(marked(root, "c")).toBe("left");
    // Inside a and b, "left" is c's, with a outermost (the list's order).
    const left = root.querySelector('mark[data-highlight="c"]');
    expect(left?.parentElement?.dataset.highlight).toBe("b");
    expect(left?.parentElement?.parentElement?.dataset.highlight).toBe("a");
    expect(root.textContent).toBe(body().textContent);
    unpaint(root);
    expect(root.innerHTML).toBe(HTML);
  });

  it("wraps exactly the passage, across emphasis and paragraphs, the first mark focusable", () => {
    const root = body();
    const a = highlight(root, "a", "left", "conductor", "a note");
    const b = highlight(root, "b", "night", "train");
    const { painted, unplaced } = placeHighlights(root, [a, b]);
    expect(painted).toBe(2);
    expect(unplaced).toEqual([]);
    expect(marked(root, "a")).toBe("left Vienna at ten.Only the conductor");
    expect(marked(root, "b")).toBe("night train");
    const first = root.querySelector("#highlight-a");
    expect(first?.getAttribute("tabindex")).toBe("0");
    expect(root.querySelectorAll("mark.has-note")).toHaveLength(1);
    expect(root.textContent).toBe(body().textContent);
  });

  it("paints again without doubling marks, and unpaint leaves the body as it was", () => {
    const root = body();
    const hs = [highlight(root, "a", "train", "Vienna"), highlight(root, "b", "Vienna", "ten")];
    placeHighlights(root, hs);
    const { map } = placeHighlights(root, hs);
    expect(root.querySelectorAll("mark#highlight-a")).toHaveLength(1);
    expect(marked(root, "a")).toBe("train left Vienna");
    expect(map.text).toBe(textMap(root).text);
    unpaint(root);
    expect(root.innerHTML).toBe(HTML);
  });

  it("returns a highlight whose passage is gone as unplaced, painting the rest", () => {
    const root = body();
    const gone: Highlight = {
      ...highlight(root, "gone", "Only", "walked"),
      quote: { type: "TextQuoteSelector", exact: "zzzz qqqq xxxx wwww", prefix: "", suffix: "" },
    };
    const kept = highlight(root, "kept", "night", "night");
    const { painted, unplaced } = placeHighlights(root, [gone, kept]);
    expect(painted).toBe(1);
    expect(unplaced.map((h) => h.id)).toEqual(["gone"]);
  });
});

group("markNotes and placesOf", () => {
  it("marks a note added or cleared on the highlight's last mark, the marks left as they are", () => {
    const root = body();
    const a = highlight(root, "a", "Vienna", "conductor");
    const b = highlight(root, "b", "night", "train");
    placeHighlights(root, [a, b]);
    const before = [...root.querySelectorAll("mark")];
    const noted = [{ ...a, note: "a note" }, b];
    // A note is no change of place: the marks need not be painted again.
    expect(placesOf(noted)).toBe(placesOf([a, b]));
    markNotes(root, noted);
    expect([...root.querySelectorAll("mark")]).toEqual(before);
    const withNote = [...root.querySelectorAll("mark.has-note")];
    expect(withNote).toEqual([[...root.querySelectorAll('mark[data-highlight="a"]')].at(-1)]);
    markNotes(root, [{ ...a, note: "  " }, b]);
    expect(root.querySelectorAll("mark.has-note")).toHaveLength(0);
    // Another highlight, or one gone, is a change of place.
    expect(placesOf([a])).not.toBe(placesOf([a, b]));
  });
});
