// The reader's reading state in memory: read marks and bookmarks, loaded from the device once at
// start-up, kept in step with other tabs, and changed only through the functions below, which write
// first-optimistically and roll back (and say so) when the device refuses.
import { createSignal } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { loadReadMarks, loadReadChunk, setReadMarks, chunkOf } from "../storage/reads.ts";
import { loadBookmark, loadBookmarks, removeBookmark, saveBookmark } from "../storage/bookmarks.ts";
import { StorageUnavailableError } from "../storage/db.ts";
import { requestPersistence } from "../storage/persist.ts";
import { onChange } from "../storage/sync.ts";
import { notify, notifyFailure } from "./notices.ts";

const [reads, setReads] = createStore<Record<string, number>>({});
const [bookmarks, setBookmarks] = createStore<Record<string, number>>({});
const [storageProblem, setStorageProblem] = createSignal<string | undefined>();

/** Why the device cannot keep the reader's data, or undefined when it can. */
export { storageProblem };

export const isRead = (slug: string): boolean => reads[slug] !== undefined;
export const savedAt = (slug: string): number | undefined => bookmarks[slug];
export const isSaved = (slug: string): boolean => bookmarks[slug] !== undefined;

function failed(what: string, err: unknown): void {
  if (err instanceof StorageUnavailableError) setStorageProblem(err.reason);
  notifyFailure(what, err);
}

function applyMarks(changes: Map<string, number | null>): void {
  setReads(
    produce((state) => {
      for (const [slug, at] of changes) {
        if (at === null) delete state[slug];
        else state[slug] = at;
      }
    }),
  );
}

let started: Promise<void> | undefined;

/** Loads reading state once and follows other tabs. Reading works even if this fails. */
export function startLibrary(): Promise<void> {
  started ??= (async () => {
    try {
      const [marks, saved] = await Promise.all([loadReadMarks(), loadBookmarks()]);
      setReads(reconcile(Object.fromEntries(marks)));
      setBookmarks(reconcile(Object.fromEntries(saved)));
    } catch (err) {
      setStorageProblem(err instanceof Error ? err.message : String(err));
      return;
    }
    onChange(async ({ kind, key }) => {
      try {
        if (kind === "reads") {
          const marks = await loadReadChunk(key);
          setReads(
            produce((state) => {
              for (const slug of Object.keys(state))
                if (chunkOf(slug) === key && !marks.has(slug)) delete state[slug];
              for (const [slug, at] of marks) state[slug] = at;
            }),
          );
        } else if (kind === "bookmarks") {
          const at = await loadBookmark(key);
          setBookmarks(
            produce((state) => (at === undefined ? delete state[key] : (state[key] = at))),
          );
        }
      } catch {
        // Another tab's change could not be read now; the next change or reload brings it.
      }
    });
  })();
  return started;
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
    setBookmarks(produce((s) => delete s[slug]));
    try {
      await removeBookmark(slug);
    } catch (err) {
      setBookmarks(slug, was);
      failed("Removing the bookmark", err);
    }
    return;
  }
  const at = Date.now();
  setBookmarks(slug, at);
  try {
    await saveBookmark(slug, at);
    void requestPersistence();
    for (const fn of bookmarked) fn(slug);
  } catch (err) {
    setBookmarks(produce((s) => delete s[slug]));
    failed("Saving the bookmark", err);
  }
}

/** Re-reads reading state from the device (after an import, or deleting all data). */
export async function reloadLibrary(): Promise<void> {
  await startLibrary();
  const [marks, saved] = await Promise.all([loadReadMarks(), loadBookmarks()]);
  setReads(reconcile(Object.fromEntries(marks)));
  setBookmarks(reconcile(Object.fromEntries(saved)));
}

/** Forgets the in-memory state so a test can start from a new device. */
export function resetLibraryForTests(): void {
  started = undefined;
  setReads(reconcile({}));
  setBookmarks(reconcile({}));
  setStorageProblem(undefined);
}
