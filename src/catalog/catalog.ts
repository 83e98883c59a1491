// Loading the edition: the catalog index once per page load, and one article body on demand.
import { indexUrl } from "virtual:offprint/edition";
import type { ArticleBody, ArticleSummary, CatalogIndex } from "./types.ts";
import { isJsonType } from "./offline-files.ts";
import { restoreIds } from "./own-ids.ts";

/** Turns a path relative to the app's base into a URL the browser can fetch. */
export function assetUrl(relative: string): string {
  return import.meta.env.BASE_URL + relative;
}

/** The catalog, indexed for the lookups pages make. */
export interface Catalog {
  articles: ArticleSummary[];
  bySlug: Map<string, ArticleSummary>;
  /** Each slug's place in `articles`, so finding an article's neighbours does not scan the list. */
  place: Map<string, number>;
  /** Old slugs of renamed articles → their slug now (front matter `aliases`). */
  aliases: Map<string, string>;
  categories: { name: string; slug: string; count: number }[];
}

/**
 * The host answered with something other than the edition's JSON: a deploy still uploading, on a
 * host that rewrites every unknown path to the app's own page (with status 200).
 */
export class EditionUnavailableError extends Error {
  constructor() {
    super("This edition's files are not available right now.");
    this.name = "EditionUnavailableError";
  }
}

/** Fetches one of the edition's JSON files; rejects with an EditionUnavailableError on HTML. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
  if (!isJsonType(res.headers.get("content-type"))) throw new EditionUnavailableError();
  return (await res.json()) as T;
}

function indexCatalog(index: CatalogIndex): Catalog {
  const bySlug = new Map(index.articles.map((a) => [a.slug, a]));
  const place = new Map(index.articles.map((a, i) => [a.slug, i]));
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
  return { articles: index.articles, bySlug, place, aliases, categories };
}

/**
 * Where the edition is read from: the network in the browser; at build time, when the pages are
 * rendered to static HTML (build/prerender.ts), the build's own files in memory.
 */
export interface EditionSource {
  index(): Promise<CatalogIndex>;
  body(article: ArticleSummary): Promise<ArticleBody>;
}

/**
 * The body the page's static copy already shows, when the page is this article's (build/prerender.ts
 * renders the same sanitized HTML): the app takes it from there instead of fetching it again,
 * with the ids the copy renamed given back.
 */
function bodyInPage(slug: string): ArticleBody | undefined {
  if (typeof document === "undefined") return undefined;
  const prose = document.querySelector(`:root:not(.deep) #first-screen .prose[data-slug]`);
  if (!prose || prose.getAttribute("data-slug") !== slug) return undefined;
  const copy = prose.cloneNode(true) as Element;
  restoreIds(copy);
  return { slug, html: copy.innerHTML };
}

let source: EditionSource = {
  index: () => fetchJson<CatalogIndex>(assetUrl(indexUrl)),
  body: async (article) =>
    bodyInPage(article.slug) ?? fetchJson<ArticleBody>(assetUrl(article.body)),
};

let catalog: Promise<Catalog> | undefined;

/**
 * Reads the edition from `from` instead of the network (the server renderer has no network).
 * @example readEditionFrom({ index: async () => edition.index, body: async (a) => bodies.get(a.slug)! });
 */
export function readEditionFrom(from: EditionSource): void {
  source = from;
  catalog = undefined;
}

/**
 * The edition's catalog, fetched once and shared by every page.
 * @example const { articles } = await loadCatalog();
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= source.index().then(indexCatalog, (err) => {
    catalog = undefined; // let the next page try again
    throw err;
  });
  return catalog;
}

/** Fetches one article's sanitized body. Rejects when it cannot be had (offline, not cached). */
export function loadBody(article: ArticleSummary): Promise<ArticleBody> {
  return source.body(article);
}

/** The older and newer neighbours of an article in the edition (newest first). */
export function neighbours(
  c: Catalog,
  slug: string,
): { older?: ArticleSummary; newer?: ArticleSummary } {
  const i = c.place.get(slug);
  if (i === undefined) return {};
  return { newer: c.articles[i - 1], older: c.articles[i + 1] };
}

/**
 * Where an article's address leads now: its own slug, the new slug of a renamed article (an old
 * slug in its `aliases`), or undefined when the edition has no such article.
 * @example movedTo(catalog, "old-name") // "new-name"
 */
export function movedTo(c: Catalog, slug: string): string | undefined {
  return c.bySlug.has(slug) ? slug : c.aliases.get(slug);
}
