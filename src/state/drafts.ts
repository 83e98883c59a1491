// The reader's reply drafts in memory: every draft on the device, for the "Draft" marker and the
// drafts page, loaded at start-up (with what safety copies a closed page left behind) and kept in
// step with other tabs. The reply form's editor lives in draft-editor.ts, loaded with the article.
import {
  EMPTY_FIELDS,
  hasComment,
  loadDraft,
  loadDrafts,
  type Draft,
  type DraftFields,
} from "../storage/drafts.ts";
import { replaceDraft } from "../storage/draft-writes.ts";
import { WEB_KEYS } from "../storage/keys.ts";
import { notify, notifyFailure } from "./notices.ts";
import { createSyncedRecords, onDispose } from "./synced-records.ts";

// A failed load leaves the list empty; the shell already says when storage is unavailable.
const store = createSyncedRecords<Draft>({
  kind: "drafts",
  loadAll: loadDrafts,
  loadOne: loadDraft,
  take: (key, d) => d && applyDraft(key, d),
});
const drafts = store.records;
/** Open editors, per slug: they hear of writes made by the drafts page or another tab. */
const editors = new Map<string, Set<(draft: Draft) => void>>();
onDispose(() => editors.clear());
/** Writes that editors have queued and not finished (a closed form's last flush among them). */
const writing = new Set<Promise<void>>();

/**
 * Lets an open editor hear of writes to its draft from elsewhere; returns the unsubscribe.
 * @example onCleanup(followDraft("some-slug", (d) => adopt(d)));
 */
export function followDraft(slug: string, fn: (draft: Draft) => void): () => void {
  let listeners = editors.get(slug);
  if (!listeners) editors.set(slug, (listeners = new Set()));
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Counts a queued write until it settles, so `draftsSettled` can wait for it. */
export function trackWrite(write: Promise<void>): void {
  writing.add(write);
  void write.finally(() => writing.delete(write));
}

/** Resolves once every queued draft write has finished (tests wait for it before moving on). */
export async function draftsSettled(): Promise<void> {
  while (writing.size > 0) await Promise.allSettled([...writing]);
}

/** Whether an article has a draft worth showing (one with a comment). */
export const hasDraft = (slug: string): boolean => {
  const d = drafts[slug];
  return d !== undefined && hasComment(d.fields);
};

/** Every listed draft, the most recently edited first. */
export function listDrafts(): { slug: string; draft: Draft }[] {
  return Object.entries(drafts)
    .filter(([, d]) => hasComment(d.fields))
    .map(([slug, draft]) => ({ slug, draft }))
    .sort((a, b) => b.draft.updatedAt - a.draft.updatedAt);
}

/** A record this tab wrote or heard of: the list follows, and so does an open editor. */
export function applyDraft(slug: string, draft: Draft, fromEditor = false): void {
  const known = drafts[slug];
  // A copy, assigned whole: the store must never merge into (mutate) an object it was handed.
  const copy: Draft = { ...draft, fields: { ...draft.fields } };
  if (!known || known.rev <= draft.rev) store.set(slug, copy);
  if (!fromEditor) for (const fn of editors.get(slug) ?? []) fn(draft);
}

/** Whether any page left a draft's safety copy in localStorage (a scan of key names). */
export function hasSafetyCopies(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      if (localStorage.key(i)?.startsWith(WEB_KEYS.draftSafetyPrefix)) return true;
    }
  } catch {
    // Storage blocked: there are no copies.
  }
  return false;
}

/** Loads every draft once and follows other tabs. */
export const startDrafts = (): Promise<void> => store.start();

/**
 * Writes `fields` as the newest rev of a draft (discard, undo) and tells the list and editors;
 * `atLeast`: the rev of the caller's safety copy, which the new rev must pass.
 */
async function replace(slug: string, fields: DraftFields, atLeast?: number): Promise<Draft> {
  const record = await replaceDraft(slug, fields, atLeast);
  applyDraft(slug, record);
  return record;
}

/** Empties a draft without a notice (its text went to the outbox). */
export function clearDraft(slug: string, atLeast?: number): Promise<Draft> {
  return replace(slug, EMPTY_FIELDS, atLeast);
}

/**
 * Discards a draft, with an Undo that brings back `previous` (by default the stored text).
 * Rejects (after telling the reader) when the device refused.
 * @example await discardDraft("some-slug");
 */
export async function discardDraft(
  slug: string,
  previous?: DraftFields,
  atLeast?: number,
): Promise<void> {
  // A plain copy: a store proxy cannot be written to IndexedDB.
  const stored = drafts[slug]?.fields;
  const before = previous ?? (stored && { ...stored });
  try {
    await replace(slug, EMPTY_FIELDS, atLeast);
  } catch (err) {
    notifyFailure("Discarding the draft", err);
    throw err;
  }
  notify("Draft discarded", {
    action: before && {
      label: "Undo",
      run: () => {
        replace(slug, before).then(
          () => notify("Draft restored"),
          (err) => notifyFailure("Restoring the draft", err),
        );
      },
    },
  });
}

/** Shows what the device now holds (after an import, or after deleting all data). */
export async function reloadDrafts(): Promise<void> {
  const all = await store.reload().catch(() => undefined);
  for (const [slug, draft] of all ?? []) for (const fn of editors.get(slug) ?? []) fn(draft);
}
