// Where the edition is read from (the network, or the build's memory) and one article body on demand.
import { indexUrl } from "virtual:offprint/edition";
import type { ArticleBody, ArticleSummary, CatalogIndex } from "./types.ts";
import { isJsonType } from "./offline-files.ts";

/** Turns a path relative to the app's base into a URL the browser can fetch. */
export function assetUrl(relative: string): string {
  return import.meta.env.BASE_URL + relative;
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

/**
 * Offline, a request can only fail (and the browser logs it): the copy the service worker
 * precached or the reader cache kept answers instead, as the worker would once it controls the
 * page (on a first visit it does not yet). A TypeError, like fetch's own, when there is none.
 */
async function fetchOrKept(url: string): Promise<Response> {
  if (navigator.onLine) return fetch(url);
  const kept = typeof caches === "undefined" ? undefined : await caches.match(url);
  if (!kept) throw new TypeError(`${url} is not kept offline`);
  return kept;
}

/** Fetches one of the edition's JSON files; rejects with an EditionUnavailableError on HTML. */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetchOrKept(url);
  if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
  if (!isJsonType(res.headers.get("content-type"))) throw new EditionUnavailableError();
  return (await res.json()) as T;
}

/**
 * Where the edition is read from: the network in the browser; at build time, when the pages are
 * rendered to static HTML (build/prerender.ts), the build's own files in memory.
 */
export interface EditionSource {
  index(): Promise<CatalogIndex>;
  body(article: ArticleSummary): Promise<ArticleBody>;
  /** Any JSON file of the edition by its path from the base (the paged catalog's files). */
  file(path: string): Promise<unknown>;
}

let source: EditionSource = {
  index: () => fetchJson<CatalogIndex>(assetUrl(indexUrl)),
  body: (article) => fetchJson<ArticleBody>(assetUrl(article.body)),
  file: (path) => fetchJson(assetUrl(path)),
};
const sourceChanged: (() => void)[] = [];

/** Calls `fn` whenever the edition is read from elsewhere, so what was read from the old goes. */
export function onSourceChange(fn: () => void): void {
  sourceChanged.push(fn);
}

/** The whole catalog index (the search, /saved and /drafts still read it). */
export function readIndex(): Promise<CatalogIndex> {
  return source.index();
}

/** One JSON file of the edition, by its path from the base. */
export function readEditionFile<T>(path: string): Promise<T> {
  return source.file(path) as Promise<T>;
}

/**
 * Reads the edition from `from` instead of the network (the server renderer has no network).
 * @example readEditionFrom({ index: async () => edition.index, body: async (a) => bodies.get(a.slug)! });
 */
export function readEditionFrom(from: EditionSource): void {
  source = from;
  for (const fn of sourceChanged) fn();
}

/** Fetches one article's sanitized body. Rejects when it cannot be had (offline, not cached). */
export function loadBody(article: ArticleSummary): Promise<ArticleBody> {
  return source.body(article);
}
