// The draft's rules, without storage, timers or a page: state and event in, state and effects out.
import { describe, expect, it } from "vitest";
import {
  initialDraftState,
  isDirty,
  reduceDraft,
  RETRY_FIRST_MS,
  RETRY_MAX_MS,
  SAVE_DELAY_MS,
  type DraftEffect,
  type DraftEvent,
  type DraftState,
} from "../../../../src/features/replies/draft-rules.ts";
import { EMPTY_FIELDS, type Draft, type DraftFields } from "../../../../src/storage/drafts.ts";
import type { SafetyCopy } from "../../../../src/storage/safety-copies.ts";

const NOW = 1_700_000_000_000;
const ADA = { v: 1 as const, name: "Ada", email: "ada@example.org", website: "" };
const fields = (comment: string): DraftFields => ({ ...EMPTY_FIELDS, comment });
const draft = (rev: number, comment: string): Draft => ({
  v: 2,
  rev,
  fields: fields(comment),
  updatedAt: NOW + rev,
});
const copy = (rev: number, base: number, comment: string, inflight?: number): SafetyCopy => ({
  rev,
  base,
  inflight,
  fields: fields(comment),
  updatedAt: NOW,
});

/** Applies events in turn; `effects` are the last event's, `all` every event's. */
function run(state: DraftState, ...events: DraftEvent[]) {
  let effects: DraftEffect[] = [];
  const all: DraftEffect[] = [];
  for (const event of events) {
    ({ state, effects } = reduceDraft(state, event));
    all.push(...effects);
  }
  return { state, effects, all };
}

/** A form loaded with `stored` (and nothing else) in storage. */
const loaded = (stored?: Draft, more: Partial<Extract<DraftEvent, { type: "loaded" }>> = {}) =>
  run(initialDraftState("A title"), { type: "loaded", stored, ...more });
const type = (comment: string): DraftEvent => ({
  type: "edited",
  name: "comment",
  value: comment,
  now: NOW,
});
const write: DraftEvent = { type: "write", now: NOW };
const effectsOf = <T extends DraftEffect["type"]>(effects: DraftEffect[], kind: T) =>
  effects.filter((e): e is Extract<DraftEffect, { type: T }> => e.type === kind);

/** A form on stored rev 1 whose reader typed "mine", unsaved, when another tab stored rev 2. */
function inConflict() {
  const theirs = draft(2, "theirs");
  const { state } = run(loaded(draft(1, "first")).state, type("mine"), {
    type: "heard",
    draft: theirs,
  });
  return { state, theirs };
}

describe("loading", () => {
  it("shows the stored draft as saved, with nothing to write", () => {
    const { state, effects } = loaded(draft(3, "Hello"));
    expect(state).toMatchObject({ ready: true, fields: fields("Hello"), base: 3, started: 3 });
    expect(state.status).toEqual({ kind: "saved", at: NOW + 3 });
    expect(isDirty(state)).toBe(false);
    expect(effects).toEqual([]);
  });

  it("fills an empty form with the remembered name, and a discarded draft says nothing", () => {
    expect(loaded(undefined, { identity: ADA }).state.fields).toEqual({
      comment: "",
      name: "Ada",
      email: "ada@example.org",
      website: "",
    });
    const discarded = loaded(draft(4, ""), { identity: ADA }).state;
    expect(discarded.fields.name).toBe("Ada");
    expect(discarded.status).toEqual({ kind: "idle" });
    expect(discarded.base).toBe(4);
  });

  it("takes a safety copy holding newer text than the stored draft, and writes it as its rev", () => {
    const { state, effects } = loaded(draft(3, "Hel"), { copy: copy(4, 3, "Hello there") });
    expect(state.fields.comment).toBe("Hello there");
    expect(isDirty(state)).toBe(true);
    expect(effects).toEqual([{ type: "flush" }]);
    const saving = effectsOf(run(state, write).effects, "save");
    expect(saving).toMatchObject([{ base: 3, draft: { rev: 4, title: "A title" } }]);
  });

  it("drops a safety copy whose text the stored draft already holds", () => {
    const { state, effects } = loaded(draft(4, "Hello"), { copy: copy(4, 3, "Hello") });
    expect(state.fields.comment).toBe("Hello");
    expect(effects).toEqual([{ type: "drop-copy", storedRev: 4 }]);
  });

  it("asks when another writer stored other text after the safety copy was made", () => {
    const theirs = draft(5, "theirs");
    const { state } = loaded(theirs, { copy: copy(4, 3, "mine") });
    expect(state.fields.comment).toBe("mine");
    expect(state.conflict).toBe(theirs);
    expect(state.status).toEqual({ kind: "conflict" });
    expect(state.base).toBe(3);
    expect(run(state, write).effects).toEqual([]); // nothing is written over theirs
  });

  it("says the draft could not be read, keeps the copy's text and writes nothing", () => {
    const error = new Error("blocked");
    const { state, effects } = run(initialDraftState(), {
      type: "loaded",
      copy: copy(1, 0, "typed"),
      unreadable: { error },
    });
    expect(state.status).toEqual({ kind: "failed", error });
    expect(state.fields.comment).toBe("typed");
    expect(effects).toEqual([]);
  });

  it("follows the newest write another tab made while the form was loading", () => {
    const { state } = run(
      initialDraftState(),
      { type: "heard", draft: draft(3, "third") },
      { type: "heard", draft: draft(2, "second") },
      { type: "loaded", stored: draft(1, "first") },
    );
    expect(state.fields.comment).toBe("third");
    expect(state.base).toBe(3);
    expect(state.heardEarly).toBeUndefined();
  });

  it("ignores typing before the form is loaded", () => {
    const before = initialDraftState();
    expect(reduceDraft(before, type("x"))).toEqual({ state: before, effects: [] });
  });
});

