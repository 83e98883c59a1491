// An article page's data as keyed queries (see ./queries.ts): its summary, neighbours and body,
// read from its own slug shard and page. Its own chunk, with the article page: the route's
// preload imports it, so the list's start-up code does not carry it.
import { query } from "@solidjs/router";
import { loadBody } from "./catalog.ts";
import { findSummary, loadManifest, loadPage, locate } from "./pages.ts";
import type { ArticleBody, ArticleSummary } from "./types.ts";

/** The older and newer neighbours of an article in the whole list (newest first). */
export async function findNeighbours(
  slug: string,
): Promise<{ older?: ArticleSummary; newer?: ArticleSummary }> {
  const at = (await locate([slug])).get(slug);
  if (!at) return {};
  const { all } = await loadManifest();
  const page = await loadPage(all, at.allPage);
  const i = page.findIndex((a) => a.slug === at.slug);
  const newer = i > 0 ? page[i - 1] : (await loadPage(all, at.allPage + 1)).at(-1);
  const older =
    i < page.length - 1
      ? page[i + 1]
      : at.allPage > 0
        ? (await loadPage(all, at.allPage - 1))[0]
        : undefined;
  return { older, newer };
}

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
