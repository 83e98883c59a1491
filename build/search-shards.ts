// The sharded search index (format and query in src/catalog/search-shards.ts). The build reads the
// articles one at a time, tokenized as MiniSearch tokenizes them, and keeps only counts: per term,
// each article's id and how often the term is in each field, in typed arrays (at 100,000 articles
// MiniSearch's own index and its JSON took gigabytes). Then every (term, article) pair is scored
// once, with MiniSearch's BM25+ and field boosts, and the postings are written in files of about
// SHARD_BYTES by term range, per tier (recent, archive).
//
// What one edit changes is kept small, since a returning reader fetches again every precached
// file whose hash changed: a shard addresses its terms from its own first term (a word added
// elsewhere shifts only the manifest's numbers), and scores use the fields' average lengths
// rounded to two figures (one article more or less words does not move every score).
import MiniSearch from "minisearch";
import { CONTENT_DIR, shortHash, type Edition, type EditionFile } from "./edition.ts";
import { searchDocument } from "./search.ts";
import type { ArticleSummary } from "../src/catalog/types.ts";
import { JsonFile } from "./json-file.ts";
import {
  FIELD_BOOSTS,
  INDEX_OPTIONS,
  processTerm,
  type SearchDocument,
} from "../src/catalog/search-options.ts";
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

/** The indexed fields, in MiniSearch's order. */
type Field = keyof typeof FIELD_BOOSTS;
const FIELDS = INDEX_OPTIONS.fields as Field[];

/** MiniSearch's default tokenizer, so terms and field lengths are the ones it would count. */
const tokenize = MiniSearch.getDefault("tokenize") as (text: string) => string[];

/** MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5), as it scores one term in one field of one article. */
function bm25(tf: number, df: number, count: number, length: number, average: number): number {
  const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
  return idf * (0.5 + (tf * 2.2) / (tf + 1.2 * (0.3 + (0.7 * length) / average)));
}

/**
 * The bits of a posting's packed counts, per field: 32 in all, so a posting takes 8 bytes with its
 * id. A count past its field's maximum is kept at the maximum (a title repeating a word 63 times
 * scores as one repeating it 64 times: BM25 has long stopped growing by then).
 */
const BITS: Record<Field, number> = { title: 6, excerpt: 6, category: 4, text: 16 };
const SHIFT = FIELDS.map((_, f) => FIELDS.slice(0, f).reduce((sum, g) => sum + BITS[g], 0));
const MAX = FIELDS.map((field) => 2 ** BITS[field] - 1);

/** Field `f`'s count in a packed posting. */
const countIn = (packed: number, f: number) => Math.floor(packed / 2 ** SHIFT[f]) & MAX[f];

/** A term's postings while the index is built: article ids, ascending, and packed counts. */
class TermCounts {
  ids = new Int32Array(4);
  counts = new Uint32Array(4);
  size = 0;

  add(id: number, packed: number) {
    if (this.size === this.ids.length) {
      // Half again, not double: at 100,000 articles the spare room is tens of megabytes.
      const room = Math.ceil(this.size * 1.5);
      const ids = new Int32Array(room);
      ids.set(this.ids);
      this.ids = ids;
      const more = new Uint32Array(room);
      more.set(this.counts);
      this.counts = more;
    }
    this.ids[this.size] = id;
    this.counts[this.size] = packed;
    this.size++;
  }
}

/**
 * One article's part of the index: each field's length (its number of distinct tokens, as
 * MiniSearch counts it) and, per term, its packed counts in every field. It depends on the
 * article's document alone, so the build keeps it between builds (build/search-cache.ts).
 */
export interface ArticleCounts {
  lengths: number[];
  terms: string[];
  packed: number[];
}

