// Which articles the service worker downloads on the first visit. The shell, the catalog's
// manifest and first pages and the search's manifest and recent files are always precached (the
// whole catalog index never is); article bodies and their images go in newest first until the budget is spent
// (OFFPRINT_PRECACHE_ARTICLES articles or OFFPRINT_PRECACHE_MB megabytes, whichever comes first).
// The rest are cached by the service worker when they are first opened.
import type { ManifestTransform } from "workbox-build";
import type { Edition } from "./edition.ts";
import { CONTENT_DIR } from "./edition.ts";
import { numberFromEnv } from "./env.ts";
import { catalogFileUrl, shardOf } from "../src/catalog/paged.ts";

export interface PrecacheBudget {
  /** At most this many articles (newest first). */
  articles: number;
  /** At most this many bytes of article bodies and images (the shell and index not counted). */
  bytes: number;
}

export const MB = 1024 * 1024;

/** The default: the newest 200 articles or 20 MB, whichever is less. */
export const DEFAULT_BUDGET: PrecacheBudget = { articles: 200, bytes: 20 * MB };

/** One article and the files it needs offline, as paths relative to the app's base. */
export interface ArticleFiles {
  slug: string;
  files: string[];
}

export interface Selection {
  /** The precached articles' slugs, newest first. */
  slugs: string[];
  /** Every file of those articles. */
  files: Set<string>;
  /** Their total size in bytes (a file shared by two articles counted once). */
  bytes: number;
  /** Articles left out because a file of theirs cannot be precached at all. */
  skipped: string[];
}

/**
 * Reads the budget from the build environment; unset or empty variables keep the default.
 * @example budgetFromEnv({ OFFPRINT_PRECACHE_ARTICLES: "50", OFFPRINT_PRECACHE_MB: "5" })
 * @throws Error naming the variable when a value is not a number ≥ 0.
 */
export function budgetFromEnv(env: Record<string, string | undefined>): PrecacheBudget {
  return {
    articles: numberFromEnv(env, "OFFPRINT_PRECACHE_ARTICLES", DEFAULT_BUDGET.articles, {
      integer: true,
    }),
    bytes: Math.floor(numberFromEnv(env, "OFFPRINT_PRECACHE_MB", DEFAULT_BUDGET.bytes / MB) * MB),
  };
}

/** The default reader cache: 50 MB of articles kept once opened or bookmarked. */
export const DEFAULT_READER_CACHE_BYTES = 50 * MB;

/**
 * The reader cache's budget in bytes, from OFFPRINT_READER_CACHE_MB (fractions allowed).
 * @example readerCacheBytesFromEnv({ OFFPRINT_READER_CACHE_MB: "0.5" }) // 524288
 * @throws Error naming the variable when the value is not a number ≥ 0.
 */
export function readerCacheBytesFromEnv(env: Record<string, string | undefined>): number {
  const mb = numberFromEnv(env, "OFFPRINT_READER_CACHE_MB", DEFAULT_READER_CACHE_BYTES / MB);
  return Math.floor(mb * MB);
}

/**
 * Picks the articles to precache: newest first, stopping at the first one that would go over
 * either limit, so what is offline is always "everything since <date>", never a patchwork.
 * An article with a file of unknown size (one Workbox will not precache) is skipped.
 * @example selectPrecached(filesOf(edition), (f) => sizes.get(f), DEFAULT_BUDGET)
 */
export function selectPrecached(
  newestFirst: ArticleFiles[],
  sizeOf: (file: string) => number | undefined,
  budget: PrecacheBudget,
): Selection {
  const selection: Selection = { slugs: [], files: new Set(), bytes: 0, skipped: [] };
  for (const article of newestFirst) {
    if (selection.slugs.length >= budget.articles) break;
    const added = [...new Set(article.files)].filter((f) => !selection.files.has(f));
    const sizes = added.map(sizeOf);
    if (sizes.some((s) => s === undefined)) {
      selection.skipped.push(article.slug);
      continue;
    }
    const bytes = sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0);
    if (selection.bytes + bytes > budget.bytes) break;
    selection.slugs.push(article.slug);
    selection.bytes += bytes;
    for (const f of added) selection.files.add(f);
  }
  return selection;
}

/** The images an article body shows, from its sanitized HTML, relative to the base. */
export function bodyImages(html: string, base: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<img\b[^>]*?\ssrc="([^"]+)"/g)) {
    const src = m[1].replace(/&amp;/g, "&");
    if (src.startsWith(base + CONTENT_DIR + "/")) found.push(src.slice(base.length));
  }
  return found;
}

/** Every article of an edition with the files it needs offline, newest first. */
export function filesOf(edition: Edition, base: string): ArticleFiles[] {
  return edition.index.articles.map((a) => ({
    slug: a.slug,
    files: [
      a.body,
      ...(a.image ? [a.image.src] : []),
      ...bodyImages(edition.bodies.get(a.slug)?.html ?? "", base),
    ],
  }));
}

/** Is this precache URL an article body or image (as opposed to the shell or the index)? */
export function isArticleFile(url: string): boolean {
  return url.startsWith(`${CONTENT_DIR}/articles/`) || url.startsWith(`${CONTENT_DIR}/img/`);
}