describe("typing and writing", () => {
  it("keeps each keystroke in the safety copy as the next rev, and writes after the pause", () => {
    const { state, effects } = run(loaded(draft(2, "a")).state, type("ab"));
    expect(state.fields.comment).toBe("ab");
    expect(effects).toEqual([
      { type: "keep-copy", copy: { rev: 3, base: 2, fields: fields("ab"), updatedAt: NOW } },
      { type: "write-in", ms: SAVE_DELAY_MS },
    ]);
  });

  it("remembers the name after the pause only while the reader asked to remember it", () => {
    const name: DraftEvent = { type: "edited", name: "name", value: "Bo", now: NOW };
    expect(effectsOf(run(loaded().state, name).effects, "remember-in")).toEqual([]);
    const remembering = loaded(undefined, { identity: ADA }).state;
    expect(effectsOf(run(remembering, name).effects, "remember-in")).toEqual([
      { type: "remember-in", ms: SAVE_DELAY_MS },
    ]);
    expect(effectsOf(run(remembering, type("hi")).effects, "remember-in")).toEqual([]);
  });

  it("writes the next rev on the stored base, and nothing when nothing is unsaved", () => {
    expect(run(loaded(draft(2, "a")).state, write).effects).toEqual([]);
    const { state, effects } = run(loaded(draft(2, "a")).state, type("ab"), write);
    expect(effects).toEqual([
      {
        type: "save",
        base: 2,
        edits: 1,
        draft: { v: 2, rev: 3, fields: fields("ab"), updatedAt: NOW, title: "A title" },
      },
    ]);
    expect(state.inflight).toBe(3);
  });

  it("names the write in flight in the safety copy of keystrokes typed meanwhile", () => {
    const { effects } = run(loaded(draft(2, "a")).state, type("ab"), write, type("abc"));
    expect(effectsOf(effects, "keep-copy")[0].copy).toMatchObject({ rev: 4, base: 2, inflight: 3 });
  });

  it("builds on the saved rev, drops the copy and tells the list, but keeps later typing unsaved", () => {
    const writing = run(loaded(draft(2, "a")).state, type("ab"), write, type("abc")).state;
    const saved = draft(3, "ab");
    const { state, effects } = run(writing, { type: "saved", draft: saved, edits: 1 });
    expect(state).toMatchObject({ base: 3, started: 3, inflight: undefined });
    expect(state.status).toEqual({ kind: "saved", at: saved.updatedAt });
    expect(effects).toEqual([
      { type: "drop-copy", storedRev: 3 },
      { type: "stored", draft: saved },
    ]);
    expect(isDirty(state)).toBe(true); // "abc" is still to be written
  });

  it("asks when its write finds another writer's text stored after its base", () => {
    const theirs = draft(3, "theirs");
    const writing = run(loaded(draft(2, "a")).state, type("mine"), write).state;
    const { state } = run(writing, { type: "refused", stored: theirs });
    expect(state).toMatchObject({ conflict: theirs, status: { kind: "conflict" } });
    expect(state.fields.comment).toBe("mine");
  });

  it("tries a failed write again by itself after 2 s, then twice as long, up to a minute", () => {
    let state = run(loaded().state, type("x")).state;
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      const failed = run(state, { type: "flushed" }, write, { type: "save-failed", error: "full" });
      waits.push(...effectsOf(failed.effects, "write-in").map((e) => e.ms));
      state = failed.state;
    }
    expect(waits).toEqual([RETRY_FIRST_MS, 4000, 8000, 16000, 32000, RETRY_MAX_MS, RETRY_MAX_MS]);
    expect(state.status).toEqual({ kind: "failed", error: "full" });
    const saved = run(state, { type: "saved", draft: draft(1, "x"), edits: state.edits });
    expect(saved.state.retryIn).toBe(RETRY_FIRST_MS);
  });

  it("does not try again after the form has gone, nor when a write already waits", () => {
    const typed = run(loaded().state, type("x"), { type: "flushed" }, write).state;
    const gone = run(typed, { type: "closed" }, { type: "save-failed", error: "full" });
    expect(gone.effects).toEqual([]);
    const waiting = run(typed, type("xy"), { type: "save-failed", error: "full" });
    expect(waiting.effects).toEqual([]);
  });

  it("writes what is unsaved when the form goes", () => {
    expect(run(loaded().state, { type: "closed" }).effects).toEqual([{ type: "flush" }]);
  });
});

