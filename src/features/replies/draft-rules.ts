// The rules of one article's reply draft, as a pure function: what the form holds, which stored
// rev its text is built on, and what to do when another tab writes. `reduceDraft(state, event)`
// returns the next state and the effects (writes, timers, messages) for ./draft-editor.ts to
// carry out; it touches no storage, no timer and no clock, so every rule is tested in a line.
//
// Revisions: `base` is the newest stored rev this tab's text is built on (its own writes, or
// adopted ones); `started` the highest rev it has written or started writing (new edits go as
// `started + 1`); `inflight` a rev being written now. A stored rev above `base` that is not this
// tab's own came from another writer: its text is never overwritten without asking.
import {
  DRAFT_VERSION,
  EMPTY_FIELDS,
  sameFields,
  type Draft,
  type DraftFields,
} from "../../storage/drafts.ts";
import type { Identity } from "../../storage/identity.ts";
import { compareSafetyCopy, type SafetyCopy } from "../../storage/safety-copies.ts";

/** How long typing may pause before the draft is written (the issue allows at most 300 ms). */
export const SAVE_DELAY_MS = 250;
/** After a failed save the editor tries again by itself: after 2 s, then twice as long, up to 1 min. */
export const RETRY_FIRST_MS = 2000;
export const RETRY_MAX_MS = 60_000;

/** What happened to the last write (the status line says it). */
export type DraftStatus =
  | { kind: "idle" }
  | { kind: "saved"; at: number }
  | { kind: "discarded" }
  | { kind: "posted" }
  | { kind: "conflict" }
  | { kind: "failed"; error: unknown };

/** Which text the reader keeps when another tab changed the draft too. */
export type Choice = "mine" | "theirs";

export interface DraftState {
  /** The article's title, written with the draft. */
  title?: string;
  /** False until the stored draft and the safety copy are read. */
  ready: boolean;
  /** The form has gone: a failed write is not tried again. */
  closed: boolean;
  fields: DraftFields;
  status: DraftStatus;
  /** Another tab's newer text, while this tab has its own unsaved edits. */
  conflict?: Draft;
  /** The remembered name, email and website (undefined: not remembered). */
  identity?: Identity;
  base: number;
  started: number;
  inflight?: number;
  /** Edits counted, and the count the last successful write held: unequal means unsaved text. */
  edits: number;
  savedEdits: number;
  /** A write waits on the timer (the pause in typing, or a retry). */
  writeScheduled: boolean;
  /** The wait before the next retry of a failed write. */
  retryIn: number;
  /** Another tab's write heard while loading: followed once ready. */
  heardEarly?: Draft;
}

export type DraftEvent =
  /** The safety copy and the stored draft were read (`unreadable`: the stored draft was not). */
  | {
      type: "loaded";
      copy?: SafetyCopy;
      stored?: Draft;
      identity?: Identity;
      unreadable?: { error: unknown };
    }
  | { type: "edited"; name: keyof DraftFields; value: string; now: number }
  /** The timer fired, or the page asked for a write now: one waits in the queue. */
  | { type: "flushed" }
  /** The queue reached that write. */
  | { type: "write"; now: number }
  | { type: "saved"; draft: Draft; edits: number }
  /** The write found another writer's text stored after this tab's base: nothing was written. */
  | { type: "refused"; stored: Draft }
  | { type: "save-failed"; error: unknown }
  /** Another tab (or the drafts page) wrote this draft. */
  | { type: "heard"; draft: Draft }
  | { type: "chose"; choice: Choice }
  /** The losing text of a choice is kept as another version. */
  | { type: "kept"; choice: Choice; conflict: Draft; fields: DraftFields; now: number }
  | { type: "keep-failed"; choice: Choice; error: unknown }
  | { type: "discard" }
  | { type: "discard-done" }
  | { type: "discard-failed"; error: unknown; previous: DraftFields; now: number }
  /** The text went to the outbox: the draft empties. */
  | { type: "post" }
  | { type: "post-done" }
  | { type: "post-failed"; error: unknown }
  | { type: "identity"; identity: Identity | undefined }
  | { type: "closed" };

