// The edition's data as the router's keyed queries (as in solid-start's Hacker News example): a
// route's `preload` calls them when a link to it is hovered or focused, and its page reads the
// same entry with `createAsync`, so the fetch starts before the click and never runs twice.
import { query } from "@solidjs/router";
import { listOf, loadManifest, loadPage } from "./pages.ts";
import type { ArticleSummary } from "./types.ts";

/**
 * What a list opens with: the catalog's manifest and the newest two pages of the list (all
 * articles, or the category's), by hash; `list` is undefined for a category the edition lacks.
 * @example const start = createAsync(() => getListStart(params.category));
 */
export const getListStart = query(async (category?: string) => {
  const manifest = await loadManifest();
  const list = listOf(manifest, category);
  const seed = new Map<string, ArticleSummary[]>();
  if (list) {
    const newest = [list.pages.length - 1, list.pages.length - 2].filter((k) => k >= 0);
    const read = await Promise.all(newest.map((k) => loadPage(list, k)));
    newest.forEach((k, i) => seed.set(list.pages[k], read[i]));
  }
  return { manifest, list, seed };
}, "list-start");