/** An article's counts: MiniSearch's `add`, keeping only what scoring needs. */
export function countArticle(doc: SearchDocument): ArticleCounts {
  const found = new Map<string, number[]>();
  const lengths = FIELDS.map((field, f) => {
    const tokens = tokenize(doc[field]);
    for (const token of tokens) {
      const term = processTerm(token);
      if (!term) continue;
      let counts = found.get(term);
      if (!counts) found.set(term, (counts = FIELDS.map(() => 0)));
      counts[f]++;
    }
    return new Set(tokens).size;
  });
  const terms = [...found.keys()];
  const packed = terms.map((term) =>
    found.get(term)!.reduce((sum, n, f) => sum + Math.min(n, MAX[f]) * 2 ** SHIFT[f], 0),
  );
  return { lengths, terms, packed };
}

/** The index's counts, one article at a time. */
class IndexCounts {
  readonly terms = new Map<string, TermCounts>();
  readonly lengths: Int32Array[];
  private readonly totals = FIELDS.map(() => 0);

  constructor(readonly count: number) {
    this.lengths = FIELDS.map(() => new Int32Array(count));
  }

  add(id: number, { lengths, terms, packed }: ArticleCounts) {
    lengths.forEach((length, f) => {
      this.lengths[f][id] = length;
      this.totals[f] += length;
    });
    terms.forEach((term, k) => {
      let postings = this.terms.get(term);
      if (!postings) this.terms.set(term, (postings = new TermCounts()));
      postings.add(id, packed[k]);
    });
  }

  /**
   * Each field's average length, to two figures (499.5 → 500): an edit rarely moves it, so rarely
   * every score. BM25 divides a length by it, so ranks barely notice the rounding.
   */
  averages(): number[] {
    return this.totals.map((total) => Number((total / Math.max(1, this.count)).toPrecision(2)));
  }
}

/** Scores a term's postings: `[id, score]` for each article, in id order. */
function scorePostings(t: TermCounts, count: number, lengths: Int32Array[], averages: number[]) {
  const df = FIELDS.map((_, f) => {
    let n = 0;
    for (let k = 0; k < t.size; k++) if (countIn(t.counts[k], f)) n++;
    return n;
  });
  const boosts = FIELDS.map((field) => FIELD_BOOSTS[field]);
  const scores = new Int32Array(t.size);
  for (let k = 0; k < t.size; k++) {
    let s = 0;
    for (let f = 0; f < FIELDS.length; f++) {
      const tf = countIn(t.counts[k], f);
      if (tf) s += boosts[f] * bm25(tf, df[f], count, lengths[f][t.ids[k]], averages[f]);
    }
    scores[k] = Math.max(1, Math.round(s * SCORE_SCALE));
  }
  return scores;
}

/**
 * One tier's shards, written as its terms come in order: each file holds about `target` bytes.
 * A shard's `t` counts from its own first term (given in the manifest's ref), so a term added
 * before it changes the ref, not the file.
 */
class TierWriter {
  readonly refs: ShardRef[] = [];
  readonly files: EditionFile[] = [];
  private shard: ShardFile = { t: [], p: [] };
  private last = -1;
  private size = 0;

  constructor(
    private readonly name: string,
    private readonly target: number,
  ) {}

  /** Adds term `term`'s postings (`[gap, score, …]`, already encoded), if it has any here. */
  add(term: number, encoded: number[]) {
    if (!encoded.length) return;
    const bytes = 6 + JSON.stringify(encoded).length;
    if (this.size > 0 && this.size + bytes > this.target) this.flush();
    if (this.last < 0) this.refs.push([term, ""]);
    this.shard.t.push(this.last < 0 ? 0 : term - this.last);
    this.shard.p.push(encoded);
    this.last = term;
    this.size += bytes;
  }

  flush() {
    if (this.last < 0) return;
    const json = JSON.stringify(this.shard);
    const fileName = `${CONTENT_DIR}/search/${this.name}-${shortHash(json)}.json`;
    this.refs[this.refs.length - 1][1] = fileName;
    this.files.push({ fileName, source: json });
    this.shard = { t: [], p: [] };
    this.last = -1;
    this.size = 0;
  }
}

