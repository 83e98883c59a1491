// Full-text search in the browser: the index the build wrote is fetched, and MiniSearch loaded,
// only when the reader first searches, so the first page load pays nothing for it.
import { searchUrl } from "virtual:offprint/edition";
import { onDispose } from "./synced-records.ts";
import { assetUrl, EditionUnavailableError } from "../catalog/catalog.ts";
import { isJsonType } from "../catalog/offline-files.ts";
import { INDEX_OPTIONS, QUERY_OPTIONS, type SearchDocument } from "../catalog/search-options.ts";

/** One matching article, best first; `terms` are the article's words that matched the query. */
export interface Hit {
  slug: string;
  score: number;
  terms: string[];
}

export interface Searcher {
  search(query: string): Hit[];
}

let searcher: Promise<Searcher> | undefined;
// A new app on this page fetches the index again on its first search.
onDispose(() => (searcher = undefined));

/**
 * The edition's search, loaded once per page load (the service worker keeps the file offline).
 * @example const hits = (await loadSearch()).search("vienna");
 */
export function loadSearch(): Promise<Searcher> {
  searcher ??= (async (): Promise<Searcher> => {
    const [{ default: MiniSearch }, res] = await Promise.all([
      import("minisearch"),
      fetch(assetUrl(searchUrl)),
    ]);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`.trim());
    if (!isJsonType(res.headers.get("content-type"))) throw new EditionUnavailableError();
    const index = await MiniSearch.loadJSONAsync<SearchDocument>(await res.text(), INDEX_OPTIONS);
    return {
      search: (query) =>
        query.trim()
          ? index
              .search(query, QUERY_OPTIONS)
              .map((r) => ({ slug: String(r.id), score: r.score, terms: r.terms }))
          : [],
    };
  })().catch((err: unknown) => {
    searcher = undefined; // let the next search try again
    throw err;
  });
  return searcher;
}
