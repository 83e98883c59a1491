// Full-text search in the browser over the sharded index (catalog/search-shards.ts): the manifest
// is fetched on the first search, then each query fetches only the shards holding its terms
// (kept for the rest of the page's life). Nothing is fetched before the reader searches.
import { searchUrl } from "virtual:offprint/edition";
import { onDispose } from "./synced-records.ts";
import { assetUrl, fetchJson } from "../catalog/catalog.ts";
import { loadCatalog } from "../catalog/whole-catalog.ts";
import type { SearchManifest, Shard, ShardFile } from "../catalog/search-shards.ts";

/** One matching article, best first; `terms` are the article's words that matched the query. */
export interface Hit {
  slug: string;
  score: number;
  /** Worked out when first read (only the results shown need them). */
  readonly terms: string[];
}

export interface Answer {
  hits: Hit[];
  /**
   * Articles of the archive that may match but could not be searched (offline): 0 when every
   * shard was fetched; `exact` says whether the number is exact or an upper bound.
   */
  unreachable: number;
  exact: boolean;
}

export interface Searcher {
  search(query: string): Promise<Answer>;
}

let searcher: Promise<Searcher> | undefined;
// A new app on this page fetches the manifest again on its first search.
onDispose(() => (searcher = undefined));

/** A fetch that failed for want of a network, not because the server said no. */
const isNetworkError = (err: unknown) => err instanceof TypeError;

/**
 * The edition's search, loaded once per page load (the service worker keeps the manifest and the
 * recent shards offline).
 * @example const { hits } = await (await loadSearch()).search("vienna");
 */
export function loadSearch(): Promise<Searcher> {
  searcher ??= (async (): Promise<Searcher> => {
    const [engine, { default: SearchableMap }, manifest, catalog] = await Promise.all([
      import("../catalog/search-shards.ts"),
      import("minisearch/SearchableMap"),
      fetchJson<SearchManifest>(assetUrl(searchUrl)),
      loadCatalog(),
    ]);
    const vocabulary = new SearchableMap<number>();
    manifest.terms.forEach((term, i) => vocabulary.set(term, i));
    const shards = new Map<string, Promise<Shard>>();
    const shard = (file: string) => {
      let loading = shards.get(file);
      if (!loading) {
        loading = fetchJson<ShardFile>(assetUrl(file)).then(engine.readShard);
        loading.catch(() => shards.delete(file)); // the next query tries again
        shards.set(file, loading);
      }
      return loading;
    };
    return {
      async search(query) {
        const expansions = engine.expand(engine.queryTerms(query), vocabulary);
        if (!expansions.length) return { hits: [], unreachable: 0, exact: true };
        const files = engine.shardsFor(manifest, expansions);
        const recent = await Promise.all(files.recent.map(shard));
        const archive = await Promise.allSettled(files.archive.map(shard));
        const missing = archive.find((r) => r.status === "rejected");
        if (missing && !isNetworkError(missing.reason)) throw missing.reason;
        const loaded = archive.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        const scored = engine.score(manifest, expansions, [...recent, ...loaded]);
        const hits: Hit[] = [];
        for (const hit of scored) {
          const slug = (!missing || hit.id < manifest.recent) && catalog.articles[hit.id]?.slug;
          if (slug)
            hits.push({
              slug,
              score: hit.score,
              get terms() {
                return hit.terms;
              },
            });
        }
        if (!missing) return { hits, unreachable: 0, exact: true };
        const one = expansions.length === 1 && expansions[0].terms.size === 1;
        return {
          hits,
          unreachable: engine.archiveMatchesAtMost(manifest, expansions),
          exact: one,
        };
      },
    };
  })().catch((err: unknown) => {
    searcher = undefined; // let the next search try again
    throw err;
  });
  return searcher;
}
