// The sharded search index: its file format, shared by the build (build/search-shards.ts, which
// writes it) and the browser (state/search.ts, which queries it), and the query itself.
//
// The build scores every (term, article) pair once, with MiniSearch's own BM25+ over the whole
// edition and the field boosts of QUERY_OPTIONS, and writes the postings in files by term range
// (like Pagefind's chunks). A query reads the small manifest (every term, sorted), expands its
// words to the terms they match (exact; prefix on the word being typed; typos from five
// letters, with MiniSearch's SearchableMap over the manifest's terms), then fetches only the
// files holding those terms and adds up the scores as MiniSearch would.
//
// The articles are split in two tiers: the newest (`recent`, the ones the service worker
// precaches) and the rest (`archive`). Each tier has its own files, so the recent tier's files can
// be precached and a search offline still answers from them, and says how many more would need
// a connection (from the archive's document counts in the manifest).
//
// Results are named from result files of RESULTS_PER_FILE summaries each (fetched for the results
// shown, never the whole catalog), and filtered by category and length from one facets file
// (fetched only when such a filter is on).
import type SearchableMap from "minisearch/SearchableMap";
import { processTerm, searchFuzziness, searchPrefix } from "./search-options.ts";
import type { ArticleSummary } from "./types.ts";

/** A file of one tier: the index of its first term in `terms` (`readShard` needs it), and its path. */
export type ShardRef = [firstTerm: number, file: string];

/** `content/search-<hash>.json`: fetched on the first search, precached. */
export interface SearchManifest {
  v: 3;
  /**
   * Articles indexed; an article's id is its position in the catalog, newest first (its number,
   * counted from the oldest as the catalog's slug shards count, is `count - 1 - id`).
   */
  count: number;
  /** Ids below this are the recent tier. */
  recent: number;
  /** Every indexed term, sorted. */
  terms: string[];
  /** Per term (same order), how many recent articles contain it. */
  recentDf: number[];
  /** Per term (same order), how many archive articles contain it. */
  archiveDf: number[];
  tiers: { recent: ShardRef[]; archive: ShardRef[] };
  /**
   * The hashes of the result files, by number: file k holds the summaries of the articles
   * numbered k × RESULTS_PER_FILE onwards (see `resultFileUrl`).
   */
  results: string[];
  /** The facets file's path (`FacetsFile`). */
  facets: string;
}

/**
 * Summaries per result file: a page of fifty results scattered over the archive fetches at most
 * fifty files of ~3 KB gzip, and the manifest lists one hash per twenty articles.
 */
export const RESULTS_PER_FILE = 20;

/** A result file: summaries, oldest first (by number). */
export interface ResultFile {
  articles: ArticleSummary[];
}

/**
 * What the filters need of every article, by id: its category (index in `categories`) times two,
 * plus one when it takes five minutes or less to read.
 */
export interface FacetsFile {
  /** Category slugs. */
  categories: string[];
  f: number[];
}

/** The longest read the "5 minutes or less" filter keeps. */
export const SHORT_MINUTES = 5;

/**
 * The address of result file `k`. A file whose articles are all past the recent tier is the
 * archive's (named so, and never precached, like the archive's shards).
 * @example resultFileUrl(manifest, 0) // "content/search/archive-results-1a2b3c4d5e.json"
 */
export function resultFileUrl(m: Pick<SearchManifest, "count" | "recent" | "results">, k: number) {
  const archive = (k + 1) * RESULTS_PER_FILE <= m.count - m.recent;
  return `content/search/${archive ? "archive" : "recent"}-results-${m.results[k]}.json`;
}

/**
 * One shard as stored: `t`, its terms' indexes in the manifest as gaps from the previous (the
 * first from the shard's own first term, given by its `ShardRef`, so 0: a word added to the
 * edition before this shard's terms changes the ref, not the file); `p`, each term's postings `[id, score, id, score, …]`, ids as gaps from the
 * previous id (the first from 0), scores ×100 rounded: no term spelled twice, small numbers.
 */
