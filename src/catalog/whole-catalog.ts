// The whole catalog index, fetched once per page load: only the search, /saved and /drafts, the
// carry-over of renamed articles and the reader cache's upkeep still read it, all loaded lazily,
// so the list and article pages (the paged catalog, ./pages.ts) never fetch it.
import { query } from "@solidjs/router";
import { onSourceChange, readIndex } from "./catalog.ts";
import type { ArticleSummary, CatalogIndex } from "./types.ts";

/** The catalog, indexed for the lookups pages make. */
export interface Catalog {
  articles: ArticleSummary[];
  bySlug: Map<string, ArticleSummary>;
  /** Old slugs of renamed articles → their slug now (front matter `aliases`). */
  aliases: Map<string, string>;
  categories: { name: string; slug: string; count: number }[];
}

function indexCatalog(index: CatalogIndex): Catalog {
  const bySlug = new Map(index.articles.map((a) => [a.slug, a]));
  const counts = new Map<string, { name: string; slug: string; count: number }>();
  for (const a of index.articles) {
    const c = counts.get(a.categorySlug) ?? { name: a.category, slug: a.categorySlug, count: 0 };
    c.count++;
    counts.set(a.categorySlug, c);
  }
  const categories = [...counts.values()].sort((a, b) => a.name.localeCompare(b.name));
  const aliases = new Map(
    Object.entries(index.aliases ?? {}).filter(([old, now]) => !bySlug.has(old) && bySlug.has(now)),
  );
  return { articles: index.articles, bySlug, aliases, categories };
}

let catalog: Promise<Catalog> | undefined;
onSourceChange(() => (catalog = undefined));

/**
 * The edition's catalog, fetched once and shared by every page.
 * @example const { articles } = await loadCatalog();
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= readIndex().then(indexCatalog, (err) => {
    catalog = undefined; // let the next page try again
    throw err;
  });
  return catalog;
}

/**
 * Where an article's address leads now: its own slug, the new slug of a renamed article (an old
 * slug in its `aliases`), or undefined when the edition has no such article.
 * @example movedTo(catalog, "old-name") // "new-name"
 */
export function movedTo(c: Catalog, slug: string): string | undefined {
  return c.bySlug.has(slug) ? slug : c.aliases.get(slug);
}

/**
 * The catalog, indexed, as a router query (the route preloads it).
 * @example const catalog = createAsync(() => getCatalog());
 */
export const getCatalog = query(() => loadCatalog(), "catalog");
