// "Mark all as read" over a whole list view, not only the pages read so far: loaded only when a
// reader presses it, since it may read every page of the view first.
import { markAllRead } from "./library.ts";
import type { ArticleSummary } from "../catalog/types.ts";

/**
 * Reads the view's pages not read yet, then marks every article of it read (with Undo).
 * `pages`: the view's page hashes; `read` reads pages; `shown` gives a page's articles in the view.
 * @example await markViewRead(hashes, (h) => readPages(list, h), (h) => articlesOf(h));
 */
export async function markViewRead(
  pages: string[],
  read: (hashes: string[]) => Promise<void>,
  shown: (hash: string) => ArticleSummary[],
): Promise<void> {
  await read(pages);
  await markAllRead(pages.flatMap((h) => shown(h).map((a) => a.slug)));
}