export interface ShardFile {
  t: number[];
  p: number[][];
}

/** One term's postings in one shard: article ids, ascending, and their scores ×SCORE_SCALE. */
export interface Postings {
  ids: Int32Array;
  scores: Int32Array;
}

/** A shard as read: term index → postings, decoded once into typed arrays. */
export type Shard = Map<number, Postings>;

/**
 * Reads a shard file whose first term is `first` (its `ShardRef`'s): gaps become term indexes and
 * ids, and each term's postings two typed arrays.
 */
export function readShard(file: ShardFile, first: number): Shard {
  const shard: Shard = new Map();
  let term = first;
  file.t.forEach((gap, i) => {
    term += gap;
    const stored = file.p[i];
    const n = stored.length >> 1;
    const ids = new Int32Array(n);
    const scores = new Int32Array(n);
    let id = 0;
    for (let k = 0; k < n; k++) {
      id += stored[2 * k];
      ids[k] = id;
      scores[k] = stored[2 * k + 1];
    }
    shard.set(term, { ids, scores });
  });
  return shard;
}

export const SCORE_SCALE = 100;

/** The weights MiniSearch gives a prefix and a fuzzy match (its defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** What MiniSearch's default tokenizer splits on. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** The query's words as the index has them: lower case, stop words and single letters dropped. */
export function queryTerms(query: string): string[] {
  return query
    .split(SPACE_OR_PUNCTUATION)
    .map(processTerm)
    .filter((t): t is string => !!t);
}

/** One word of the query and the indexed terms it matches, each with its weight. */
export interface Expansion {
  word: string;
  /** term index → weight. */
  terms: Map<number, number>;
}

/**
 * The terms each query word matches, weighted as MiniSearch weighs them: 1 for the word itself,
 * less for a longer word it begins (the last word only), less again for a typo.
 * @example expand(["vienaa"], vocabulary) // [{ word: "vienaa", terms: Map { 812 => 0.385 } }]
 */
export function expand(words: string[], vocabulary: SearchableMap<number>): Expansion[] {
  return words.map((word, i) => {
    const terms = new Map<number, number>();
    const exact = vocabulary.get(word);
    if (exact !== undefined) terms.set(exact, 1);
    if (searchPrefix(word, i, words)) {
      for (const [term, id] of vocabulary.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance) terms.set(id, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
      }
    }
    const fuzzy = searchFuzziness(word);
    if (fuzzy) {
      for (const [term, [id, distance]] of vocabulary.fuzzyGet(word, fuzzy)) {
        if (distance && !terms.has(id))
          terms.set(id, (FUZZY_WEIGHT * term.length) / (term.length + distance));
      }
    }
    return { word, terms };
  });
}

/** Each shard file's first term, which `readShard` counts its terms from. */
export function firstTerms(manifest: Pick<SearchManifest, "tiers">): Map<string, number> {
  const { recent, archive } = manifest.tiers;
  return new Map([...recent, ...archive].map(([first, file]) => [file, first]));
}

/** The shard of a tier holding the term with this index (shards are in term order). */
export function shardOf(shards: ShardRef[], term: number): string | undefined {
  let lo = 0;
  let hi = shards.length - 1;
  if (hi < 0 || term < shards[0][0]) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (shards[mid][0] <= term) lo = mid;
    else hi = mid - 1;
  }
  return shards[lo][1];
}

/** The files a query needs, per tier, without duplicates. */
export function shardsFor(manifest: SearchManifest, expansions: Expansion[]) {
  const files = (tier: ShardRef[], df: number[]) => {
    const set = new Set<string>();
    for (const e of expansions)
      for (const id of e.terms.keys()) {
        const file = df[id] ? shardOf(tier, id) : undefined;
        if (file) set.add(file);
      }
    return [...set];
  };
  return {
    recent: files(manifest.tiers.recent, manifest.recentDf),
    archive: files(manifest.tiers.archive, manifest.archiveDf),
  };
}

