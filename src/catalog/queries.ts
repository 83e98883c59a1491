// The edition's data as the router's keyed queries (as in solid-start's Hacker News example): a
// route's `preload` calls them when a link to it is hovered or focused, and its page reads the
// same entry with `createAsync`, so the fetch starts before the click and never runs twice.
import { query } from "@solidjs/router";
import { loadBody } from "./catalog.ts";
import { findNeighbours, findSummary, listOf, loadManifest, loadPage } from "./pages.ts";
import type { ArticleBody, ArticleSummary } from "./types.ts";

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

/**
 * The sanitized body of the article at `/articles/<slug>` (an old slug of a renamed article gives
 * the new one's); undefined when the edition has no such article.
 * @example const body = createAsync(() => getBody(params.slug));
 */
export const getBody = query(async (slug: string): Promise<ArticleBody | undefined> => {
  const article = await findSummary(slug);
  return article && loadBody(article);
}, "body");

/**
 * The article at `/articles/<slug>` (an old slug of a renamed article gives the new one) with its
 * older and newer neighbours, read from its own slug shard and page, never the whole catalog;
 * `article` is undefined when the edition has no such article.
 * @example const found = createAsync(() => getArticle(params.slug));
 */
export const getArticle = query(
  async (
    slug: string,
  ): Promise<{ article?: ArticleSummary; older?: ArticleSummary; newer?: ArticleSummary }> => {
    const article = await findSummary(slug);
    return { article, ...(article ? await findNeighbours(article.slug) : {}) };
  },
  "article",
);