/**
 * Is this a search shard of the archive (articles past OFFPRINT_PRECACHE_ARTICLES)? Those are
 * fetched when a search needs them, never precached; the manifest and the recent shards are.
 */
export function isArchiveSearchShard(url: string): boolean {
  return url.startsWith(`${CONTENT_DIR}/search/archive-`);
}

/** Is this a page or slug shard of the paged catalog (the manifest is not)? */
export function isCatalogFile(url: string): boolean {
  return url.startsWith(`${CONTENT_DIR}/catalog/`);
}

/**
 * The paged catalog's files worth installing: the newest pages of the whole list down to the
 * oldest precached article, the newest two pages of each category, and the slug shards of the
 * precached articles (an article page offline finds its summary through them). The rest is read
 * when needed, so the precache does not grow with the archive.
 */
export function precachedCatalogFiles(edition: Edition, slugs: string[]): Set<string> {
  const { manifest } = edition.paged;
  const newest = (pages: string[], n: number) => pages.slice(Math.max(0, pages.length - n));
  const hashes = [
    ...newest(manifest.all.pages, Math.ceil(slugs.length / manifest.pageSize) + 1),
    ...manifest.categories.flatMap((c) => newest(c.pages, 2)),
    ...new Set(slugs.map((slug) => manifest.shards[shardOf(slug, manifest.shards.length)])),
  ];
  return new Set(hashes.map(catalogFileUrl));
}

/**
 * Is this the whole catalog index? It grows with the archive (~540 bytes an article) and nothing
 * needs it offline any more (the paged catalog and the search's own files do), so it is never
 * precached.
 */
export function isWholeIndex(url: string): boolean {
  return url.startsWith(`${CONTENT_DIR}/index-`);
}

/** What a precached file is, for the build's report. */
export type PrecacheKind = "app" | "catalog" | "search" | "articles" | "images";

export function precacheKind(url: string): PrecacheKind {
  if (url.startsWith(`${CONTENT_DIR}/articles/`)) return "articles";
  if (url.startsWith(`${CONTENT_DIR}/img/`)) return "images";
  if (url.startsWith(`${CONTENT_DIR}/search`)) return "search";
  if (url.startsWith(`${CONTENT_DIR}/catalog`)) return "catalog";
  return "app";
}

/**
 * The build's line on the precache: its total against OFFPRINT_PRECACHE_MB, by kind.
 * @example precacheReport([{ url: "index.html", size: 2048 }], 20 * MB)
 * // "offprint: the service worker precaches 0.0 MB of the 20.0 MB budget (OFFPRINT_PRECACHE_MB): app 0.0 MB in 1 file"
 */
export function precacheReport(entries: { url: string; size: number }[], budget: number): string {
  const kinds = new Map<PrecacheKind, { bytes: number; files: number }>();
  let total = 0;
  for (const { url, size } of entries) {
    const k = kinds.get(precacheKind(url)) ?? { bytes: 0, files: 0 };
    k.bytes += size;
    k.files++;
    kinds.set(precacheKind(url), k);
    total += size;
  }
  const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
  const parts = [...kinds].map(
    ([kind, k]) => `${kind} ${mb(k.bytes)} in ${k.files} file${k.files === 1 ? "" : "s"}`,
  );
  return (
    `offprint: the service worker precaches ${mb(total)} of the ${mb(budget)} budget ` +
    `(OFFPRINT_PRECACHE_MB): ${parts.join(", ")}`
  );
}

/**
 * A Workbox manifest transform that keeps the shell, the catalog's and search's first files and
 * only the budgeted articles, and reports the total by kind. `edition` is read when the service
 * worker is generated, after the content was built.
 * @example workbox: { manifestTransforms: [precacheTransform(() => edition, "/", budget)] }
 */
export function precacheTransform(
  edition: () => Edition | undefined,
  base: string,
  budget: PrecacheBudget,
  report: (selection: Selection) => void = () => undefined,
): ManifestTransform {
  return (entries) => {
    const built = edition();
    if (!built) throw new Error("offprint: the edition was not built before the service worker");
    const sizes = new Map(entries.map((e) => [e.url, e.size]));
    const selection = selectPrecached(filesOf(built, base), (f) => sizes.get(f), budget);
    report(selection);
    const warnings = selection.skipped.map(
      (slug) => `offprint: ${slug} is not precached: one of its files is too large to precache`,
    );
    const catalog = precachedCatalogFiles(built, selection.slugs);
    const manifest = entries.filter(
      (e) =>
        !isArchiveSearchShard(e.url) &&
        !isWholeIndex(e.url) &&
        (!isArticleFile(e.url) || selection.files.has(e.url)) &&
        (!isCatalogFile(e.url) || catalog.has(e.url)),
    );
    // The publisher sees what every reader's first visit installs, whatever the log level.
    console.info(precacheReport(manifest, budget.bytes));
    const total = manifest.reduce((sum, e) => sum + e.size, 0);
    if (total > budget.bytes)
      warnings.push(
        `offprint: the precache (${(total / MB).toFixed(1)} MB) is over OFFPRINT_PRECACHE_MB: the app, the catalog's first pages and the search's recent files are always precached; raise the budget or lower OFFPRINT_PRECACHE_ARTICLES`,
      );
    return { manifest, warnings };
  };
}
