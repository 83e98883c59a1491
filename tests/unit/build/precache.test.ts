import { beforeAll, describe, expect, it } from "vitest";
import type { ManifestEntry } from "workbox-build";
import {
  DEFAULT_BUDGET,
  MB,
  bodyImages,
  budgetFromEnv,
  filesOf,
  readerCacheBytesFromEnv,
  precacheReport,
  precacheTransform,
  selectPrecached,
  type ArticleFiles,
} from "../../../build/precache.ts";
import { buildEdition, type Edition } from "../../../build/edition.ts";

const article = (slug: string, ...extra: string[]): ArticleFiles => ({
  slug,
  files: [`content/articles/${slug}-0123456789.json`, ...extra],
});
const sizes = (entries: Record<string, number>) => (file: string) =>
  file in entries ? entries[file] : 1000;

describe("selectPrecached", () => {
  const five = ["e", "d", "c", "b", "a"].map((s) => article(s, `content/img/${s}.png`));

  it("takes every article when the edition is within both limits", () => {
    const s = selectPrecached(five, () => 1000, DEFAULT_BUDGET);
    expect(s.slugs).toEqual(["e", "d", "c", "b", "a"]);
    expect(s.files.size).toBe(10);
    expect(s.bytes).toBe(10_000);
  });

  it("stops at the article count, keeping the newest", () => {
    const s = selectPrecached(five, () => 1000, { articles: 2, bytes: 20 * MB });
    expect(s.slugs).toEqual(["e", "d"]);
    expect([...s.files]).not.toContain("content/img/c.png");
  });

  it("stops at the first article that would go over the byte budget", () => {
    // e and d fit (4000 bytes); c's large image does not; b would fit but is older than c.
    const s = selectPrecached(five, sizes({ "content/img/c.png": 50_000 }), {
      articles: 200,
      bytes: 5000,
    });
    expect(s.slugs).toEqual(["e", "d"]);
    expect(s.bytes).toBe(4000);
  });

  it("counts an image shared by two articles once", () => {
    const shared = [article("b", "content/img/x.png"), article("a", "content/img/x.png")];
    const s = selectPrecached(shared, () => 1000, { articles: 200, bytes: 3000 });
    expect(s.slugs).toEqual(["b", "a"]);
    expect(s.bytes).toBe(3000);
  });

  it("skips an article with a file Workbox will not precache, and goes on", () => {
    const s = selectPrecached(five, (f) => (f.includes("/d-") ? undefined : 1000), DEFAULT_BUDGET);
    expect(s.slugs).toEqual(["e", "c", "b", "a"]);
    expect(s.skipped).toEqual(["d"]);
  });

  it("precaches no article with a budget of zero", () => {
    expect(selectPrecached(five, () => 1, { articles: 0, bytes: 20 * MB }).slugs).toEqual([]);
    expect(selectPrecached(five, () => 1, { articles: 200, bytes: 0 }).slugs).toEqual([]);
  });
});

describe("budgetFromEnv", () => {
  it("defaults to the newest 200 articles or 20 MB", () => {
    expect(budgetFromEnv({})).toEqual({ articles: 200, bytes: 20 * MB });
    expect(budgetFromEnv({ OFFPRINT_PRECACHE_ARTICLES: "", OFFPRINT_PRECACHE_MB: " " })).toEqual(
      DEFAULT_BUDGET,
    );
  });

  it("reads both variables, megabytes possibly fractional", () => {
    expect(budgetFromEnv({ OFFPRINT_PRECACHE_ARTICLES: "3", OFFPRINT_PRECACHE_MB: "0.5" })).toEqual(
      { articles: 3, bytes: 0.5 * MB },
    );
  });

  it("rejects values that are not numbers ≥ 0, naming the variable", () => {
    expect(() => budgetFromEnv({ OFFPRINT_PRECACHE_ARTICLES: "2.5" })).toThrow(
      /OFFPRINT_PRECACHE_ARTICLES must be a whole number/,
    );
    expect(() => budgetFromEnv({ OFFPRINT_PRECACHE_MB: "-1" })).toThrow(/OFFPRINT_PRECACHE_MB/);
    expect(() => budgetFromEnv({ OFFPRINT_PRECACHE_MB: "lots" })).toThrow(/"lots"/);
  });
});