/** One matching article: its id (catalog position), score, and its terms that matched. */
export interface ScoredHit {
  id: number;
  score: number;
  /** Worked out when first read: only the results shown need them. */
  readonly terms: string[];
}

/** Whether sorted `ids` holds `id`. */
function holds(ids: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = ids[mid];
    if (at === id) return true;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Per-article scratch space, kept between queries and grown with the edition: a query touches
 * only the entries of the articles its terms hold, and resets nothing else.
 */
const scratch = {
  size: 0,
  seen: new Uint32Array(0),
  word: new Float64Array(0),
  total: new Float64Array(0),
  /** The candidates: the first word's articles, narrowed by each later word. */
  hits: new Int32Array(0),
  mark: 0,
};

function scratchFor(count: number) {
  if (scratch.size < count) {
    scratch.size = count;
    scratch.seen = new Uint32Array(count);
    scratch.word = new Float64Array(count);
    scratch.total = new Float64Array(count);
    scratch.hits = new Int32Array(count);
    scratch.mark = 0;
  }
  if (scratch.mark >= 0xfffffff0) {
    scratch.seen.fill(0);
    scratch.mark = 0;
  }
  return scratch;
}

/** One word's matched term and its postings in the shards loaded. */
interface Matched {
  term: string;
  postings: Postings[];
}

/**
 * Every article matching every word (AND), scored as MiniSearch scores: the sum over matched
 * terms of weight × score, times the number of words. Scores add up in typed arrays indexed by
 * article (no object per posting), in MiniSearch's order, so rounding is unchanged. Nothing is
 * sorted here: a common word matches most of the archive and a page shows fifty, so `Ranking`
 * orders only what is asked of it.
 */
export function score(manifest: SearchManifest, expansions: Expansion[], shards: Shard[]): Ranking {
  const none = Ranking.none;
  if (!expansions.length) return none;
  const s = scratchFor(manifest.count);
  const { seen, word, total, hits } = s;
  const perWord: Matched[][] = [];
  let n = 0;
  for (let w = 0; w < expansions.length; w++) {
    const mark = ++s.mark;
    const found: Matched[] = [];
    for (const [termId, weight] of expansions[w].terms) {
      const postings: Postings[] = [];
      for (const shard of shards) {
        const p = shard.get(termId);
        if (!p) continue;
        postings.push(p);
        const { ids, scores } = p;
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k];
          const add = (weight * scores[k]) / SCORE_SCALE;
          if (seen[id] !== mark) {
            seen[id] = mark;
            word[id] = add;
            // Only the first word's articles are candidates; later words only narrow them.
            if (w === 0) hits[n++] = id;
          } else word[id] += add;
        }
      }
      if (postings.length) found.push({ term: manifest.terms[termId], postings });
    }
    perWord.push(found);
    if (w === 0) for (let i = 0; i < n; i++) total[hits[i]] = word[hits[i]];
    else {
      let kept = 0;
      for (let i = 0; i < n; i++) {
        const id = hits[i];
        if (seen[id] !== mark) continue;
        hits[kept++] = id;
        total[id] += word[id];
      }
      n = kept;
    }
    if (!n) return none;
  }
  const ids = hits.slice(0, n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = total[ids[i]] * expansions.length;
  const termsOf = (id: number): string[] => {
    const out = new Set<string>();
    for (const found of perWord)
      for (const { term, postings } of found)
        if (!out.has(term) && postings.some((p) => holds(p.ids, id))) out.add(term);
    return [...out];
  };
  return new Ranking(ids, scores, termsOf);
}

