// The paged catalog (src/catalog/paged.ts has the format): the manifest, the pages of every list
// (all articles and each category's) and the slug shards, as files named by their content's hash.
import type { CatalogIndex } from "../src/catalog/types.ts";
import {
  catalogFileUrl,
  PAGE_SIZE,
  shardCount,
  shardOf,
  splitPages,
  type CatalogManifest,
  type CatalogPage,
  type SlugEntry,
  type SlugShard,
} from "../src/catalog/paged.ts";
import { CONTENT_DIR } from "./output-names.ts";
import { JsonFile } from "./json-file.ts";

export interface PagedCatalog {
  manifest: CatalogManifest;
  manifestFile: string;
  /**
   * The manifest first, then pages and shards (a page shared by two lists written once), each
   * holding its data (`JsonFile`): the server renderer reads it without parsing the text.
   */
  files: JsonFile[];
}

/**
 * Splits the catalog index into the manifest, pages and slug shards.
 * @example pagedCatalog(edition.index).manifestFile // "content/catalog-1a2b3c4d5e.json"
 */
export function pagedCatalog(index: CatalogIndex, pageSize = PAGE_SIZE): PagedCatalog {
  const files = new Map<string, JsonFile>();
  const write = (data: unknown): string => {
    const file = new JsonFile(catalogFileUrl, data);
    files.set(file.fileName, file);
    return file.hash;
  };
  const listOf = (articles: CatalogIndex["articles"]) => ({
    count: articles.length,
    pages: splitPages(articles, pageSize).map((p) => write({ articles: p } satisfies CatalogPage)),
  });

  const names = new Map<string, string>();
  for (const a of index.articles) names.set(a.categorySlug, a.category);
  const categories = [...names]
    .map(([slug, name]) => ({ slug, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const categoryOf = new Map(categories.map((c, i) => [c.slug, i]));

  // Where each article is: its number in the whole list and its page in its category's, both
  // counted from the oldest.
  const entries = new Map<string, SlugEntry>();
  const seen = new Map<string, number>();
  index.articles.forEach((a, i) => {
    const category = categoryOf.get(a.categorySlug) ?? 0;
    const before = seen.get(a.categorySlug) ?? 0;
    seen.set(a.categorySlug, before + 1);
    entries.set(a.slug, [
      index.articles.length - 1 - i,
      category,
      before, // made a page number below, once the category's length is known
    ]);
  });
  for (const a of index.articles) {
    const entry = entries.get(a.slug) as [number, number, number];
    const count = seen.get(a.categorySlug) ?? 0;
    entry[2] = Math.floor((count - 1 - entry[2]) / pageSize);
  }
  for (const [old, now] of Object.entries(index.aliases ?? {})) {
    const to = entries.get(now);
    if (!entries.has(old) && to) entries.set(old, [...to.slice(0, 3), now] as SlugEntry);
  }
  const n = shardCount(entries.size);
  const shards: SlugShard[] = Array.from({ length: n }, () => ({}));
  for (const slug of [...entries.keys()].sort())
    shards[shardOf(slug, n)][slug] = entries.get(slug)!;

  const manifest: CatalogManifest = {
    version: 3,
    pageSize,
    all: listOf(index.articles),
    categories: categories.map((c) => ({
      ...c,
      ...listOf(index.articles.filter((a) => a.categorySlug === c.slug)),
    })),
    shards: shards.map(write),
  };
  const manifestFile = new JsonFile((hash) => `${CONTENT_DIR}/catalog-${hash}.json`, manifest);
  return {
    manifest,
    manifestFile: manifestFile.fileName,
    files: [manifestFile, ...files.values()],
  };
}

/** The page files a cold `/` reads first: the newest two of the whole list (the newest may be short). */
export function firstPages(manifest: CatalogManifest): string[] {
  return manifest.all.pages.slice(-2).reverse().map(catalogFileUrl);
}