/** The postings from `from` to `to` (exclusive) as stored: `[gap, score, …]`, ids as gaps. */
function encode(ids: Int32Array, scores: Int32Array, from: number, to: number): number[] {
  const out: number[] = [];
  let last = 0;
  for (let k = from; k < to; k++) {
    out.push(ids[k] - last, scores[k]);
    last = ids[k];
  }
  return out;
}

/** The result files (summaries by number, oldest first) and their hashes. */
function resultFiles(edition: Edition, recent: number): { hashes: string[]; files: JsonFile[] } {
  const oldestFirst = [...edition.index.articles].reverse();
  const hashes: string[] = [];
  const m = { count: oldestFirst.length, recent, results: hashes };
  const files: JsonFile[] = [];
  for (let k = 0; k * RESULTS_PER_FILE < oldestFirst.length; k++) {
    const data: ResultFile = {
      articles: oldestFirst.slice(k * RESULTS_PER_FILE, (k + 1) * RESULTS_PER_FILE),
    };
    // A result file's name says its tier, from its number and the manifest's counts.
    const file = new JsonFile((hash) => {
      hashes[k] = hash;
      return resultFileUrl(m, k);
    }, data);
    files.push(file);
  }
  return { hashes, files };
}

/** The facets file: every article's category and length, by id. */
function facetsFile(edition: Edition): JsonFile<FacetsFile> {
  const articles = edition.index.articles;
  const categories = [...new Set(articles.map((a) => a.categorySlug))].sort();
  const index = new Map(categories.map((c, i) => [c, i]));
  const data: FacetsFile = {
    categories,
    f: articles.map((a) => index.get(a.categorySlug)! * 2 + (a.minutes <= SHORT_MINUTES ? 1 : 0)),
  };
  return new JsonFile((hash) => `${CONTENT_DIR}/search/facets-${hash}.json`, data);
}

/**
 * The manifest (first) and every other file of an edition's search: shards, result files and
 * the facets file. `recent` is how many of the
 * newest articles make the recent tier (the precached ones). `kept`, when given, answers an
 * article's counts from an earlier build (build/search-cache.ts) or makes them.
 * @example const [manifest, ...shards] = buildSearchShards(edition, 200);
 */
export function buildSearchShards(
  edition: Edition,
  recent: number,
  target = SHARD_BYTES,
  kept?: (article: ArticleSummary, make: () => ArticleCounts) => ArticleCounts,
): EditionFile[] {
  const count = edition.index.articles.length;
  const counts = new IndexCounts(count);
  edition.index.articles.forEach((article, id) => {
    const make = () => countArticle(searchDocument(edition, article));
    counts.add(id, kept ? kept(article, make) : make());
  });
  const averages = counts.averages();
  const recentCount = Math.min(Math.max(0, recent), count);

  const terms = [...counts.terms.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const recentTier = new TierWriter("recent", target);
  const archiveTier = new TierWriter("archive", target);
  const recentDf: number[] = [];
  const archiveDf: number[] = [];
  terms.forEach((term, i) => {
    const t = counts.terms.get(term)!;
    const scores = scorePostings(t, count, counts.lengths, averages);
    // Ids ascend, so the recent tier's postings are the first ones.
    let split = 0;
    while (split < t.size && t.ids[split] < recentCount) split++;
    recentTier.add(i, encode(t.ids, scores, 0, split));
    archiveTier.add(i, encode(t.ids, scores, split, t.size));
    recentDf.push(split);
    archiveDf.push(t.size - split);
  });
  recentTier.flush();
  archiveTier.flush();
  const results = resultFiles(edition, recentCount);
  const facets = facetsFile(edition);
  const manifest: SearchManifest = {
    v: 3,
    count,
    recent: recentCount,
    terms,
    recentDf,
    archiveDf,
    tiers: { recent: recentTier.refs, archive: archiveTier.refs },
    results: results.hashes,
    facets: facets.fileName,
  };
  const json = JSON.stringify(manifest);
  return [
    { fileName: `${CONTENT_DIR}/search-${shortHash(json)}.json`, source: json },
    ...recentTier.files,
    ...archiveTier.files,
    ...results.files,
    facets,
  ];
}
