// The edition's data as the router's keyed queries (as in solid-start's Hacker News example): a
// route's `preload` calls them when a link to it is hovered or focused, and its page reads the
// same entry with `createAsync`, so the fetch starts before the click and never runs twice.
import { query } from "@solidjs/router";
import { loadBody, loadCatalog, movedTo } from "./catalog.ts";
import type { ArticleBody } from "./types.ts";

/**
 * The catalog, indexed (fetched once per page load by `loadCatalog`).
 * @example const catalog = createAsync(() => getCatalog());
 */
export const getCatalog = query(() => loadCatalog(), "catalog");

/**
 * The sanitized body of the article at `/articles/<slug>` (an old slug of a renamed article gives
 * the new one's); undefined when the edition has no such article.
 * @example const body = createAsync(() => getBody(params.slug));
 */
export const getBody = query(async (slug: string): Promise<ArticleBody | undefined> => {
  const catalog = await loadCatalog();
  const article = catalog.bySlug.get(movedTo(catalog, slug) ?? slug);
  return article && loadBody(article);
}, "body");
