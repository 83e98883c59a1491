import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import MiniSearch from "minisearch";
import { buildEdition } from "../../../build/edition.ts";
import { buildSearchIndex, htmlToText, searchDocuments } from "../../../build/search.ts";
import {
  INDEX_OPTIONS,
  QUERY_OPTIONS,
  type SearchDocument,
} from "../../../src/catalog/search-options.ts";

const edition = await buildEdition("content/articles");
const file = buildSearchIndex(edition);
const index = MiniSearch.loadJSON<SearchDocument>(String(file.source), INDEX_OPTIONS);
const slugsFor = (query: string) => index.search(query, QUERY_OPTIONS).map((r) => r.id);

describe("the search index built at build time", () => {
  it("is one hashed JSON file under content/", () => {
    expect(file.fileName).toMatch(/^content\/search-[0-9a-f]{10}\.json$/);
    expect(index.documentCount).toBe(edition.index.articles.length);
    const indexGzip = gzipSync(file.source, { level: 9 }).length;
    const bodies = edition.files.filter((f) => f.fileName.startsWith("content/articles/"));
    const bodiesGzip = bodies.reduce((sum, f) => sum + gzipSync(f.source, { level: 9 }).length, 0);
    console.log(`search index: ${indexGzip} bytes gzip; all bodies: ${bodiesGzip} bytes gzip`);
  });

  it("ranks the article about talks in Vienna first for “vienna”", () => {
    expect(slugsFor("vienna")[0]).toBe("us-russia-space-security-talks");
    expect(slugsFor("vienna")).toContain("night-trains-return-to-europe");
  });

  it("forgives a typo: “vienaa” still finds the Vienna talks first", () => {
    expect(slugsFor("vienaa")[0]).toBe("us-russia-space-security-talks");
  });

  it("matches a prefix: “sourd” finds the sourdough piece first", () => {
    expect(slugsFor("sourd")[0]).toBe("how-sourdough-starters-work");
  });

  it("leaves common words out: “the” alone finds nothing, and “the vienna” finds Vienna", () => {
    expect(slugsFor("the")).toEqual([]);
    expect(slugsFor("the vienna")[0]).toBe("us-russia-space-security-talks");
  });

  it("treats only the last word as a prefix, and short words are never typos", () => {
    // "sourdo" as the word being typed is a prefix; before another word it must match whole.
    expect(slugsFor("starters sourdo")[0]).toBe("how-sourdough-starters-work");
    expect(slugsFor("sourdo starters")).toEqual([]);
    // From five letters one typo is forgiven; a four-letter word must be right (or a prefix).
    expect(slugsFor("vienma")[0]).toBe("us-russia-space-security-talks");
    expect(slugsFor("crow")).not.toEqual([]);
    expect(slugsFor("crws")).toEqual([]);
  });

  it("ranks a word in the title above the same word only in a body", () => {
    const hits = slugsFor("crows");
    expect(hits[0]).toBe("field-guide-to-urban-crows");
  });

  it("searches the category: “science” finds every Science article", () => {
    const science = edition.index.articles.filter((a) => a.category === "Science");
    expect(science.length).toBeGreaterThan(0);
    expect(slugsFor("science")).toEqual(expect.arrayContaining(science.map((a) => a.slug)));
  });

  it("needs every word of the query: “vienna sourdough” finds nothing", () => {
    expect(slugsFor("vienna sourdough")).toEqual([]);
  });

  it("indexes the body's words but none of its markup", () => {
    for (const doc of searchDocuments(edition)) expect(doc.text).not.toMatch(/[<>]/);
    expect(slugsFor("href")).toEqual([]);
    expect(slugsFor("noopener")).toEqual([]);
  });
});

describe("htmlToText", () => {
  it("drops tags and decodes character references", () => {
    expect(htmlToText('<p>Fish &amp; <a href="x">chips</a>&#x27;s &#8212; &lt;b&gt;</p>')).toBe(
      "Fish & chips 's — <b>",
    );
  });
});
