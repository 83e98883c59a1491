// The editor behind one article's reply form: it keeps each keystroke in a synchronous safety copy
// at once and in IndexedDB after a short pause, flushes when the page is hidden or left, restores
// the newest text on load, and never overwrites another tab's newer text without asking. The
// rules are in ./draft-rules.ts (a pure reducer); this module carries out their effects: storage,
// timers, the write queue and the page's events.
import { createMemo, createSignal, onCleanup, type Accessor } from "solid-js";
import { loadDraft, sameFields, type Draft, type DraftFields } from "../../storage/drafts.ts";
import { saveDraft } from "../../storage/draft-writes.ts";
import { forgetIdentity, loadIdentity, saveIdentity } from "../../storage/identity.ts";
import { clearSafetyCopy, readSafetyCopy, writeSafetyCopy } from "../../storage/safety-copies.ts";
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
import {
  identityFields,
  initialDraftState,
  isDirty,
  reduceDraft,
  type DraftEffect,
  type DraftEvent,
  type DraftStatus,
} from "./draft-rules.ts";

function when(at: number): string {
  const sameDay = formatDay(at) === formatDay(Date.now());
  return sameDay ? `at ${formatTime(at)}` : `on ${formatDay(at)} at ${formatTime(at)}`;
}

/** The status line's words: what happened to the last write, never "saved" when it failed. */
function statusText(status: DraftStatus): string {
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
  // The state as the rules last left it (read by effects at once), and as the views see it.
  let state = initialDraftState(title);
  const [view, setView] = createSignal(state);
  const ready = createMemo(() => view().ready);
  const fields = createMemo(() => view().fields);
  const status = createMemo(() => view().status);
  const conflict = createMemo(() => view().conflict);
  const identity = createMemo(() => view().identity);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let identityTimer: ReturnType<typeof setTimeout> | undefined;
  // Writes, discards and clears run one after another, in the order they were asked for.
  let queue: Promise<void> = Promise.resolve();

  /** Applies an event; resolves once the writes it started have settled (and told the rules). */
  function dispatch(event: DraftEvent): Promise<void> {
    const step = reduceDraft(state, event);
    state = step.state;
    setView(state);
    return Promise.all(step.effects.map(run)).then(() => undefined);
  }

  /** Queues `job` behind every write asked for before it. */
  function enqueue(job: () => Promise<void>, track: boolean): Promise<void> {
    const next = queue.then(job);
    queue = next;
    if (track) trackWrite(next);
    return next;
  }

  /** Reads the safety copy's rev when the queue gets there: the write must pass it. */
  const copyRev = () => readSafetyCopy(slug)?.rev;

  function run(effect: DraftEffect): Promise<void> | void {
    switch (effect.type) {
      case "keep-copy":
        writeSafetyCopy(slug, effect.copy);
        return;
      case "drop-copy":
        clearSafetyCopy(slug, effect.storedRev, effect.force);
        return;
      case "write-in":
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), effect.ms);
        return;
      case "cancel-write":
        clearTimeout(timer);
        timer = undefined;
        return;
      case "flush":
        void flush();
        return;
      case "save":
        return (async () => {
          try {
            const result = await saveDraft(slug, effect.base, effect.draft);
            await dispatch(
              "conflict" in result
                ? { type: "refused", stored: result.conflict }
                : { type: "saved", draft: result.saved, edits: effect.edits },
            );
          } catch (error) {
            await dispatch({ type: "save-failed", error });
          }
        })();
      case "stored":
        applyDraft(slug, effect.draft, true);
        void requestPersistence();
        return;
      case "keep-version": {
        const { choice, conflict: c, fields: kept } = effect;
        const step = keepVersion(slug, kept, "conflict", title).then(
          () => dispatch({ type: "kept", choice, conflict: c, fields: kept, now: Date.now() }),
          (error: unknown) => dispatch({ type: "keep-failed", choice, error }),
        );
        trackWrite(step);
        return;
      }
      case "discard": {
        const { previous } = effect;
        // (after any write already queued, so that write cannot land after it)
        void enqueue(
          () =>
            discardDraft(slug, previous, copyRev()).then(
              () => dispatch({ type: "discard-done" }),
              (error: unknown) =>
                dispatch({ type: "discard-failed", error, previous, now: Date.now() }),
            ),
          false,
        );
        return;
      }
      case "clear":
        return enqueue(
          () =>
            clearDraft(slug, copyRev()).then(
              () => dispatch({ type: "post-done" }),
              (error: unknown) => dispatch({ type: "post-failed", error }),
            ),
          true,
        );
      case "remember-in":
        clearTimeout(identityTimer);
        identityTimer = setTimeout(rememberNow, effect.ms);
        return;
      case "failure":
        notifyFailure(effect.what, effect.error);
        return;
    }
  }

  function flush(): Promise<void> {
    void dispatch({ type: "flushed" });
    return enqueue(() => dispatch({ type: "write", now: Date.now() }), true);
  }

  function rememberNow(): Promise<void> {
    clearTimeout(identityTimer);
    const { name, email, website } = state.fields;
    void dispatch({ type: "identity", identity: { v: 1, name, email, website } });
    return saveIdentity({ name, email, website }).catch((err) =>
      notifyFailure("Remembering your name", err),
    );
  }

  const onHidden = () => {
    if (document.visibilityState === "hidden") void flush();
  };
  const onPageHide = () => void flush();
  document.addEventListener("visibilitychange", onHidden);
  window.addEventListener("pagehide", onPageHide);
  const unfollow = followDraft(slug, (draft) => void dispatch({ type: "heard", draft }));
  onCleanup(() => {
    document.removeEventListener("visibilitychange", onHidden);
    window.removeEventListener("pagehide", onPageHide);
    unfollow();
    if (identityTimer) void rememberNow();
    void dispatch({ type: "closed" });
  });

  void (async () => {
    // The safety copy is read before the stored draft, never after: start-up (startDrafts) may
    // store the copy and drop it while this load waits, and a stored read from before that write
    // with a copy read after it would hold neither. Read first, the copy is either still here or
    // its write is already in what loadDraft returns.
    await claimLeftovers(slug).catch(() => undefined); // a closed page's text becomes this page's
    const copy = readSafetyCopy(slug);
    const [stored, id] = await Promise.allSettled([loadDraft(slug), loadIdentity()]);
    await dispatch({
      type: "loaded",
      copy,
      ...(stored.status === "fulfilled"
        ? { stored: stored.value }
        : { unreadable: { error: stored.reason } }),
      ...(id.status === "fulfilled" ? { identity: id.value } : {}),
    });
  })();

  return {
    ready,
    fields,
    status: () => statusText(status()),
    failed: () => status().kind === "failed",
    conflict,
    remember: () => identity() !== undefined,
    canDiscard: () => !sameFields(fields(), identityFields(identity())),
    edit: (name, value) => void dispatch({ type: "edited", name, value, now: Date.now() }),
    setRemember(on) {
      if (on) {
        void rememberNow();
      } else {
        const was = state.identity;
        void dispatch({ type: "identity", identity: undefined });
        forgetIdentity().catch((err) => {
          void dispatch({ type: "identity", identity: was });
          notifyFailure("Forgetting your name", err);
        });
      }
    },
    keepMine: () => void dispatch({ type: "chose", choice: "mine" }),
    loadTheirs: () => void dispatch({ type: "chose", choice: "theirs" }),
    discard: () => void dispatch({ type: "discard" }),
    posted: () => dispatch({ type: "post" }),
    flush,
    async save() {
      await flush();
      const s = state.status;
      if (s.kind === "failed" && isDirty(state)) throw s.error;
    },
  };
}
