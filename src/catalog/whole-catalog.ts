// The whole catalog index, fetched once per page load. It grows with the archive, so only two
// things still read it, both lazily: the reader cache's upkeep (when the cache is over its
// budget) and, offline, an article whose slug shard or page is not at hand (./find.ts). The
// list, article, search, /saved and /drafts pages read the paged catalog (./pages.ts, ./find.ts).
import { onSourceChange, readIndex } from "./catalog.ts";
import type { ArticleSummary, CatalogIndex } from "./types.ts";

/** The catalog, indexed for the lookups made of it. */
export interface Catalog {
  articles: ArticleSummary[];
  bySlug: Map<string, ArticleSummary>;
  /** Old slugs of renamed articles → their slug now (front matter `aliases`). */
  aliases: Map<string, string>;
}

function indexCatalog(index: CatalogIndex): Catalog {
  const bySlug = new Map(index.articles.map((a) => [a.slug, a]));
  const aliases = new Map(
    Object.entries(index.aliases ?? {}).filter(([old, now]) => !bySlug.has(old) && bySlug.has(now)),
  );
  return { articles: index.articles, bySlug, aliases };
}

let catalog: Promise<Catalog> | undefined;
onSourceChange(() => (catalog = undefined));

/**
 * The edition's catalog, fetched once and shared.
 * @example const { articles } = await loadCatalog();
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= readIndex().then(indexCatalog, (err) => {
    catalog = undefined; // let the next reader try again
    throw err;
  });
  return catalog;
}
