// The sharded search index (format and query in src/catalog/search-shards.ts): MiniSearch indexes
// the edition as before, then every (term, article) pair is scored once here and the postings
// are written in files of about SHARD_BYTES by term range, per tier (recent, archive).
import MiniSearch, { type AsPlainObject } from "minisearch";
import { CONTENT_DIR, shortHash, type Edition, type EditionFile } from "./edition.ts";
import { searchDocuments } from "./search.ts";
import { FIELD_BOOSTS, INDEX_OPTIONS, type SearchDocument } from "../src/catalog/search-options.ts";
import {
  RESULTS_PER_FILE,
  resultFileUrl,
  SCORE_SCALE,
  SHORT_MINUTES,
  type FacetsFile,
  type ResultFile,
  type SearchManifest,
  type ShardFile,
  type ShardRef,
} from "../src/catalog/search-shards.ts";

/** About this many bytes of JSON per shard: a few tens of KB gzip, one round trip. */
export const SHARD_BYTES = 48 * 1024;

/** MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5), as it scores one term in one field of one article. */
function bm25(tf: number, df: number, count: number, length: number, average: number): number {
  const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  return idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / average)));
}

type Postings = [id: number, score: number][];

/** The postings of a term, `[gap, score, …]` as stored. */
function encode(postings: Postings): number[] {
  const out: number[] = [];
  let last = 0;
  for (const [id, score] of postings) {
    out.push(id - last, score);
    last = id;
  }
  return out;
}

/** Cuts one tier's postings into shards of about `target` bytes, in term order. */
function shardTier(
  name: string,
  postings: Postings[],
  target: number,
): { refs: ShardRef[]; files: EditionFile[] } {
  const refs: ShardRef[] = [];
  const files: EditionFile[] = [];
  let shard: ShardFile = { t: [], p: [] };
  let first = -1;
  let last = 0;
  let size = 0;
  const flush = () => {
    if (first < 0) return;
    const json = JSON.stringify(shard);
    const fileName = `${CONTENT_DIR}/search/${name}-${shortHash(json)}.json`;
    refs.push([first, fileName]);
    files.push({ fileName, source: json });
    shard = { t: [], p: [] };
    first = -1;
    last = 0;
    size = 0;
  };
  postings.forEach((p, i) => {
    if (!p?.length) return;
    const encoded = encode(p);
    const bytes = 6 + JSON.stringify(encoded).length;
    if (size > 0 && size + bytes > target) flush();
    if (first < 0) first = i;
    shard.t.push(i - last);
    shard.p.push(encoded);
    last = i;
    size += bytes;
  });
  flush();
  return { refs, files };
}

/** The result files (summaries by number, oldest first) and their hashes. */
function resultFiles(edition: Edition, recent: number): { hashes: string[]; files: EditionFile[] } {
  const oldestFirst = [...edition.index.articles].reverse();
  const sources: string[] = [];
  for (let k = 0; k * RESULTS_PER_FILE < oldestFirst.length; k++) {
    const file: ResultFile = {
      articles: oldestFirst.slice(k * RESULTS_PER_FILE, (k + 1) * RESULTS_PER_FILE),
    };
    sources.push(JSON.stringify(file));
  }
  const hashes = sources.map(shortHash);
  const m = { count: oldestFirst.length, recent, results: hashes };
  return {
    hashes,
    files: sources.map((source, k) => ({ fileName: resultFileUrl(m, k), source })),
  };
}

/** The facets file: every article's category and length, by id. */
function facetsFile(edition: Edition): EditionFile {
  const articles = edition.index.articles;
  const categories = [...new Set(articles.map((a) => a.categorySlug))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const file: FacetsFile = {
    categories,
    f: articles.map((a) => index.get(a.categorySlug)! * 2 + (a.minutes <= SHORT_MINUTES ? 1 : 0)),
  };
  const source = JSON.stringify(file);
  return { fileName: `${CONTENT_DIR}/search/facets-${shortHash(source)}.json`, source };
}

/**
 * The manifest (first) and every other file of an edition's search: shards, result files and
 * the facets file. `recent` is how many of the
 * newest articles make the recent tier (the precached ones).
 * @example const [manifest, ...shards] = buildSearchShards(edition, 200);
 */
export function buildSearchShards(
  edition: Edition,
  recent: number,
  target = SHARD_BYTES,
): EditionFile[] {
  const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
  index.addAll(searchDocuments(edition));
  const plain = index.toJSON() as AsPlainObject;
  const count = edition.index.articles.length;
  const position = new Map(edition.index.articles.map((a, i) => [a.slug, i]));
  const idOf = (shortId: string) => position.get(String(plain.documentIds[shortId])) ?? -1;
  const fieldNames = Object.keys(plain.fieldIds) as (keyof typeof FIELD_BOOSTS)[];
  const recentCount = Math.min(Math.max(0, recent), count);

  const entries = plain.index.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const terms = entries.map(([term]) => term);
  const recentPostings: Postings[] = [];
  const archivePostings: Postings[] = [];
  for (const [, fields] of entries) {
    const scores = new Map<number, number>();
    for (const field of fieldNames) {
      const fieldId = plain.fieldIds[field];
      const docs = fields[fieldId];
      if (!docs) continue;
      const df = Object.keys(docs).length;
      for (const [shortId, tf] of Object.entries(docs)) {
        const length = plain.fieldLength[shortId][fieldId];
        const s = bm25(tf, df, count, length, plain.averageFieldLength[fieldId]);
        const id = idOf(shortId);
        scores.set(id, (scores.get(id) ?? 0) + FIELD_BOOSTS[field] * s);
      }
    }
    const all: Postings = [...scores]
      .map(([id, s]): [number, number] => [id, Math.max(1, Math.round(s * SCORE_SCALE))])
      .sort((a, b) => a[0] - b[0]);
    recentPostings.push(all.filter(([id]) => id < recentCount));
    archivePostings.push(all.filter(([id]) => id >= recentCount));
  }
  const r = shardTier("recent", recentPostings, target);
  const a = shardTier("archive", archivePostings, target);
  const results = resultFiles(edition, recentCount);
  const facets = facetsFile(edition);
  const manifest: SearchManifest = {
    v: 2,
    count,
    recent: recentCount,
    terms,
    recentDf: recentPostings.map((p) => p.length),
    archiveDf: archivePostings.map((p) => p.length),
    tiers: { recent: r.refs, archive: a.refs },
    results: results.hashes,
    facets: facets.fileName,
  };
  const json = JSON.stringify(manifest);
  return [
    { fileName: `${CONTENT_DIR}/search-${shortHash(json)}.json`, source: json },
    ...r.files,
    ...a.files,
    ...results.files,
    facets,
  ];
}
