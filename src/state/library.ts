// The reader's reading state in memory: read marks and bookmarks, loaded from the device once at
// start-up, kept in step with other tabs, and changed only through the functions below, which write
// first-optimistically and roll back (and say so) when the device refuses.
import { createSignal } from "solid-js";
import { loadReadMarks, loadReadChunk, setReadMarks, chunkOf } from "../storage/reads.ts";
import { loadBookmark, loadBookmarks, removeBookmark, saveBookmark } from "../storage/bookmarks.ts";
import { StorageUnavailableError } from "../storage/db.ts";
import { requestPersistence } from "../storage/persist.ts";
import { notify, notifyFailure } from "./notices.ts";
import { createSyncedRecords, onDispose } from "./synced-records.ts";

const [storageProblem, setStorageProblem] = createSignal<string | undefined>();
const unavailable = (err: unknown) =>
  setStorageProblem(err instanceof Error ? err.message : String(err));
onDispose(() => setStorageProblem(undefined));

/** Read marks by slug (when marked read); another tab's change names a chunk of slugs. */
const readMarks = createSyncedRecords<number, Map<string, number>>({
  kind: "reads",
  loadAll: loadReadMarks,
  loadOne: loadReadChunk,
  take: (chunk, marks, store) =>
    store.setMany([
      ...Object.keys(store.records)
        .filter((slug) => chunkOf(slug) === chunk && !marks.has(slug))
        .map((slug): [string, undefined] => [slug, undefined]),
      ...marks,
    ]),
  onFail: unavailable,
});
/** Bookmarks by slug (when saved). */
const saved = createSyncedRecords<number>({
  kind: "bookmarks",
  loadAll: loadBookmarks,
  loadOne: loadBookmark,
  onFail: unavailable,
});
const reads = readMarks.records;
const bookmarks = saved.records;

/** Why the device cannot keep the reader's data, or undefined when it can. */
export { storageProblem };

export const isRead = (slug: string): boolean => reads[slug] !== undefined;
export const savedAt = (slug: string): number | undefined => bookmarks[slug];
export const isSaved = (slug: string): boolean => bookmarks[slug] !== undefined;
/** Every slug marked read, in the edition or not. */
export const readSlugs = (): string[] => Object.keys(reads);
/** Every bookmarked slug, in the edition or not. */
export const savedSlugs = (): string[] => Object.keys(bookmarks);

function failed(what: string, err: unknown): void {
  if (err instanceof StorageUnavailableError) setStorageProblem(err.reason);
  notifyFailure(what, err);
}

function applyMarks(changes: Map<string, number | null>): void {
  readMarks.setMany([...changes].map(([slug, at]) => [slug, at ?? undefined]));
}

/** Loads reading state once and follows other tabs. Reading works even if this fails. */
export async function startLibrary(): Promise<void> {
  await Promise.all([readMarks.start(), saved.start()]);
}

/**
 * Sets read marks (null = unread) for many articles at once, and returns what they were before,
 * so the change can be undone exactly.
 */
export async function setRead(
  changes: Map<string, number | null>,
): Promise<Map<string, number | null>> {
  const before = new Map([...changes.keys()].map((slug) => [slug, reads[slug] ?? null]));
  applyMarks(changes);
  try {
    await setReadMarks(changes);
  } catch (err) {
    applyMarks(before);
    failed("Saving the read mark", err);
    throw err;
  }
  return before;
}

/** Marks one article read (opening its page does this). Failures are shown, not thrown. */
export async function markRead(slug: string): Promise<void> {
  await startLibrary();
  if (isRead(slug) || storageProblem()) return;
  await setRead(new Map([[slug, Date.now()]])).catch(() => undefined);
}

/** Toggles one article's read mark. */
export async function toggleRead(slug: string): Promise<unknown> {
  await startLibrary();
  return setRead(new Map([[slug, isRead(slug) ? null : Date.now()]])).catch(() => undefined);
}

/** Marks the given (visible) articles read, with an Undo that restores exactly the previous state. */
export async function markAllRead(slugs: string[]): Promise<void> {
  await startLibrary();
  const now = Date.now();
  const unread = slugs.filter((s) => !isRead(s));
  if (unread.length === 0) {
    notify("Everything here is already read");
    return;
  }
  let before: Map<string, number | null>;
  try {
    before = await setRead(new Map(unread.map((s) => [s, now])));
  } catch {
    return;
  }
  notify(`Marked ${unread.length} ${unread.length === 1 ? "article" : "articles"} as read`, {
    action: {
      label: "Undo",
      run: () => {
        setRead(before).then(
          () => notify("Read marks restored"),
          () => undefined,
        );
      },
    },
  });
}

const bookmarked = new Set<(slug: string) => void>();

/**
 * Runs `fn` after each bookmark saved: the shell keeps the article offline (state/offline.ts). A
 * hook rather than an import, because the reader cache reads which articles are bookmarked.
 * Returns a function that removes it.
 * @example onCleanup(onBookmarked((slug) => void keepOffline(slug)));
 */
export function onBookmarked(fn: (slug: string) => void): () => void {
  bookmarked.add(fn);
  return () => bookmarked.delete(fn);
}

/** Saves or removes a bookmark; the first bookmark asks the browser to keep our data. */
export async function toggleBookmark(slug: string): Promise<void> {
  await startLibrary();
  const was = bookmarks[slug];
  if (was !== undefined) {
    saved.set(slug, undefined);
    try {
      await removeBookmark(slug);
    } catch (err) {
      saved.set(slug, was);
      failed("Removing the bookmark", err);
    }
    return;
  }
  const at = Date.now();
  saved.set(slug, at);
  try {
    // The title as it is now names the bookmark on /saved should the article leave the edition.
    const title = await import("../catalog/find.ts")
      .then((m) => m.findSummary(slug))
      .then(
        (a) => a?.title,
        () => undefined,
      );
    await saveBookmark(slug, at, title);
    void requestPersistence();
    for (const fn of bookmarked) fn(slug);
  } catch (err) {
    saved.set(slug, undefined);
    failed("Saving the bookmark", err);
  }
}

/** Re-reads reading state from the device (after an import, or deleting all data). */
export async function reloadLibrary(): Promise<void> {
  await Promise.all([readMarks.reload(), saved.reload()]);
}