describe("another tab writes", () => {
  it("ignores a rev this tab's text is already built on", () => {
    const state = loaded(draft(3, "a")).state;
    expect(reduceDraft(state, { type: "heard", draft: draft(3, "b") })).toEqual({
      state,
      effects: [],
    });
  });

  it("takes another tab's newer text when this tab has nothing unsaved", () => {
    const { state } = run(loaded(draft(1, "v1")).state, {
      type: "heard",
      draft: draft(2, "v2"),
    });
    expect(state).toMatchObject({ fields: fields("v2"), base: 2, status: { kind: "saved" } });
    expect(state.conflict).toBeUndefined();
  });

  it("takes the same text without asking, unsaved edits and all, and drops the copy", () => {
    const typed = run(loaded(draft(1, "v1")).state, type("same"), { type: "flushed" }).state;
    const { state, effects } = run(typed, { type: "heard", draft: draft(2, "same") });
    expect(state.base).toBe(2);
    expect(isDirty(state)).toBe(false);
    expect(effects).toEqual([{ type: "drop-copy", storedRev: 2 }]);
  });

  it("keeps a write still waiting on its timer when it takes the same text", () => {
    const typed = run(loaded(draft(1, "v1")).state, type("same")).state;
    const { state } = run(typed, { type: "heard", draft: draft(2, "same") });
    expect(isDirty(state)).toBe(true);
  });

  it("takes a discard made elsewhere when nothing is unsaved, showing the remembered name", () => {
    const start = loaded(draft(1, "v1"), { identity: ADA }).state;
    const { state } = run(start, { type: "heard", draft: draft(2, "") });
    expect(state.fields).toMatchObject({ comment: "", name: "Ada" });
    expect(state.status).toEqual({ kind: "discarded" });
  });

  it("asks, never overwrites, when both tabs changed the draft", () => {
    const { state, theirs } = inConflict();
    expect(state.fields.comment).toBe("mine");
    expect(state.conflict).toBe(theirs);
    expect(state.status).toEqual({ kind: "conflict" });
    expect(state.base).toBe(1);
    expect(run(state, write).effects).toEqual([]);
  });
});

