// An article page's data as the router's keyed queries (see ./queries.ts): its own module, so
// the start-up file does not carry them; the article page and a link's preload fetch it.
import { query } from "@solidjs/router";
import { bodyInPage } from "./body-in-page.ts";
import { loadBody } from "./catalog.ts";
import { findNeighbours, findSummary } from "./find.ts";
import type { ArticleBody, ArticleSummary } from "./types.ts";

/**
 * The sanitized body of the article at `/articles/<slug>` (an old slug of a renamed article gives
 * the new one's); undefined when the edition has no such article.
 * @example const body = createAsync(() => getBody(params.slug));
 */
export const getBody = query(async (slug: string): Promise<ArticleBody | undefined> => {
  const article = await findSummary(slug);
  return article && (bodyInPage(article.slug) ?? loadBody(article));
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
