// The articles a reader keeps offline: each opened or bookmarked article's body and images copied
// into the reader cache (`CACHES.content`, Cache Storage), which no update clears, so it opens
// offline whatever later deploys precache. The body's copy carries when it was last opened and
// which files it needs; the cache is kept within OFFPRINT_READER_CACHE_MB (./eviction.ts decides
// what goes). Done from the page, not the worker: only the page knows the reader's bookmarks and
// drafts.
// Loaded on demand by ./offline.ts and the settings page, never at start-up.
import type { ArticleBody, ArticleSummary } from "../catalog/types.ts";
import { assetUrl, loadBody } from "../catalog/catalog.ts";
import { findSummary } from "../catalog/find.ts";
import { loadCatalog } from "../catalog/whole-catalog.ts";
import { CACHES } from "../storage/keys.ts";
import { isTrustworthy } from "../catalog/content-rules.ts";
import { articleAddress, articlePageFile, isPageOf } from "../catalog/article-pages.ts";
import { isSaved, startLibrary, storageProblem } from "./library.ts";
import { hasDraft, startDrafts } from "./drafts.ts";
import { evict, type KeptGroup } from "./eviction.ts";

/** The reader cache's budget in bytes (the build's OFFPRINT_READER_CACHE_MB, default 50). */
export const READER_CACHE_BYTES: number =
  import.meta.env.OFFPRINT_READER_CACHE_BYTES ?? 50 * 1024 * 1024;

/** Headers on a kept body: when it was last opened, and every file the article needs. */
const OPENED = "X-Offprint-Opened";
const FILES = "X-Offprint-Files";
/** Header on a kept static page: the body file it was written with (bodies are named by hash). */
const MADE_WITH = "X-Offprint-Body";

