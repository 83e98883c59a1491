// The editor behind one article's reply form: it keeps each keystroke in a synchronous safety copy
// at once and in IndexedDB after a short pause, flushes when the page is hidden or left, restores
// the newest text on load, and never overwrites another tab's newer text without asking.
import { createSignal, onCleanup, type Accessor } from "solid-js";
import {
  DRAFT_VERSION,
  EMPTY_FIELDS,
  loadDraft,
  sameFields,
  type Draft,
  type DraftFields,
} from "../../storage/drafts.ts";
import { saveDraft } from "../../storage/draft-writes.ts";
import {
  forgetIdentity,
  loadIdentity,
  saveIdentity,
  type Identity,
} from "../../storage/identity.ts";
import {
  clearSafetyCopy,
  compareSafetyCopy,
  readSafetyCopy,
  writeSafetyCopy,
} from "../../storage/safety-copies.ts";
import { claimLeftovers } from "../../storage/claim-leftovers.ts";
import { StorageFullError, StorageUnavailableError } from "../../storage/db.ts";
import { requestPersistence } from "../../storage/persist.ts";
import { keepVersion } from "../../storage/versions.ts";
import { formatDay, formatTime } from "../../catalog/format.ts";
import { notifyFailure } from "../../state/notices.ts";
import {
  applyDraft,
  clearDraft,
  discardDraft,
  followDraft,
  trackWrite,
} from "../../state/drafts.ts";

/** How long typing may pause before the draft is written (the issue allows at most 300 ms). */
export const SAVE_DELAY_MS = 250;
/** After a failed save the editor tries again by itself: after 2 s, then twice as long, up to 1 min. */
export const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 60_000;

type Status =
  | { kind: "idle" }
  | { kind: "saved"; at: number }
  | { kind: "discarded" }
  | { kind: "posted" }
  | { kind: "conflict" }
  | { kind: "failed"; error: unknown };

function when(at: number): string {
  const sameDay = formatDay(at) === formatDay(Date.now());
  return sameDay ? `at ${formatTime(at)}` : `on ${formatDay(at)} at ${formatTime(at)}`;
}

