// Finding articles by slug in the paged catalog (format in ./paged.ts): each slug shard read at
// most once, only for the slugs asked about. An article page reads its own shard and page, the
// list the reader's own read and saved slugs' shards; a first visit to the list loads none of
// this (it is its own chunk, fetched by whatever needs it first).
import type { ArticleSummary } from "./types.ts";
import { catalogFileUrl, shardOf, type SlugShard } from "./paged.ts";
import { loadManifest, loadPage, once } from "./pages.ts";
import type { Catalog } from "./whole-catalog.ts";

/** Where an article is in the edition, found through its slug's shard. */
export interface Location {
  /** The article's slug now (another one when the slug asked for is an old one). */
  slug: string;
  /** Its place in the whole list counted from the oldest, 0 first (see `SlugEntry`). */
  number: number;
  /** Its page in the whole list, counted from the oldest. */
  allPage: number;
  /** Index of its category in the manifest's `categories`. */
  category: number;
  categoryPage: number;
}

/**
 * Where each slug is, reading only the shards those slugs fall in; a slug missing from the map is
 * in neither the edition nor its aliases. An old slug of a renamed article gives the new one's place.
 * @example (await locate(["old-name"])).get("old-name")?.slug // "new-name"
 */
export async function locate(slugs: Iterable<string>): Promise<Map<string, Location>> {
  const m = await loadManifest();
  const n = m.shards.length;
  const wanted = [...new Set(slugs)];
  const shards = new Map<number, Promise<SlugShard>>();
  for (const slug of wanted) {
    const k = shardOf(slug, n);
    if (!shards.has(k)) shards.set(k, once<SlugShard>(catalogFileUrl(m.shards[k])));
  }
  const found = new Map<string, Location>();
  for (const slug of wanted) {
    const shard = await shards.get(shardOf(slug, n))!;
    const e = Object.hasOwn(shard, slug) ? shard[slug] : undefined;
    if (e)
      found.set(slug, {
        slug: e[3] ?? slug,
        number: e[0],
        allPage: Math.floor(e[0] / m.pageSize),
        category: e[1],
        categoryPage: e[2],
      });
  }
  return found;
}

/**
 * Every article's slug, or one category's (its index in the manifest's `categories`), read from
 * the slug shards: ~51 bytes a slug where the pages take ~540, so marking a whole list read does
 * not read every page of it. Old slugs of renamed articles are left out.
 * @example await markAllRead(await slugsOf()); // the whole edition
 */
export async function slugsOf(category = -1): Promise<string[]> {
  const m = await loadManifest();
  const shards = await Promise.all(m.shards.map((h) => once<SlugShard>(catalogFileUrl(h))));
  return shards.flatMap((shard) =>
    Object.entries(shard).flatMap(([slug, e]) =>
      e.length === 3 && (category < 0 || e[1] === category) ? [slug] : [],
    ),
  );
}

/**
 * Offline, an article kept in the reader cache may have a shard or page that is not: the whole
 * index, precached with the app, answers instead (read only then: it grows with the archive).
 * Rethrows the first failure when the index cannot be had either.
 */
async function orFromIndex<T>(read: () => Promise<T>, fallback: (c: Catalog) => T): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const c = await import("./whole-catalog.ts").then(
      (m) => m.loadCatalog(),
      () => undefined,
    );
    if (!c) throw err;
    return fallback(c);
  }
}

/** An article's index in the whole catalog (newest first), through its old slug too; -1 if none. */
function indexIn(c: Catalog, slug: string): number {
  const now = c.bySlug.has(slug) ? slug : c.aliases.get(slug);
  return now === undefined ? -1 : c.articles.findIndex((a) => a.slug === now);
}

/**
 * The summaries of the articles at `slugs` (an old slug gives its article's now), by the slug
 * asked; a slug missing from the map is in neither the edition nor its aliases. Reads the shards
 * of those slugs and the pages holding them: a cost that grows with the slugs, not the archive.
 * @example (await summariesOf(savedSlugs())).get("some-slug")?.title
 */
export function summariesOf(slugs: string[]): Promise<Map<string, ArticleSummary>> {
  return orFromIndex(
    async () => {
      const [places, { all }] = await Promise.all([locate(slugs), loadManifest()]);
      const pages = new Map<number, Promise<ArticleSummary[]>>();
      for (const at of places.values())
        if (!pages.has(at.allPage)) pages.set(at.allPage, loadPage(all, at.allPage));
      const found = new Map<string, ArticleSummary>();
      for (const [slug, at] of places) {
        const article = (await pages.get(at.allPage)!).find((a) => a.slug === at.slug);
        if (article) found.set(slug, article);
      }
      return found;
    },
    (c) => {
      const found = new Map<string, ArticleSummary>();
      for (const slug of slugs) {
        const article = c.articles[indexIn(c, slug)];
        if (article) found.set(slug, article);
      }
      return found;
    },
  );
}

/** The summary of the article at `slug` (an old slug gives the new one's), or undefined. */
export const findSummary = (slug: string): Promise<ArticleSummary | undefined> =>
  summariesOf([slug]).then((found) => found.get(slug));

/** The older and newer neighbours of an article in the whole list (newest first). */
export function findNeighbours(
  slug: string,
): Promise<{ older?: ArticleSummary; newer?: ArticleSummary }> {
  return orFromIndex(
    async () => {
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
    },
    (c) => {
      const i = indexIn(c, slug);
      return i < 0 ? {} : { newer: c.articles[i - 1], older: c.articles[i + 1] };
    },
  );
}