/** The images an article body shows (same-origin paths), read from its sanitized HTML. */
function imagesIn(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return [...doc.images]
    .map((img) => new URL(img.getAttribute("src") ?? "", location.href))
    .filter((url) => url.origin === location.origin)
    .map((url) => url.pathname);
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs cache changes one after another, so two never judge the same holdings. */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * A trustworthy copy of `url`: from any cache (the precache too), else from the network, which
 * is not asked offline (the request could only fail).
 */
async function copyOf(url: string): Promise<Response> {
  const response = (await caches.match(url)) ?? (navigator.onLine ? await fetch(url) : undefined);
  if (!response || !isTrustworthy(url, response.status, response.headers.get("content-type"))) {
    throw new Error(`${url} is not available right now`);
  }
  return response;
}

/**
 * Copies an article's body and images into the reader cache (from the precache when they are
 * there), stamps it as opened now, then keeps the cache within budget. Throws when a file cannot
 * be had (offline and not cached, or the host answers with something else).
 * @example await keep(article, body.html);
 */
export function keep(article: ArticleSummary, html: string): Promise<void> {
  // One task with the budget check: a check in between must not judge the copy half made.
  return serially(async () => {
    const body = assetUrl(article.body);
    const images = [...(article.image ? [assetUrl(article.image.src)] : []), ...imagesIn(html)];
    const cache = await caches.open(CACHES.content);
    for (const url of new Set(images)) {
      if (!(await cache.match(url))) await cache.put(url, await copyOf(url));
    }
    const page = await keepPage(cache, article, body);
    // The body last: a stamped body in the cache means its article is complete.
    const source = await copyOf(body);
    const headers = new Headers(source.headers);
    headers.set(OPENED, String(Date.now()));
    headers.set(FILES, [body, ...images, ...(page ? [page] : [])].join(" "));
    await cache.put(body, new Response(await source.blob(), { status: 200, headers }));
    await shrink(cache, READER_CACHE_BYTES);
  });
}

/**
 * Copies the article's static page beside its body, for the service worker to answer a
 * navigation with (src/catalog/article-pages.ts). Fetched again only when the body changed: the
 * page's address stays the same from edition to edition. Optional: a host without the build's
 * pages, or no network, leaves the article kept without one. Returns the page's URL when kept.
 */
async function keepPage(
  cache: Cache,
  article: ArticleSummary,
  body: string,
): Promise<string | undefined> {
  const url = assetUrl(articlePageFile(article.slug));
  const kept = await cache.match(url);
  if (kept?.headers.get(MADE_WITH) === body || !navigator.onLine) return kept ? url : undefined;
  try {
    const response = await fetch(url, { cache: "no-cache" });
    const html = await response.text();
    // A host's stand-in (a rewrite to index.html) is not this article's page.
    const fits = isPageOf(html, assetUrl(articleAddress(article.slug)));
    if (fits && isTrustworthy(url, response.status, response.headers.get("content-type"))) {
      const headers = { "Content-Type": "text/html; charset=utf-8", [MADE_WITH]: body };
      await cache.put(url, new Response(html, { status: 200, headers }));
      return url;
    }
  } catch {
    // No network: the old copy, if any, is still the article's page.
  }
  // The worker checks an old copy still fits the app before it serves it.
  return kept ? url : undefined;
}

/**
 * Keeps the article at `slug` offline (its summary read through the paged catalog; `fetched`, its
 * body when the page has it already). False when the edition has no such article.
 */
export async function keepArticle(slug: string, fetched?: ArticleBody): Promise<boolean> {
  const article = await findSummary(slug);
  if (!article) return false;
  const body = fetched?.slug === slug ? fetched : await loadBody(article);
  await keep(article, body.html);
  return true;
}

/** A file in the reader cache: its size and, for a stamped body, when opened and what it needs. */
interface Held {
  url: string;
  size: number;
  opened: number | undefined;
  files: string[];
}

/** What the reader cache holds, read from the cache alone. */
async function contents(cache: Cache): Promise<Held[]> {
  const held: Held[] = [];
  for (const request of await cache.keys()) {
    const url = new URL(request.url).pathname;
    const response = await cache.match(request);
    if (!response) continue;
    const length = Number(response.headers.get("content-length"));
    const size = Number.isFinite(length) && length > 0 ? length : (await response.blob()).size;
    const opened = response.headers.get(OPENED);
    const files = response.headers.get(FILES)?.split(" ") ?? [url];
    held.push({ url, size, opened: opened === null ? undefined : Number(opened) || 0, files });
  }
  return held;
}

/** What the reader cache holds: its files' sizes and the articles they make up. */
interface Holdings {
  sizes: Map<string, number>;
  groups: (KeptGroup & { article?: ArticleSummary })[];
}

/** The cache's files grouped by article, which takes the whole index: read only when needed. */
async function holdings(held: Held[]): Promise<Holdings> {
  const { articles } = await loadCatalog();
  const byBody = new Map(articles.map((a) => [assetUrl(a.body), a]));
  const byImage = new Map(articles.flatMap((a) => (a.image ? [[assetUrl(a.image.src), a]] : [])));
  const sizes = new Map(held.map((h) => [h.url, h.size]));
  const groups: Holdings["groups"] = [];
  const named = new Set<string>();
  for (const { url, opened, files } of held) {
    if (opened === undefined) continue;
    for (const f of files) named.add(f);
    const article = byBody.get(url);
    groups.push({ files, openedAt: opened, stale: !article, pinned: false, article });
  }
  // Files no stamped body names, as the worker cached them on its own (a body being read, a
  // picture in the list): grouped by their article; the rest is stale. A body the worker has just
  // cached is the article being opened, before the page stamps it: it counts as opened now, so
  // the check its caching sets off never drops the very article the reader is reading.
  const unstamped = new Map<ArticleSummary, Holdings["groups"][number]>();
  const now = Date.now();
  for (const url of sizes.keys()) {
    if (named.has(url)) continue;
    const article = byBody.get(url) ?? byImage.get(url);
    const openedAt = byBody.has(url) ? now : 0;
    const group = article && unstamped.get(article);
    if (group) {
      group.files.push(url);
      group.openedAt = Math.max(group.openedAt, openedAt);
    } else if (article)
      unstamped.set(article, { files: [url], openedAt, stale: false, pinned: false, article });
    else groups.push({ files: [url], openedAt: 0, stale: true, pinned: false });
  }
  groups.push(...unstamped.values());
  return { sizes, groups };
}

/** Marks the groups of bookmarked or drafted articles; false when the reader's data is unknown. */
async function pin(groups: Holdings["groups"]): Promise<boolean> {
  await Promise.all([startLibrary(), startDrafts()]);
  if (storageProblem()) return false;
  for (const g of groups) {
    g.pinned = !g.stale && !!g.article && (isSaved(g.article.slug) || hasDraft(g.article.slug));
  }
  return true;
}

/** Deletes what `evict` picks for `budget` bytes; returns how many articles went. */
async function shrink(cache: Cache, budget: number): Promise<number> {
  const held = await contents(cache);
  // Within budget nothing goes (`evict` stops before its first group), so the whole index, which
  // grows with the archive, is not read each time an article is opened.
  if (held.reduce((sum, h) => sum + h.size, 0) <= budget) return 0;
  const { sizes, groups } = await holdings(held);
  // Without the bookmarks and drafts nothing is known to be safe to delete.
  if (!(await pin(groups))) return 0;
  const gone = new Set(evict(groups, (url) => sizes.get(url) ?? 0, budget));
  for (const url of gone) await cache.delete(url);
  return groups.filter((g) => g.article && !g.stale && gone.has(assetUrl(g.article.body))).length;
}

const shrinkTo = (budget: number) =>
  serially(async () => shrink(await caches.open(CACHES.content), budget));

/**
 * Keeps the reader cache within OFFPRINT_READER_CACHE_MB: old revisions and removed articles go
 * first, then the least recently opened articles that are neither bookmarked nor drafted.
 * @example await keepWithinBudget();
 */
export function keepWithinBudget(): Promise<number> {
  // A burst of the worker's messages needs one check after it, not one each.
  pending ??= shrinkTo(READER_CACHE_BYTES).finally(() => (pending = undefined));
  return pending;
}

let pending: Promise<number> | undefined;

/**
 * Settings' "Remove articles not bookmarked": empties the reader cache of everything but the
 * bookmarked and drafted articles. Resolves to how many articles were removed. The caller
 * refreshes state/offline.ts (which loads this module, so this one does not import it back).
 */
export function removeUnpinned(): Promise<number> {
  return shrinkTo(0);
}

/**
 * "Delete all my data": empties the reader cache too (what a reader opened says what they read),
 * and the search shards and catalog files the worker kept (which say what they searched for and
 * looked at).
 * The caller refreshes state/offline.ts, as for removeUnpinned.
 * @example await forgetKeptOffline();
 */
export async function forgetKeptOffline(): Promise<void> {
  if (typeof caches === "undefined") return;
  await serially(() => Promise.all(Object.values(CACHES).map((name) => caches.delete(name))));
}

/** How much is kept offline: complete articles of this edition, and the bytes of all files. */
export interface KeptSummary {
  articles: number;
  bytes: number;
}

/**
 * Counts what the reader cache holds, for Settings → Your data.
 * @example const { articles, bytes } = await keptSummary();
 */
export async function keptSummary(): Promise<KeptSummary> {
  if (typeof caches === "undefined") throw new Error("This browser has no Cache Storage");
  const { sizes, groups } = await serially(async () =>
    holdings(await contents(await caches.open(CACHES.content))),
  );
  return {
    articles: groups.filter(
      (g) => !g.stale && g.article && g.files.includes(assetUrl(g.article.body)),
    ).length,
    bytes: [...sizes.values()].reduce((a, b) => a + b, 0),
  };
}