describe("the reader's choice", () => {
  it("keep mine: keeps their text as another version, then writes mine over their rev", () => {
    const { state, theirs } = inConflict();
    const chose = run(state, { type: "chose", choice: "mine" });
    expect(chose.state).toBe(state); // nothing is let go of before their text is kept
    const keep = {
      type: "keep-version",
      choice: "mine",
      conflict: theirs,
      fields: theirs.fields,
    } as const;
    expect(chose.effects).toEqual([keep]);

    const kept = run(state, { ...keep, type: "kept", now: NOW });
    expect(kept.state).toMatchObject({ conflict: undefined, base: 2, fields: fields("mine") });
    expect(kept.effects).toEqual([
      { type: "keep-copy", copy: { rev: 3, base: 2, fields: fields("mine"), updatedAt: NOW } },
      { type: "flush" },
    ]);
    const saving = effectsOf(run(kept.state, write).effects, "save");
    expect(saving).toMatchObject([{ base: 2, draft: { rev: 3, fields: fields("mine") } }]);
  });

  it("load theirs: keeps my text (again if I typed meanwhile), then shows theirs", () => {
    const { state, theirs } = inConflict();
    const chose = run(state, { type: "chose", choice: "theirs" });
    const keep = {
      type: "keep-version",
      choice: "theirs",
      conflict: theirs,
      fields: fields("mine"),
    } as const;
    expect(chose.effects).toEqual([keep]);

    const typedMore = run(state, type("mine!")).state;
    const again = run(typedMore, { ...keep, type: "kept", now: NOW });
    expect(again.effects).toEqual([{ ...keep, fields: fields("mine!") }]);
    expect(again.state.conflict).toBe(theirs);

    const done = run(typedMore, { ...keep, fields: fields("mine!"), type: "kept", now: NOW });
    expect(done.state).toMatchObject({ conflict: undefined, base: 2, fields: fields("theirs") });
    expect(isDirty(done.state)).toBe(false);
    expect(done.effects).toEqual([
      { type: "cancel-write" },
      { type: "drop-copy", storedRev: 2, force: true },
    ]);
  });

  it("does nothing when the conflict changed while the text was kept", () => {
    const { state, theirs } = inConflict();
    const newer = run(state, { type: "heard", draft: draft(3, "newer") }).state;
    const { state: after, effects } = run(newer, {
      type: "kept",
      choice: "mine",
      conflict: theirs,
      fields: theirs.fields,
      now: NOW,
    });
    expect(after).toBe(newer);
    expect(effects).toEqual([]);
  });

  it("leaves the choice open and says so when the text could not be kept", () => {
    const { state } = inConflict();
    const error = new Error("full");
    expect(run(state, { type: "keep-failed", choice: "theirs", error })).toEqual({
      state,
      effects: [{ type: "failure", what: "Keeping your text", error }],
      all: [{ type: "failure", what: "Keeping your text", error }],
    });
    expect(run(loaded().state, { type: "chose", choice: "mine" }).effects).toEqual([]);
  });
});

describe("discard and post", () => {
  it("discard empties the form at once and queues the discard, with the text for Undo", () => {
    const typed = run(loaded(undefined, { identity: ADA }).state, type("regret")).state;
    const { state, effects } = run(typed, { type: "discard" });
    expect(state.fields).toMatchObject({ comment: "", name: "Ada" });
    expect(isDirty(state)).toBe(false);
    expect(effects).toEqual([
      { type: "cancel-write" },
      { type: "discard", previous: typed.fields },
    ]);
    const done = run(state, { type: "discard-done" });
    expect(done.state.status).toEqual({ kind: "discarded" });
    expect(done.effects).toEqual([{ type: "drop-copy", storedRev: 0, force: true }]);
  });

  it("brings the text back when the discard failed, unless the reader typed since", () => {
    const typed = run(loaded().state, type("regret")).state;
    const discarding = run(typed, { type: "discard" }).state;
    const error = new Error("full");
    const failed = { type: "discard-failed", error, previous: typed.fields, now: NOW } as const;
    const back = run(discarding, failed);
    expect(back.state.fields.comment).toBe("regret");
    expect(back.state.status).toEqual({ kind: "failed", error });
    expect(effectsOf(back.effects, "keep-copy")).toHaveLength(1);
    const retyped = run(discarding, type("new"), failed);
    expect(retyped.state.fields.comment).toBe("new");
  });

  it("post empties the form and queues the clear; the status says where the text went", () => {
    const { state, effects } = run(loaded().state, type("sent"), { type: "post" });
    expect(state.fields.comment).toBe("");
    expect(effects).toEqual([{ type: "cancel-write" }, { type: "clear" }]);
    expect(run(state, { type: "post-done" }).state.status).toEqual({ kind: "posted" });
  });
});
