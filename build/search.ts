// What the search index is built from: every article's title, excerpt, category and body text
// (build/search-shards.ts writes the index itself).
import type { Edition } from "./edition.ts";
import type { SearchDocument } from "../src/catalog/search-options.ts";
import type { ArticleSummary } from "../src/catalog/types.ts";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/**
 * The readable text of sanitized article HTML: tags become spaces, character references are decoded.
 * @example htmlToText("<p>Fish &amp; <em>chips</em></p>") // "Fish & chips"
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
      if (ref[0] !== "#") return NAMED[ref.toLowerCase()] ?? whole;
      const code =
        ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** The document an article is indexed as. */
export function searchDocument(edition: Edition, a: ArticleSummary): SearchDocument {
  return {
    slug: a.slug,
    title: a.title,
    excerpt: a.excerpt,
    category: a.category,
    text: htmlToText(edition.bodies.get(a.slug)?.html ?? ""),
  };
}

/**
 * The documents the index is built from, one per article in the catalog's order, made one at a
 * time: the index keeps counts, not every body's text at once.
 */
export function* searchDocuments(edition: Edition): Generator<SearchDocument> {
  for (const a of edition.index.articles) yield searchDocument(edition, a);
}