describe("readerCacheBytesFromEnv", () => {
  it("defaults to 50 MB and reads fractions of a megabyte", () => {
    expect(readerCacheBytesFromEnv({})).toBe(50 * MB);
    expect(readerCacheBytesFromEnv({ OFFPRINT_READER_CACHE_MB: " " })).toBe(50 * MB);
    expect(readerCacheBytesFromEnv({ OFFPRINT_READER_CACHE_MB: "0.5" })).toBe(0.5 * MB);
  });

  it("rejects a value that is not a number ≥ 0, naming the variable", () => {
    for (const bad of ["-1", "lots", "Infinity"]) {
      expect(() => readerCacheBytesFromEnv({ OFFPRINT_READER_CACHE_MB: bad })).toThrow(
        `OFFPRINT_READER_CACHE_MB must be a number ≥ 0 (got "${bad}")`,
      );
    }
  });
});

describe("bodyImages", () => {
  it("finds the edition's images in body HTML and drops the base", () => {
    const html =
      '<p><img alt="a" src="/news/content/img/a-0123456789.png" width="1"></p>' +
      '<img src="https://example.com/x.png"><img alt="" src="/news/content/img/b-9876543210.svg">';
    expect(bodyImages(html, "/news/")).toEqual([
      "content/img/a-0123456789.png",
      "content/img/b-9876543210.svg",
    ]);
  });
});

describe("precacheTransform on the sample edition", () => {
  let edition: Edition;
  type Entry = ManifestEntry & { size: number };
  const entriesFor = (e: Edition): Entry[] => [
    { url: "index.html", revision: "r", size: 600 },
    { url: "assets/index-AbCdEf12.js", revision: null, size: 100_000 },
    ...e.files.map((f) => ({ url: f.fileName, revision: null, size: f.source.length })),
  ];
  beforeAll(async () => {
    edition = await buildEdition("content/articles");
  });

  it("keeps the shell and every article within the default budget, never the whole index", async () => {
    const entries = entriesFor(edition);
    const result = await precacheTransform(() => edition, "/", DEFAULT_BUDGET)(entries);
    expect(entries.map((e) => e.url)).toContain(edition.indexFile);
    expect(result.manifest?.map((e) => e.url)).toEqual(
      entries.map((e) => e.url).filter((u) => u !== edition.indexFile),
    );
    expect(result.warnings).toEqual([]);
  });

  it("says when what is always precached is over the budget", async () => {
    const result = await precacheTransform(() => edition, "/", { articles: 0, bytes: 1000 })(
      entriesFor(edition),
    );
    expect(result.warnings?.join("\n")).toMatch(/is over OFFPRINT_PRECACHE_MB/);
  });

  it("keeps the shell but only the newest articles' files under a small budget", async () => {
    const result = await precacheTransform(() => edition, "/", { articles: 3, bytes: 20 * MB })(
      entriesFor(edition),
    );
    const urls = result.manifest?.map((e) => e.url) ?? [];
    expect(urls).toContain("index.html");
    expect(urls).toContain("assets/index-AbCdEf12.js");
    expect(urls).not.toContain(edition.indexFile);
    const newest = filesOf(edition, "/");
    const kept = newest.slice(0, 3).flatMap((a) => a.files);
    const dropped = newest.slice(3).flatMap((a) => a.files);
    for (const f of kept) expect(urls).toContain(f);
    for (const f of dropped) expect(urls).not.toContain(f);
    expect(urls.filter((u) => u.startsWith("content/articles/"))).toHaveLength(3);
  });
});

describe("precacheReport", () => {
  it("gives the total against the budget, by kind", () => {
    const line = precacheReport(
      [
        { url: "index.html", size: MB },
        { url: "assets/index-AbCdEf12.js", size: MB },
        { url: "content/catalog-0123456789.json", size: MB / 2 },
        { url: "content/search/recent-0123456789.json", size: MB / 2 },
        { url: "content/articles/a-0123456789.json", size: 3 * MB },
        { url: "content/img/a-0123456789.png", size: 2 * MB },
      ],
      20 * MB,
    );
    expect(line).toBe(
      "offprint: the service worker precaches 8.0 MB of the 20.0 MB budget (OFFPRINT_PRECACHE_MB): " +
        "app 2.0 MB in 2 files, catalog 0.5 MB in 1 file, search 0.5 MB in 1 file, " +
        "articles 3.0 MB in 1 file, images 2.0 MB in 1 file",
    );
  });
});
