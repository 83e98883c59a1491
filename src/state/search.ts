// Full-text search in the browser over the sharded index (catalog/search-shards.ts): the manifest
// is fetched on the first search, then each query fetches only the shards holding its terms, the
// results shown only the result files naming them, and a category or length filter the facets
// file (each kept for the rest of the page's life). Nothing is fetched before the reader
// searches, and nothing that holds the whole catalog.
import { searchUrl } from "virtual:offprint/edition";
import { onDispose } from "./synced-records.ts";
import { assetUrl, fetchJson } from "../catalog/catalog.ts";
import { readOnce } from "../catalog/read-once.ts";
import type { ArticleSummary } from "../catalog/types.ts";
import {
  archiveMatchesAtMost,
  expand,
  queryTerms,
  readShard,
  firstTerms,
  RESULTS_PER_FILE,
  resultFileUrl,
  score,
  shardsFor,
  Ranking,
  type FacetsFile,
  type ResultFile,
  type ScoredHit,
  type SearchManifest,
  type ShardFile,
} from "../catalog/search-shards.ts";

/**
 * One matching article, best first: `id` is its place in the catalog, newest first; `terms` are
 * its words that matched the query, worked out when first read (only the results shown need them).
 */
export type Hit = ScoredHit;

export interface Answer {
  /** The matching articles; `ranking.best(k)` names the best k. */
  ranking: Ranking;
  /**
   * Articles of the archive that may match but could not be searched (offline): 0 when every
   * shard was fetched; `exact` says whether the number is exact or an upper bound.
   */
  unreachable: number;
  exact: boolean;
}

/** What the filters know of every article, by id. */
export interface Facets {
  /** The id's category slug. */
  category(id: number): string | undefined;
  /** Whether it takes five minutes or less to read. */
  short(id: number): boolean;
}

export interface Searcher {
  search(query: string): Promise<Answer>;
  /**
   * The summaries of these articles (ids), in the same order, from the result files holding them;
   * undefined for one whose file cannot be fetched offline.
   */
  summaries(ids: number[]): Promise<(ArticleSummary | undefined)[]>;
  /** Every article's category and length, for the filters. */
  facets(): Promise<Facets>;
  /** An article's id from its number (as the catalog's slug shards give it). */
  idOf(number: number): number;
}

let searcher: Promise<Searcher> | undefined;
// A new app on this page fetches the manifest again on its first search.
onDispose(() => (searcher = undefined));

/** A fetch that failed for want of a network, not because the server said no. */
const isNetworkError = (err: unknown) => err instanceof TypeError;

/**
 * The edition's search, loaded once per page load (the service worker keeps the manifest and the
 * recent shards offline).
 * @example const best = (await (await loadSearch()).search("vienna")).ranking.best(50);
 */
export function loadSearch(): Promise<Searcher> {
  searcher ??= (async (): Promise<Searcher> => {
    const [{ default: SearchableMap }, manifest] = await Promise.all([
      import("minisearch/SearchableMap"),
      fetchJson<SearchManifest>(assetUrl(searchUrl)),
    ]);
    const vocabulary = new SearchableMap<number>();
    manifest.terms.forEach((term, i) => vocabulary.set(term, i));
    // Each file fetched once per page (a failed fetch is tried again next time).
    const firsts = firstTerms(manifest);
    const shard = readOnce((file: string) =>
      fetchJson<ShardFile>(assetUrl(file)).then((f) => readShard(f, firsts.get(file)!)),
    ).get;
    const resultFile = readOnce((k: number) =>
      fetchJson<ResultFile>(assetUrl(resultFileUrl(manifest, k))),
    ).get;
    const facetsFile = readOnce(() => fetchJson<FacetsFile>(assetUrl(manifest.facets))).get;
    const numberOf = (id: number) => manifest.count - 1 - id;
    return {
      idOf: numberOf, // the same arithmetic both ways
      async summaries(ids) {
        const files = await Promise.allSettled(
          ids.map((id) => resultFile(Math.floor(numberOf(id) / RESULTS_PER_FILE))),
        );
        return files.map((f, i) => {
          if (f.status === "rejected") {
            if (isNetworkError(f.reason)) return undefined;
            throw f.reason;
          }
          return f.value.articles[numberOf(ids[i]) % RESULTS_PER_FILE];
        });
      },
      async facets() {
        const { categories, f } = await facetsFile(undefined);
        return { category: (id) => categories[f[id] >> 1], short: (id) => (f[id] & 1) === 1 };
      },
      async search(query) {
        const expansions = expand(queryTerms(query), vocabulary);
        if (!expansions.length) return { ranking: Ranking.none, unreachable: 0, exact: true };
        const files = shardsFor(manifest, expansions);
        // Both tiers at once: one round trip, not two.
        const fetchingRecent = Promise.all(files.recent.map(shard));
        const fetchingArchive = Promise.allSettled(files.archive.map(shard));
        const recent = await fetchingRecent;
        const archive = await fetchingArchive;
        const missing = archive.find((r) => r.status === "rejected");
        if (missing && !isNetworkError(missing.reason)) throw missing.reason;
        const loaded = archive.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
        const scored = score(manifest, expansions, [...recent, ...loaded]);
        // Offline, an archive shard read earlier may still add archive articles: their result
        // files may not be at hand, and the count of those needing a connection holds them.
        if (!missing) return { ranking: scored, unreachable: 0, exact: true };
        const one = expansions.length === 1 && expansions[0].terms.size === 1;
        return {
          ranking: scored.only((id) => id < manifest.recent),
          unreachable: archiveMatchesAtMost(manifest, expansions),
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