export type DraftEffect =
  /** Write the synchronous safety copy. */
  | { type: "keep-copy"; copy: SafetyCopy }
  /** Drop the safety copy once IndexedDB holds `storedRev` (`force`: whatever it holds). */
  | { type: "drop-copy"; storedRev: number; force?: true }
  /** (Re)start the write timer. */
  | { type: "write-in"; ms: number }
  | { type: "cancel-write" }
  /** Queue a write now. */
  | { type: "flush" }
  /** Write `draft` unless another writer stored other text after `base`; `edits`: the count it holds. */
  | { type: "save"; base: number; draft: Draft; edits: number }
  /** The draft was stored: the list of drafts follows it. */
  | { type: "stored"; draft: Draft }
  /** Keep `fields` (the text a choice lets go of) as another version. */
  | { type: "keep-version"; choice: Choice; conflict: Draft; fields: DraftFields }
  /** Queue the discard of the stored draft, with an Undo that brings back `previous`. */
  | { type: "discard"; previous: DraftFields }
  /** Queue the emptying of the stored draft (its text is in the outbox). */
  | { type: "clear" }
  /** (Re)start the timer that remembers the name, email and website. */
  | { type: "remember-in"; ms: number }
  /** Tell the reader something failed. */
  | { type: "failure"; what: string; error: unknown };

export interface DraftStep {
  state: DraftState;
  effects: DraftEffect[];
}

/** The state of a form that has not read anything yet. */
export function initialDraftState(title?: string): DraftState {
  return {
    ...(title ? { title } : {}),
    ready: false,
    closed: false,
    fields: EMPTY_FIELDS,
    status: { kind: "idle" },
    base: 0,
    started: 0,
    edits: 0,
    savedEdits: 0,
    writeScheduled: false,
    retryIn: RETRY_FIRST_MS,
  };
}

export const isEmpty = (f: DraftFields): boolean => sameFields(f, EMPTY_FIELDS);

/** The fields of an empty form: only the remembered name, email and website. */
export const identityFields = (id: Identity | undefined): DraftFields => ({
  comment: "",
  name: id?.name ?? "",
  email: id?.email ?? "",
  website: id?.website ?? "",
});

/** Whether the form holds text no write has stored yet. */
export const isDirty = (s: DraftState): boolean => s.edits !== s.savedEdits;

const FAILURES: Record<Choice, string> = {
  mine: "Keeping the other tab's text",
  theirs: "Keeping your text",
};

const stay = (state: DraftState): DraftStep => ({ state, effects: [] });

const keepCopy = (s: DraftState, now: number): DraftEffect => ({
  type: "keep-copy",
  copy: {
    rev: s.started + 1,
    base: s.base,
    inflight: s.inflight,
    fields: s.fields,
    updatedAt: now,
  },
});

/** Shows a stored draft: its text, or the remembered identity when it was discarded. */
function showStored(s: DraftState, d: Draft): DraftState {
  const empty = isEmpty(d.fields);
  return {
    ...s,
    fields: empty ? identityFields(s.identity) : d.fields,
    status: empty ? { kind: "discarded" } : { kind: "saved", at: d.updatedAt },
  };
}

/** Builds this tab's text on stored rev `rev`. */
const buildOn = (s: DraftState, rev: number): DraftState => ({
  ...s,
  base: rev,
  started: Math.max(s.started, rev),
});

/**
 * Another writer's draft: taken when it holds this tab's text or this tab has nothing unsaved,
 * asked about when both changed it; older revs are ignored.
 */
