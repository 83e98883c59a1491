// The paged catalog: pages counted from the oldest, so a new article changes only the newest page
// of its lists; every slug placed in its shard; the manifest small at any size.
import { describe, expect, it } from "vitest";
import { pagedCatalog } from "../../../build/catalog-pages.ts";
import {
  placeOf,
  shardOf,
  type CatalogManifest,
  type SlugShard,
} from "../../../src/catalog/paged.ts";
import type { ArticleSummary, CatalogIndex } from "../../../src/catalog/types.ts";

function edition(n: number, aliases?: Record<string, string>): CatalogIndex {
  const articles: ArticleSummary[] = Array.from({ length: n }, (_, i) => ({
    slug: `a-${n - i}`,
    title: `Article ${n - i}`,
    date: "2024-01-01",
    category: (n - i) % 3 ? "Essays" : "Notes",
    categorySlug: (n - i) % 3 ? "essays" : "notes",
    excerpt: "",
    minutes: 1,
    body: `content/articles/a-${n - i}.json`,
  }));
  return { version: 1, articles, ...(aliases ? { aliases } : {}) };
}

const read = (files: { fileName: string; source: string }[]) =>
  new Map(files.map((f) => [f.fileName, JSON.parse(f.source) as unknown]));

describe("the paged catalog", () => {
  it("puts every article on the page placeOf says, newest first", () => {
    const index = edition(250);
    const paged = pagedCatalog(index, 100);
    const files = read(paged.files);
    const m = files.get(paged.manifestFile) as CatalogManifest;
    expect(m.all.count).toBe(250);
    expect(m.all.pages).toHaveLength(3);
    index.articles.forEach((a, i) => {
      const { page, at } = placeOf(m.all, 100, i);
      const file = files.get(`content/catalog/${m.all.pages[page]}.json`) as {
        articles: ArticleSummary[];
      };
      expect(file.articles[at].slug).toBe(a.slug);
    });
    expect(m.categories.map((c) => [c.slug, c.count])).toEqual([
      ["essays", 167],
      ["notes", 83],
    ]);
  });

  it("changes only the newest page and one shard when an article is added", () => {
    const before = pagedCatalog(edition(1000), 100);
    const after = pagedCatalog(edition(1001), 100);
    const names = (p: typeof before) => new Set(p.files.map((f) => f.fileName));
    const added = [...names(after)].filter((f) => !names(before).has(f));
    // The manifest, the newest page of all and of Notes, and one slug shard.
    expect(added.length).toBeLessThanOrEqual(4);
  });

  it("finds each slug, and an old slug's new one, in its shard", () => {
    const paged = pagedCatalog(edition(3000, { "old-name": "a-7" }), 100);
    const files = read(paged.files);
    const m = files.get(paged.manifestFile) as CatalogManifest;
    expect(m.shards.length).toBeGreaterThan(1);
    const entry = (slug: string) =>
      (files.get(`content/catalog/${m.shards[shardOf(slug, m.shards.length)]}.json`) as SlugShard)[
        slug
      ];
    expect(entry("old-name")).toEqual([...entry("a-7"), "a-7"]);
    const [number, category, categoryPage] = entry("a-7") as number[];
    expect(number).toBe(6); // the seventh oldest
    expect(m.categories[category].slug).toBe("essays");
    expect(categoryPage).toBe(0);
  });
});
