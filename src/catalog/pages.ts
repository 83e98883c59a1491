// Reading the paged catalog (format in ./paged.ts): the manifest once per page load, each page and
// slug shard at most once, on demand. Nothing here grows with the archive: a list reads the pages
// it shows, an article page its own shard and page, and the reader's own slugs their shards.
import { catalogUrl } from "virtual:offprint/edition";
import { onSourceChange, readEditionFile } from "./catalog.ts";
import type { ArticleSummary } from "./types.ts";
import {
  catalogFileUrl,
  shardOf,
  type CatalogManifest,
  type CatalogPage,
  type PagedList,
  type SlugShard,
} from "./paged.ts";

/** Where an article is in the edition, found through its slug's shard. */
export interface Location {
  /** The article's slug now (another one when the slug asked for is an old one). */
  slug: string;
  allPage: number;
  /** Index of its category in the manifest's `categories`. */
  category: number;
  categoryPage: number;
}

const files = new Map<string, Promise<unknown>>();

/** Reads a file once; a failed read is tried again next time. */
function once<T>(path: string): Promise<T> {
  let p = files.get(path) as Promise<T> | undefined;
  if (!p) {
    p = readEditionFile<T>(path);
    files.set(path, p);
    p.catch(() => files.delete(path));
  }
  return p;
}
// The edition is read from elsewhere (see `readEditionFrom`): what was read from the old goes.
onSourceChange(() => files.clear());

/**
 * The catalog's manifest: counts, categories, page and shard files.
 * @example const { all } = await loadManifest();
 */
export const loadManifest = (): Promise<CatalogManifest> => once(catalogUrl);

/** The summaries of one page of a list (page counted from the oldest), newest first. */
export async function loadPage(list: PagedList, page: number): Promise<ArticleSummary[]> {
  const hash = list.pages[page];
  if (hash === undefined) return [];
  return (await once<CatalogPage>(catalogFileUrl(hash))).articles;
}

/** The list a category slug names (the whole edition's when undefined); undefined if none. */
export function listOf(m: CatalogManifest, category?: string): PagedList | undefined {
  return category === undefined ? m.all : m.categories.find((c) => c.slug === category);
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
      found.set(slug, { slug: e[3] ?? slug, allPage: e[0], category: e[1], categoryPage: e[2] });
  }
  return found;
}

/** The summary of the article at `slug` (an old slug gives the new one's), or undefined. */
export async function findSummary(slug: string): Promise<ArticleSummary | undefined> {
  const at = (await locate([slug])).get(slug);
  if (!at) return undefined;
  const page = await loadPage((await loadManifest()).all, at.allPage);
  return page.find((a) => a.slug === at.slug);
}

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
