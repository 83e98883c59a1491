// Bookmarks, one record per article in the `offprint-bookmarks` database: `{ v, slug, savedAt }`.
import { readAll, read, remove, write } from "./db.ts";
import { Bookmark, validRecords } from "./schema.ts";
import { announce } from "./sync.ts";
import * as v from "valibot";

/**
 * Every bookmark on the device: slug → time saved.
 * @example const saved = await loadBookmarks();
 */
export async function loadBookmarks(): Promise<Map<string, number>> {
  const records = validRecords("bookmarks", await readAll("bookmarks"), Bookmark);
  return new Map([...records.values()].map((b) => [b.slug, b.savedAt]));
}

/** One bookmark's save time, or undefined (for another tab's change). */
export async function loadBookmark(slug: string): Promise<number | undefined> {
  const parsed = v.safeParse(Bookmark, await read("bookmarks", slug));
  return parsed.success ? parsed.output.savedAt : undefined;
}

/** Saves a bookmark; resolves once it is on the device. */
export async function saveBookmark(slug: string, savedAt: number): Promise<void> {
  await write("bookmarks", slug, { v: 1, slug, savedAt } satisfies Bookmark);
  announce({ kind: "bookmarks", key: slug, rev: savedAt });
}

/** Removes a bookmark; resolves once it is gone from the device. */
export async function removeBookmark(slug: string): Promise<void> {
  await remove("bookmarks", slug);
  announce({ kind: "bookmarks", key: slug, rev: Date.now() });
}