function adopt(s: DraftState, d: Draft): DraftStep {
  if (!s.ready) {
    const newer = !s.heardEarly || d.rev > s.heardEarly.rev;
    return stay(newer ? { ...s, heardEarly: d } : s);
  }
  if (d.rev <= s.base) return stay(s);
  if (sameFields(d.fields, s.fields) || (isEmpty(d.fields) && !isDirty(s))) {
    // A write still waiting on its timer keeps the form unsaved: it will write (to no effect).
    const savedEdits = s.writeScheduled ? s.savedEdits : s.edits;
    const next = { ...buildOn(s, d.rev), savedEdits, conflict: undefined };
    return { state: showStored(next, d), effects: [{ type: "drop-copy", storedRev: d.rev }] };
  }
  if (!isDirty(s)) return stay(showStored(buildOn(s, d.rev), d));
  return stay({ ...s, conflict: d, status: { kind: "conflict" } });
}

/**
 * The stored draft and the safety copy, read: the copy's text wins when it holds more than what
 * is stored (a reload or a closed page left it), and asks when another writer stored other text
 * after it was made.
 */
function loaded(s: DraftState, e: Extract<DraftEvent, { type: "loaded" }>): DraftStep {
  const record = e.stored;
  let next: DraftState = { ...s, identity: e.identity ?? s.identity };
  if (e.unreadable) next.status = { kind: "failed", error: e.unreadable.error };
  next.base = next.started = record?.rev ?? 0;
  const effects: DraftEffect[] = [];
  const relation = e.copy ? compareSafetyCopy(e.copy, record) : "stored";
  if (e.copy && relation !== "stored") {
    next.fields = e.copy.fields;
    next.started = Math.max(next.started, e.copy.rev - 1);
    next.edits++;
    if (relation === "conflict" && record) {
      next.base = e.copy.base;
      next.conflict = record;
      next.status = { kind: "conflict" };
    }
  } else {
    if (e.copy && record) effects.push({ type: "drop-copy", storedRev: record.rev });
    if (record) next = showStored(next, record);
    else next.fields = identityFields(next.identity);
    if (record && isEmpty(record.fields)) next.status = { kind: "idle" };
  }
  next.ready = true;
  const early = next.heardEarly;
  next.heardEarly = undefined;
  if (early) {
    const step = adopt(next, early);
    next = step.state;
    effects.push(...step.effects);
  }
  if (isDirty(next) && !e.unreadable) effects.push({ type: "flush" });
  return { state: next, effects };
}

/** The reader's choice, once the text it lets go of is kept as another version. */
function choose(s: DraftState, choice: Choice, c: Draft, now: number): DraftStep {
  if (choice === "mine") {
    const next = { ...buildOn(s, c.rev), conflict: undefined, edits: s.edits + 1 };
    return { state: next, effects: [keepCopy(next, now), { type: "flush" }] };
  }
  const next = {
    ...buildOn(s, c.rev),
    writeScheduled: false,
    savedEdits: s.edits,
    conflict: undefined,
  };
  return {
    state: showStored(next, c),
    effects: [{ type: "cancel-write" }, { type: "drop-copy", storedRev: c.rev, force: true }],
  };
}

/** Empties the form at once (discard, post): the write that follows waits in the queue. */
function empty(s: DraftState, queued: DraftEffect): DraftStep {
  const next = {
    ...s,
    writeScheduled: false,
    conflict: undefined,
    fields: identityFields(s.identity),
    edits: s.edits + 1,
    savedEdits: s.edits + 1,
  };
  return { state: next, effects: [{ type: "cancel-write" }, queued] };
}

/**
 * The next state of a draft's form and what to do about it.
 * @example const { state, effects } = reduceDraft(state, { type: "heard", draft });
 */
