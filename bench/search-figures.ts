// Search figures for issue 17 (B8 search rows), in Node over a generated edition, comparing in one
// run the single MiniSearch index (before) with the sharded index (now): bytes a first search
// fetches (gzip), the time to parse what it fetched and answer, the warm p95 over B6a's queries,
// and the index total against the bodies (gzip, file by file as served).
// Usage: npx tsx bench/search-figures.ts <edition folder> [recent articles, default 200]
import MiniSearch from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import { buildEdition } from "../build/edition.ts";
import { searchDocuments } from "../build/search.ts";
import { buildSearchShards } from "../build/search-shards.ts";
import {
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  type SearchDocument,
} from "../src/catalog/search-options.ts";
import {
  expand,
  queryTerms,
  readShard,
  firstTerms,
  score,
  shardsFor,
  type SearchManifest,
  type Shard,
  type ShardFile,
} from "../src/catalog/search-shards.ts";
import { QUERIES } from "./queries.ts";
import { gzipSize, p95, round } from "./lib/stats.ts";

const folder = process.argv[2];
if (!folder) throw new Error("usage: npx tsx bench/search-figures.ts <edition folder> [recent]");
const recent = Number(process.argv[3] ?? 200);

const t0 = performance.now();
const edition = await buildEdition(folder);
const n = edition.index.articles.length;
console.log(`${n} articles built in ${round((performance.now() - t0) / 1000)} s`);
const bodies = edition.files.filter((f) => f.fileName.startsWith("content/articles/"));
const bodiesGzip = bodies.reduce((sum, f) => sum + gzipSize(f.source), 0);

// Before: one MiniSearch index, fetched whole by the first search.
const mini = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
mini.addAll([...searchDocuments(edition)]);
const single = JSON.stringify(mini);
const singleGzip = gzipSize(single);
let t = performance.now();
const loaded = MiniSearch.loadJSON<SearchDocument>(single, INDEX_OPTIONS);
loaded.search(QUERIES[0], QUERY_OPTIONS);
const singleFirst = performance.now() - t;
const singleTimes = QUERIES.map((q) => {
  const s = performance.now();
  loaded.search(q, QUERY_OPTIONS);
  return performance.now() - s;
});

// Now: the manifest, then only the shards a query needs.
t = performance.now();
const [manifestFile, ...shardFiles] = buildSearchShards(edition, recent);
const buildMs = performance.now() - t;
const sources = new Map(shardFiles.map((f) => [f.fileName, String(f.source)]));
const shardedGzip = [manifestFile, ...shardFiles].reduce((s, f) => s + gzipSize(f.source), 0);
const manifestGzip = gzipSize(manifestFile.source);

t = performance.now();
const manifest = JSON.parse(String(manifestFile.source)) as SearchManifest;
const vocabulary = new SearchableMap<number>();
manifest.terms.forEach((term, i) => vocabulary.set(term, i));
const cache = new Map<string, Shard>();
const firsts = firstTerms(manifest);
const fetched: string[] = [];
const answer = (q: string) => {
  const expansions = expand(queryTerms(q), vocabulary);
  const files = shardsFor(manifest, expansions);
  const shards = [...files.recent, ...files.archive].map((f) => {
    let shard = cache.get(f);
    if (!shard) {
      shard = readShard(JSON.parse(sources.get(f)!) as ShardFile, firsts.get(f)!);
      cache.set(f, shard);
      fetched.push(f);
    }
    return shard;
  });
  return score(manifest, expansions, shards).best(50); // the page of results shown
};
answer(QUERIES[0]);
const shardedFirst = performance.now() - t;
const firstBytes = manifestGzip + fetched.reduce((s, f) => s + gzipSize(sources.get(f)!), 0);
const firstShards = fetched.length;
for (const q of QUERIES) answer(q); // every shard the queries need, at hand
const shardedTimes = QUERIES.map((q) => {
  const s = performance.now();
  answer(q);
  return performance.now() - s;
});
const perQuery = QUERIES.map((q) => {
  fetched.length = 0;
  cache.clear();
  answer(q);
  return manifestGzip + fetched.reduce((s, f) => s + gzipSize(sources.get(f)!), 0);
});

const figures = {
  articles: n,
  bodiesGzip,
  single: {
    gzip: singleGzip,
    ratio: round(singleGzip / bodiesGzip),
    firstSearchBytes: singleGzip,
    firstSearchParseAndQueryMs: round(singleFirst),
    warmP95Ms: round(p95(singleTimes)),
  },
  sharded: {
    shards: shardFiles.length,
    recentShards: manifest.tiers.recent.length,
    buildMs: round(buildMs),
    gzip: shardedGzip,
    manifestGzip,
    ratio: round(shardedGzip / bodiesGzip),
    firstSearch: `“${QUERIES[0]}”: ${firstShards} shards`,
    firstSearchBytes: firstBytes,
    firstSearchParseAndQueryMs: round(shardedFirst),
    firstSearchBytesMaxOverQueries: Math.max(...perQuery),
    warmP95Ms: round(p95(shardedTimes)),
  },
};
console.log(JSON.stringify(figures, null, 2));