/** The status line's words: what happened to the last write, never "saved" when it failed. */
function statusText(status: Status): string {
  switch (status.kind) {
    case "idle":
      return "";
    case "saved":
      return `Draft saved ${when(status.at)}`;
    case "discarded":
      return "Draft discarded";
    case "posted":
      return "Reply moved to the outbox";
    case "conflict":
      return "Draft not saved: choose which text to keep";
    case "failed": {
      const err = status.error;
      if (err instanceof StorageFullError)
        return "Draft not saved: this device's storage is full. Your text is still here; free some space or copy it somewhere safe.";
      if (err instanceof StorageUnavailableError)
        return `Draft not saved: storage is unavailable (${err.reason}). Copy your text somewhere safe before you close this page.`;
      return `Draft not saved: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
}

const isEmpty = (f: DraftFields) => sameFields(f, EMPTY_FIELDS);
const identityFields = (id: Identity | undefined): DraftFields => ({
  comment: "",
  name: id?.name ?? "",
  email: id?.email ?? "",
  website: id?.website ?? "",
});

export interface DraftEditor {
  /** False until the stored draft and the safety copy are read: the form waits for it. */
  ready: Accessor<boolean>;
  fields: Accessor<DraftFields>;
  status: Accessor<string>;
  failed: Accessor<boolean>;
  /** Another tab's newer text, while this tab has its own unsaved edits. */
  conflict: Accessor<Draft | undefined>;
  remember: Accessor<boolean>;
  /** Whether the form holds anything beyond the remembered name, email and website. */
  canDiscard: Accessor<boolean>;
  edit(name: keyof DraftFields, value: string): void;
  setRemember(on: boolean): void;
  keepMine(): void;
  loadTheirs(): void;
  discard(): void;
  /** Empties the draft once its text is in the outbox (no notice, no undo: the outbox has it). */
  posted(): Promise<void>;
  /** Writes pending edits now; resolves when done (or failed, which the status says). */
  flush(): Promise<void>;
  /** Writes pending edits now; rejects when they could not be written (an update's "Reload"). */
  save(): Promise<void>;
}

/**
 * The editor of one article's draft. Call inside a component: it listens to the page while the
 * component lives and flushes when it goes.
 * `title`: the article's title, kept with the draft so it can be named should the article leave
 * the edition.
 * @example const editor = createDraftEditor("some-slug", "Some title"); editor.edit("comment", "Hello");
 */
export function createDraftEditor(slug: string, title?: string): DraftEditor {
  const [ready, setReady] = createSignal(false);
  const [fields, setFields] = createSignal<DraftFields>(EMPTY_FIELDS);
  const [status, setStatus] = createSignal<Status>({ kind: "idle" });
  const [conflict, setConflict] = createSignal<Draft>();
  const [identity, setIdentity] = createSignal<Identity>();
  // base: the newest stored rev this tab's text is built on (its own writes, or adopted ones).
  // started: the highest rev this tab has written or started writing; new edits go as started + 1.
  let base = 0;
  let started = 0;
  let inflight: number | undefined;
  let edits = 0;
  let savedEdits = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let retryIn = RETRY_FIRST_MS;
  let closed = false;
  const dirty = () => edits !== savedEdits;

  const keepSafetyCopy = () =>
    writeSafetyCopy(slug, {
      rev: started + 1,
      base,
      inflight,
      fields: fields(),
      updatedAt: Date.now(),
    });

  const showStored = (d: Draft) => {
    setFields(isEmpty(d.fields) ? identityFields(identity()) : d.fields);
    setStatus(isEmpty(d.fields) ? { kind: "discarded" } : { kind: "saved", at: d.updatedAt });
  };

  async function writeNow(): Promise<void> {
    if (!dirty() || conflict()) return;
    const snapshot = fields();
    const at = edits;
    const rev = ++started;
    inflight = rev;
    try {
      const result = await saveDraft(slug, base, {
        v: DRAFT_VERSION,
        rev,
        fields: snapshot,
        updatedAt: Date.now(),
        ...(title ? { title } : {}),
      });
      if ("conflict" in result) {
        setConflict(result.conflict);
        setStatus({ kind: "conflict" });
        return;
      }
      const saved = result.saved;
      base = saved.rev;
      started = Math.max(started, saved.rev);
      savedEdits = at;
      clearSafetyCopy(slug, saved.rev);
      applyDraft(slug, saved, true);
      setStatus({ kind: "saved", at: saved.updatedAt });
      void requestPersistence();
      retryIn = RETRY_FIRST_MS;
    } catch (err) {
      setStatus({ kind: "failed", error: err });
      // Try again by itself (storage may be freed without another keystroke), less and less often.
      if (!closed && !timer) {
        timer = setTimeout(() => void flush(), retryIn);
        retryIn = Math.min(retryIn * 2, RETRY_MAX_MS);
      }
    } finally {
      inflight = undefined;
    }
  }

  function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const next = queue.then(writeNow);
    queue = next;
    trackWrite(next);
    return next;
  }

  let identityTimer: ReturnType<typeof setTimeout> | undefined;
  function rememberNow(): Promise<void> {
    clearTimeout(identityTimer);
    const f = fields();
    const id = { name: f.name, email: f.email, website: f.website };
    setIdentity({ v: 1, ...id });
    return saveIdentity(id).catch((err) => notifyFailure("Remembering your name", err));
  }

  // Another tab's change heard while this form was still loading: followed once it is ready.
  let heardEarly: Draft | undefined;
  function adopt(d: Draft): void {
    if (!ready()) {
      if (!heardEarly || d.rev > heardEarly.rev) heardEarly = d;
      return;
    }
    if (d.rev <= base) return;
    if (sameFields(d.fields, fields()) || (isEmpty(d.fields) && !dirty())) {
      base = d.rev;
      started = Math.max(started, d.rev);
      if (!timer) savedEdits = edits;
      setConflict(undefined);
      clearSafetyCopy(slug, d.rev);
      showStored(d);
    } else if (!dirty()) {
      base = d.rev;
      started = Math.max(started, d.rev);
      showStored(d);
    } else {
      setConflict(d);
      setStatus({ kind: "conflict" });
    }
  }

  /**
   * A conflict's choice: keeps the losing text (`losing`, read again after each write in case the
   * reader typed meanwhile) as another version, then `choose`s, unless the conflict changed.
   */
  function resolve(c: Draft, losing: () => DraftFields, what: string, choose: () => void): void {
    const step = (async () => {
      let kept: DraftFields | undefined;
      try {
        while (!kept || !sameFields(kept, losing())) {
          kept = { ...losing() };
          await keepVersion(slug, kept, "conflict", title);
        }
      } catch (err) {
        notifyFailure(what, err); // the choice stays open: nothing was let go of
        return;
      }
      if (conflict() === c) choose();
    })();
    trackWrite(step);
  }

  const onHidden = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  const onPageHide = () => void flush();
  document.addEventListener("visibilitychange", onHidden);
  window.addEventListener("pagehide", onPageHide);
  const unfollow = followDraft(slug, adopt);
  onCleanup(() => {
    closed = true;
    document.removeEventListener("visibilitychange", onHidden);
    window.removeEventListener("pagehide", onPageHide);
    unfollow();
    if (identityTimer) void rememberNow();
    void flush();
  });

  void (async () => {
    // The safety copy is read before the stored draft, never after: start-up (startDrafts) may
    // store the copy and drop it while this load waits, and a stored read from before that write
    // with a copy read after it would hold neither. Read first, the copy is either still here or
    // its write is already in what loadDraft returns.
    await claimLeftovers(slug).catch(() => undefined); // a closed page's text becomes this page's
    const copy = readSafetyCopy(slug);
    const [stored, id] = await Promise.allSettled([loadDraft(slug), loadIdentity()]);
    if (id.status === "fulfilled") setIdentity(id.value);
    if (stored.status === "rejected") setStatus({ kind: "failed", error: stored.reason });
    const record = stored.status === "fulfilled" ? stored.value : undefined;
    base = started = record?.rev ?? 0;
    const relation = copy ? compareSafetyCopy(copy, record) : "stored";
    if (copy && relation !== "stored") {
      // Text a reload or a closed page left unsaved: it is what the reader last saw.
      setFields(copy.fields);
      started = Math.max(started, copy.rev - 1);
      edits++;
      if (relation === "conflict" && record) {
        base = copy.base;
        setConflict(record);
        setStatus({ kind: "conflict" });
      }
    } else {
      if (copy && record) clearSafetyCopy(slug, record.rev);
      if (record) showStored(record);
      else setFields(identityFields(identity()));
      if (record && isEmpty(record.fields)) setStatus({ kind: "idle" });
    }
    setReady(true);
    if (heardEarly) adopt(heardEarly);
    heardEarly = undefined;
    if (dirty() && stored.status === "fulfilled") void flush();
  })();

  return {
    ready,
    fields,
    status: () => statusText(status()),
    failed: () => status().kind === "failed",
    conflict,
    remember: () => identity() !== undefined,
    canDiscard: () => !sameFields(fields(), identityFields(identity())),
    edit(name, value) {
      if (!ready()) return;
      setFields({ ...fields(), [name]: value });
      edits++;
      keepSafetyCopy();
      if (name !== "comment" && identity()) {
        clearTimeout(identityTimer);
        identityTimer = setTimeout(rememberNow, SAVE_DELAY_MS);
      }
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    setRemember(on) {
      if (on) {
        void rememberNow();
      } else {
        const was = identity();
        setIdentity(undefined);
        forgetIdentity().catch((err) => {
          setIdentity(was);
          notifyFailure("Forgetting your name", err);
        });
      }
    },
    keepMine() {
      const c = conflict();
      if (!c) return;
      // The other tab's text is kept as another version before this tab's may overwrite it.
      resolve(
        c,
        () => c.fields,
        "Keeping the other tab's text",
        () => {
          base = c.rev;
          started = Math.max(started, c.rev);
          setConflict(undefined);
          edits++;
          keepSafetyCopy();
          void flush();
        },
      );
    },
    loadTheirs() {
      const c = conflict();
      if (!c) return;
      // This tab's text is kept as another version before the form lets go of it.
      resolve(c, fields, "Keeping your text", () => {
        clearTimeout(timer);
        timer = undefined;
        base = c.rev;
        started = Math.max(started, c.rev);
        savedEdits = edits;
        setConflict(undefined);
        clearSafetyCopy(slug, c.rev, true);
        showStored(c);
      });
    },
    discard() {
      clearTimeout(timer);
      timer = undefined;
      const previous = fields();
      setConflict(undefined);
      setFields(identityFields(identity()));
      savedEdits = ++edits;
      queue = queue.then(async () => {
        // (discard runs after any write already queued, so that write cannot land after it)
        try {
          await discardDraft(slug, previous, readSafetyCopy(slug)?.rev);
          clearSafetyCopy(slug, 0, true);
          setStatus({ kind: "discarded" });
        } catch (err) {
          setStatus({ kind: "failed", error: err });
          if (edits === savedEdits) {
            setFields(previous);
            edits++;
            keepSafetyCopy();
          }
        }
      });
    },
    posted() {
      clearTimeout(timer);
      timer = undefined;
      setConflict(undefined);
      setFields(identityFields(identity()));
      savedEdits = ++edits;
      const next = queue.then(async () => {
        try {
          await clearDraft(slug, readSafetyCopy(slug)?.rev);
          clearSafetyCopy(slug, 0, true);
          setStatus({ kind: "posted" });
        } catch (err) {
          setStatus({ kind: "failed", error: err });
        }
      });
      queue = next;
      trackWrite(next);
      return next;
    },
    flush,
    async save() {
      await flush();
      const s = status();
      if (s.kind === "failed" && dirty()) throw s.error;
    },
  };
}
