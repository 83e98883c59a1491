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

export const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: "slug",
  fields: ["title", "excerpt", "category", "text"],
};

/**
 * Prefix matching, so "sourd" finds "sourdough"; one typo per five letters ("vienaa" finds
 * "vienna"); a word in the title counts more than one in the body; every word must match.
 */
export const QUERY_OPTIONS: SearchOptions = {
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
  boost: { title: 3, excerpt: 1.5, category: 2 },
  combineWith: "AND",
};
