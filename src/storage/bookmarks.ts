// Bookmarks, one record per article in the `offprint-bookmarks` database, keyed by slug:
// `{ v: 2, slug, savedAt, title? }`. Version 2 added the article's title as it was when saved, so a
// bookmark of an article no longer in the edition can still be named.
import * as v from "valibot";
import { loadAll, loadOne, isSlug, REMOVE, SLUG, TIME, update, secondVersion } from "./records.ts";
import { announce } from "./sync.ts";

const TITLE = v.pipe(v.string(), v.maxLength(1000));
const BookmarkV1 = v.object({ v: v.literal(1), slug: SLUG, savedAt: TIME });
const BookmarkV2 = v.object({
  v: v.literal(2),
  slug: SLUG,
  savedAt: TIME,
  title: v.optional(TITLE),
});
export type Bookmark = v.InferOutput<typeof BookmarkV2>;

/** Version 2 added the optional title. */
export const BookmarkAdapter = secondVersion<Bookmark>("bookmarks", BookmarkV1, BookmarkV2, isSlug);

/**
 * Every bookmark on the device: slug → time saved.
 * @example const saved = await loadBookmarks();
 */
export async function loadBookmarks(): Promise<Map<string, number>> {
  return new Map([...(await loadBookmarkRecords()).values()].map((b) => [b.slug, b.savedAt]));
}

/** Every bookmark record on the device, slug → record (with the title it was saved with). */
export async function loadBookmarkRecords(): Promise<Map<string, Bookmark>> {
  const records = await loadAll(BookmarkAdapter);
  for (const [key, b] of records) if (b.slug !== key) records.delete(key);
  return records;
}

/** One bookmark's save time, or undefined (for another tab's change). */
export async function loadBookmark(slug: string): Promise<number | undefined> {
  return (await loadOne(BookmarkAdapter, slug))?.savedAt;
}

/** Saves a bookmark; resolves once it is on the device. */
export async function saveBookmark(slug: string, savedAt: number, title?: string): Promise<void> {
  await update(BookmarkAdapter, slug, () => ({
    v: 2 as const,
    slug,
    savedAt,
    ...(title ? { title } : {}),
  }));
  announce({ kind: "bookmarks", key: slug, rev: savedAt });
}

/** Removes a bookmark; resolves once it is gone from the device. */
export async function removeBookmark(slug: string): Promise<void> {
  await update(BookmarkAdapter, slug, () => REMOVE);
  announce({ kind: "bookmarks", key: slug, rev: Date.now() });
}
