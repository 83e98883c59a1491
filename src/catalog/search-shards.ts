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
import type SearchableMap from "minisearch/SearchableMap";
import { processTerm, searchFuzziness, searchPrefix } from "./search-options.ts";

/** A file of one tier: the index of its first term in `terms`, and its path. */
export type ShardRef = [firstTerm: number, file: string];

/** `content/search-<hash>.json`: fetched on the first search, precached. */
export interface SearchManifest {
  v: 1;
  /** Articles indexed; an article's id is its position in the catalog (newest first). */
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
}

/**
 * One shard as stored: `t`, its terms' indexes in the manifest as gaps from the previous (the
 * first from 0); `p`, each term's postings `[id, score, id, score, …]`, ids as gaps from the
 * previous id (the first from 0), scores ×100 rounded: no term spelled twice, small numbers.
 */
export interface ShardFile {
  t: number[];
  p: number[][];
}

/** A shard as read: term index → postings. */
export type Shard = Map<number, number[]>;

/** Reads a shard file. */
export function readShard(file: ShardFile): Shard {
  const shard: Shard = new Map();
  let term = 0;
  file.t.forEach((gap, i) => {
    term += gap;
    shard.set(term, file.p[i]);
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
  terms: string[];
}

/**
 * Every article matching every word (AND), best first, scored as MiniSearch scores: the sum over
 * matched terms of weight × score, times the number of words.
 */
export function score(
  manifest: SearchManifest,
  expansions: Expansion[],
  shards: Shard[],
): ScoredHit[] {
  let combined: Map<number, { score: number; terms: Set<string> }> | undefined;
  for (const { terms } of expansions) {
    const found = new Map<number, { score: number; terms: Set<string> }>();
    for (const [termId, weight] of terms) {
      const term = manifest.terms[termId];
      for (const shard of shards) {
        const postings = shard.get(termId);
        if (!postings) continue;
        let id = 0;
        for (let p = 0; p < postings.length; p += 2) {
          id += postings[p];
          const s = (weight * postings[p + 1]) / SCORE_SCALE;
          const hit = found.get(id);
          if (hit) {
            hit.score += s;
            hit.terms.add(term);
          } else found.set(id, { score: s, terms: new Set([term]) });
        }
      }
    }
    if (!combined) combined = found;
    else {
      const next = new Map<number, { score: number; terms: Set<string> }>();
      for (const [id, hit] of found) {
        const before = combined.get(id);
        if (!before) continue;
        for (const t of hit.terms) before.terms.add(t);
        next.set(id, { score: before.score + hit.score, terms: before.terms });
      }
      combined = next;
    }
  }
  if (!combined) return [];
  return [...combined]
    .map(([id, hit]) => ({ id, score: hit.score * expansions.length, terms: [...hit.terms] }))
    .sort((a, b) => b.score - a.score || a.id - b.id);
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