/**
 * A query's matching articles, unordered, and the best of them on demand: highest score first,
 * ties to the lower id (the newer article), as MiniSearch orders them. `best(k)` keeps the best k
 * in a heap (one pass, no sort of the whole), which is what keeps a word matching most of a
 * 100,000-article archive within a few milliseconds.
 * @example score(manifest, expansions, shards).only((id) => id < manifest.recent).best(50)
 */
export class Ranking {
  readonly #ids: Int32Array;
  readonly #scores: Float64Array;
  readonly #termsOf: (id: number) => string[];
  constructor(ids: Int32Array, scores: Float64Array, termsOf: (id: number) => string[]) {
    this.#ids = ids;
    this.#scores = scores;
    this.#termsOf = termsOf;
  }

  /** No match. */
  static readonly none = new Ranking(new Int32Array(0), new Float64Array(0), () => []);

  /** How many articles match. */
  get count(): number {
    return this.#ids.length;
  }

  /** The matches `keep` holds, still unordered. */
  only(keep: (id: number) => boolean): Ranking {
    const ids = this.#ids;
    const scores = this.#scores;
    const keptIds = new Int32Array(ids.length);
    const keptScores = new Float64Array(ids.length);
    let n = 0;
    for (let i = 0; i < ids.length; i++) {
      if (!keep(ids[i])) continue;
      keptIds[n] = ids[i];
      keptScores[n++] = scores[i];
    }
    return new Ranking(keptIds.slice(0, n), keptScores.slice(0, n), this.#termsOf);
  }

  /** The best `k` matches (all of them when k ≥ count), best first. */
  best(k: number): ScoredHit[] {
    const ids = this.#ids;
    const scores = this.#scores;
    // Whether match i ranks below match j.
    const below = (i: number, j: number) =>
      scores[i] < scores[j] || (scores[i] === scores[j] && ids[i] > ids[j]);
    const size = Math.min(k, ids.length);
    // A heap of the best `size` seen so far, the lowest ranked on top.
    const heap = new Int32Array(size);
    let n = 0;
    const siftDown = (from: number) => {
      let at = from;
      for (;;) {
        const l = 2 * at + 1;
        if (l >= n) return;
        const r = l + 1;
        const lower = r < n && below(heap[r], heap[l]) ? r : l;
        if (!below(heap[lower], heap[at])) return;
        [heap[at], heap[lower]] = [heap[lower], heap[at]];
        at = lower;
      }
    };
    for (let i = 0; i < ids.length && size > 0; i++) {
      if (n < size) {
        let at = n++;
        heap[at] = i;
        while (at > 0) {
          const up = (at - 1) >> 1;
          if (!below(heap[at], heap[up])) break;
          [heap[at], heap[up]] = [heap[up], heap[at]];
          at = up;
        }
      } else if (below(heap[0], i)) {
        heap[0] = i;
        siftDown(0);
      }
    }
    // Taking the lowest ranked off the top, last place first.
    const order = new Array<ScoredHit>(n);
    while (n > 0) {
      const i = heap[0];
      order[n - 1] = new Hit(ids[i], scores[i], this.#termsOf);
      heap[0] = heap[--n];
      siftDown(0);
    }
    return order;
  }
}

class Hit implements ScoredHit {
  #terms: string[] | undefined;
  constructor(
    readonly id: number,
    readonly score: number,
    private readonly termsOf: (id: number) => string[],
  ) {}
  get terms(): string[] {
    return (this.#terms ??= this.termsOf(this.id));
  }
}

/**
 * At most how many archive articles could match, when the archive's files cannot be fetched:
 * exact for one word matching one term, otherwise an upper bound.
 */
export function archiveMatchesAtMost(manifest: SearchManifest, expansions: Expansion[]): number {
  const archived = manifest.count - manifest.recent;
  let most = archived;
  for (const { terms } of expansions) {
    let sum = 0;
    for (const id of terms.keys()) sum += manifest.archiveDf[id] ?? 0;
    most = Math.min(most, sum);
  }
  return expansions.length ? most : 0;
}
