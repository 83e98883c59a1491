// The search settings the build (which writes the index) and the browser (which loads and queries
// it) must share: MiniSearch can only load an index with the options it was built with.
import type { Options, SearchOptions } from "minisearch";

/** One searchable article, as the build indexes it. `text` is the body without its HTML. */
export interface SearchDocument {
  slug: string;
  title: string;
  excerpt: string;
  category: string;
  text: string;
}

/**
 * Words too common to tell articles apart. Left out of the index and of queries: they would match
 * nearly every article, make the index bigger and every search slower.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be but by for from has have he her his i in into is it its of on or our " +
    "she so than that the their them then there these they this to was we were what when which " +
    "who will with you your"
  ).split(" "),
);

/** Lower case; stop words and single letters dropped (null), at build and query time alike. */
export function processTerm(term: string): string | null {
  const t = term.toLowerCase();
  return t.length < 2 || STOP_WORDS.has(t) ? null : t;
}

export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: "slug",
  fields: ["title", "excerpt", "category", "text"],
  processTerm,
};

/** Prefix matching on the last word only, the one being typed ("sourd" finds "sourdough"). */
export const searchPrefix = (term: string, i: number, terms: string[]): boolean =>
  i === terms.length - 1 && term.length >= 2;

/** Typos from five letters on, one per word, two from eight ("vienaa" finds "vienna"). */
export const searchFuzziness = (term: string): number =>
  term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;

/** A word in the title counts more than one in the body. */
export const FIELD_BOOSTS: Record<keyof Omit<SearchDocument, "slug">, number> = {
  title: 3,
  excerpt: 1.5,
  category: 2,
  text: 1,
};

/**
 * The query settings above, as MiniSearch takes them; every word must match. The sharded index
 * (search-shards.ts) follows the same rules.
 */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: searchPrefix,
  fuzzy: (term) => searchFuzziness(term) || false,
  boost: FIELD_BOOSTS,
  combineWith: "AND",
};