export function reduceDraft(s: DraftState, e: DraftEvent): DraftStep {
  switch (e.type) {
    case "loaded":
      return loaded(s, e);
    case "edited": {
      if (!s.ready) return stay(s);
      const next = {
        ...s,
        fields: { ...s.fields, [e.name]: e.value },
        edits: s.edits + 1,
        writeScheduled: true,
      };
      const effects = [keepCopy(next, e.now)];
      if (e.name !== "comment" && s.identity) {
        effects.push({ type: "remember-in", ms: SAVE_DELAY_MS });
      }
      effects.push({ type: "write-in", ms: SAVE_DELAY_MS });
      return { state: next, effects };
    }
    case "flushed":
      return { state: { ...s, writeScheduled: false }, effects: [{ type: "cancel-write" }] };
    case "write": {
      if (!isDirty(s) || s.conflict) return stay(s);
      const rev = s.started + 1;
      const draft: Draft = {
        v: DRAFT_VERSION,
        rev,
        fields: s.fields,
        updatedAt: e.now,
        ...(s.title ? { title: s.title } : {}),
      };
      return {
        state: { ...s, started: rev, inflight: rev },
        effects: [{ type: "save", base: s.base, draft, edits: s.edits }],
      };
    }
    case "saved": {
      const next = {
        ...buildOn(s, e.draft.rev),
        savedEdits: e.edits,
        inflight: undefined,
        status: { kind: "saved", at: e.draft.updatedAt } as const,
        retryIn: RETRY_FIRST_MS,
      };
      return {
        state: next,
        effects: [
          { type: "drop-copy", storedRev: e.draft.rev },
          { type: "stored", draft: e.draft },
        ],
      };
    }
    case "refused":
      return stay({ ...s, inflight: undefined, conflict: e.stored, status: { kind: "conflict" } });
    case "save-failed": {
      const next = {
        ...s,
        inflight: undefined,
        status: { kind: "failed", error: e.error } as const,
      };
      // Tried again by itself (storage may be freed without another keystroke), less and less often.
      if (s.closed || s.writeScheduled) return stay(next);
      return {
        state: { ...next, writeScheduled: true, retryIn: Math.min(s.retryIn * 2, RETRY_MAX_MS) },
        effects: [{ type: "write-in", ms: s.retryIn }],
      };
    }
    case "heard":
      return adopt(s, e.draft);
    case "chose": {
      const c = s.conflict;
      if (!c) return stay(s);
      // The text not chosen is kept as another version before the form may let go of it.
      const fields = e.choice === "mine" ? c.fields : s.fields;
      return {
        state: s,
        effects: [{ type: "keep-version", choice: e.choice, conflict: c, fields }],
      };
    }
    case "kept": {
      const c = e.conflict;
      // The reader may have typed while it was kept: keep the text as it is now.
      const losing = e.choice === "mine" ? c.fields : s.fields;
      if (!sameFields(e.fields, losing)) {
        return {
          state: s,
          effects: [{ type: "keep-version", choice: e.choice, conflict: c, fields: losing }],
        };
      }
      if (s.conflict !== c) return stay(s); // another write changed the question meanwhile
      return choose(s, e.choice, c, e.now);
    }
    case "keep-failed":
      // The choice stays open: nothing was let go of.
      return { state: s, effects: [{ type: "failure", what: FAILURES[e.choice], error: e.error }] };
    case "discard":
      return empty(s, { type: "discard", previous: s.fields });
    case "discard-done":
      return {
        state: { ...s, status: { kind: "discarded" } },
        effects: [{ type: "drop-copy", storedRev: 0, force: true }],
      };
    case "discard-failed": {
      const failed = { ...s, status: { kind: "failed", error: e.error } as const };
      // The text comes back, unless the reader has typed since.
      if (isDirty(s)) return stay(failed);
      const next = { ...failed, fields: e.previous, edits: s.edits + 1 };
      return { state: next, effects: [keepCopy(next, e.now)] };
    }
    case "post":
      return empty(s, { type: "clear" });
    case "post-done":
      return {
        state: { ...s, status: { kind: "posted" } },
        effects: [{ type: "drop-copy", storedRev: 0, force: true }],
      };
    case "post-failed":
      return stay({ ...s, status: { kind: "failed", error: e.error } });
    case "identity":
      return stay({ ...s, identity: e.identity });
    case "closed":
      return { state: { ...s, closed: true }, effects: [{ type: "flush" }] };
  }
}
