// Reading the paged catalog (format in ./paged.ts): the manifest once per page load, each page at
// most once, on demand; a list reads the pages it shows. Finding articles by slug (the shards) is
// ./find.ts, a chunk of its own: a first visit to the list never needs it.
import { catalogUrl } from "virtual:offprint/edition";
import { onSourceChange, readEditionFile } from "./catalog.ts";
import { readOnce } from "./read-once.ts";
import type { ArticleSummary } from "./types.ts";
import { catalogFileUrl, type CatalogManifest, type CatalogPage, type PagedList } from "./paged.ts";

const files = readOnce((path: string) => readEditionFile<unknown>(path));

/** Reads a file of the edition once; a failed read is tried again next time. */
export const once = <T>(path: string): Promise<T> => files.get(path) as Promise<T>;
// The edition is read from elsewhere (see `readEditionFrom`): what was read from the old goes.
onSourceChange(files.clear);

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
