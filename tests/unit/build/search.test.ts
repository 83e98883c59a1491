import { gzipSync } from "node:zlib";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import SearchableMap from "minisearch/SearchableMap";
import { buildEdition } from "../../../build/edition.ts";
import { htmlToText, searchDocuments } from "../../../build/search.ts";
import { buildSearchShards } from "../../../build/search-shards.ts";
import { SearchCountCache } from "../../../build/search-cache.ts";
import {
  archiveMatchesAtMost,
  expand,
  queryTerms,
  score,
  shardsFor,
  type SearchManifest,
  readShard,
  firstTerms,
  resultFileUrl,
  RESULTS_PER_FILE,
  type FacetsFile,
  type ResultFile,
  type ShardFile,
} from "../../../src/catalog/search-shards.ts";

const edition = await buildEdition("content/articles");
// A small recent tier and small shards, so queries cross tiers and shard boundaries.
const RECENT = 10;
const [manifestFile, ...files] = buildSearchShards(edition, RECENT, 4096);
const manifest = JSON.parse(String(manifestFile.source)) as SearchManifest;
const isShard = (name: string) =>
  /^content\/search\/(recent|archive)-[0-9a-f]{10}\.json$/.test(name);
const shardFiles = files.filter((f) => isShard(f.fileName));
const firsts = firstTerms(manifest);
const shards = new Map(
  shardFiles.map((f) => [
    f.fileName,
    readShard(JSON.parse(String(f.source)) as ShardFile, firsts.get(f.fileName)!),
  ]),
);
const vocabulary = new SearchableMap<number>();
manifest.terms.forEach((t, i) => vocabulary.set(t, i));
const query = (q: string) => {
  const expansions = expand(queryTerms(q), vocabulary);
  const files = shardsFor(manifest, expansions);
  return {
    expansions,
    files,
    ranking: score(
      manifest,
      expansions,
      [...files.recent, ...files.archive].map((f) => shards.get(f)!),
    ),
  };
};
const everyHit = (q: string) => query(q).ranking.best(Infinity);
const slugsFor = (q: string) => everyHit(q).map((h) => edition.index.articles[h.id].slug);

describe("the search index built at build time", () => {
  it("is a hashed manifest and hashed shards under content/, smaller than the bodies", () => {
    expect(manifestFile.fileName).toMatch(/^content\/search-[0-9a-f]{10}\.json$/);
    for (const f of files)
      expect(f.fileName).toMatch(
        /^content\/search\/(recent|archive|recent-results|archive-results|facets)-[0-9a-f]{10}\.json$/,
      );
    expect(manifest.count).toBe(edition.index.articles.length);
    expect(manifest.recent).toBe(RECENT);
    expect(manifest.tiers.recent.length).toBeGreaterThan(1);
    expect(manifest.tiers.archive.length).toBeGreaterThan(1);
    // Measured as the build writes it: the default tier and shard size.
    const indexGzip = buildSearchShards(edition, 200).reduce(
      (sum, f) => sum + gzipSync(f.source, { level: 9 }).length,
      0,
    );
    const bodies = edition.files.filter((f) => f.fileName.startsWith("content/articles/"));
    const bodiesGzip = bodies.reduce((sum, f) => sum + gzipSync(f.source, { level: 9 }).length, 0);
    console.log(`search index: ${indexGzip} bytes gzip; all bodies: ${bodiesGzip} bytes gzip`);
    expect(indexGzip).toBeLessThan(0.7 * bodiesGzip);
  });

  it("answers a query from only the shards holding its terms", () => {
    const { files } = query("vienna");
    expect(files.recent.length + files.archive.length).toBeGreaterThan(0);
    expect(files.recent.length + files.archive.length).toBeLessThan(shards.size / 4);
  });

  it("says how many archive articles a query could match when their shards are out of reach", () => {
    const { expansions } = query("vienna");
    const hits = everyHit("vienna");
    const archived = hits.filter((h) => h.id >= RECENT).length;
    expect(archived).toBeGreaterThan(0);
    // One word matching one term: the count is exact.
    expect(archiveMatchesAtMost(manifest, expansions)).toBe(archived);
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

  it("scores, orders and names the matched terms exactly as adding each posting in turn does", () => {
    // The reference: MiniSearch's way, one entry per article and term, sorted by score then id.
    const reference = (q: string) => {
      const { expansions, files } = query(q);
      const loaded = [...files.recent, ...files.archive].map((f) => shards.get(f)!);
      let combined: Map<number, { score: number; terms: Set<string> }> | undefined;
      for (const { terms } of expansions) {
        const found = new Map<number, { score: number; terms: Set<string> }>();
        for (const [termId, weight] of terms)
          for (const shard of loaded) {
            const p = shard.get(termId);
            p?.ids.forEach((id, k) => {
              const hit = found.get(id) ?? { score: 0, terms: new Set<string>() };
              hit.score += (weight * p.scores[k]) / 100;
              hit.terms.add(manifest.terms[termId]);
              found.set(id, hit);
            });
          }
        if (!combined) combined = found;
        else
          combined = new Map(
            [...found].flatMap(([id, hit]) => {
              const before = combined!.get(id);
              if (!before) return [];
              hit.terms.forEach((t) => before.terms.add(t));
              return [[id, { score: before.score + hit.score, terms: before.terms }] as const];
            }),
          );
      }
      return [...(combined ?? [])]
        .map(([id, h]) => ({ id, score: h.score * expansions.length, terms: [...h.terms] }))
        .sort((a, b) => b.score - a.score || a.id - b.id);
    };
    const queries = ["vienna", "vienaa", "sourd", "the vienna", "crows", "science", "s", "co"];
    queries.push("starters sourdo", "talks vienna", "science space", "work", "night tr", "re");
    for (const q of queries) {
      const want = reference(q);
      const got = everyHit(q).map((h) => ({ id: h.id, score: h.score, terms: h.terms }));
      expect(got, q).toEqual(want);
      // The best k are the first k of that order, whatever k (a heap keeps them, not a sort).
      const { ranking } = query(q);
      expect(ranking.count, q).toBe(want.length);
      for (const k of [0, 1, 2, 3, 7, 50])
        expect(
          ranking.best(k).map((h) => h.id),
          `${q}, best ${k}`,
        ).toEqual(want.slice(0, k).map((h) => h.id));
      const odd = ranking.only((id) => id % 2 === 1);
      expect(odd.count, q).toBe(want.filter((h) => h.id % 2 === 1).length);
      expect(
        odd.best(5).map((h) => [h.id, h.score]),
        `${q}, odd ids`,
      ).toEqual(
        want
          .filter((h) => h.id % 2 === 1)
          .slice(0, 5)
          .map((h) => [h.id, h.score]),
      );
    }
    expect(reference("co").length).toBeGreaterThan(5);
  });

  it("puts the newer of two articles with equal scores first, whichever shard held it", () => {
    const tiny: SearchManifest = { ...manifest, count: 6, terms: ["alpha"] };
    const postings = (ids: number[], scores: number[]) =>
      new Map([[0, { ids: Int32Array.from(ids), scores: Int32Array.from(scores) }]]);
    const archive = postings([4, 5], [50, 90]);
    const recent = postings([1, 3], [50, 80]);
    const ranking = score(tiny, [{ word: "alpha", terms: new Map([[0, 1]]) }], [archive, recent]);
    const hits = ranking.best(10);
    expect(hits.map((h) => h.id)).toEqual([5, 3, 1, 4]);
    expect(hits.map((h) => h.terms)).toEqual([["alpha"], ["alpha"], ["alpha"], ["alpha"]]);
    expect(ranking.best(3).map((h) => h.id)).toEqual([5, 3, 1]);
    expect(
      ranking
        .only((id) => id !== 3)
        .best(2)
        .map((h) => h.id),
    ).toEqual([5, 1]);
  });

  it("indexes the body's words but none of its markup", () => {
    for (const doc of searchDocuments(edition)) expect(doc.text).not.toMatch(/[<>]/);
    expect(manifest.terms.some((t) => /[<>]/.test(t))).toBe(false);
    expect(slugsFor("href")).toEqual([]);
    expect(slugsFor("noopener")).toEqual([]);
  });
});

describe("what one edit changes", () => {
  it("leaves every recent shard but one alone when an archive article gains a new word", () => {
    // An edit to an old article that adds a word the edition did not have: a returning reader's
    // precache (the recent tier) should fetch at most the one shard whose range takes the word.
    const word = "kraken";
    expect(manifest.terms).not.toContain(word);
    const edited = edition.index.articles[edition.index.articles.length - 1];
    const bodies = new Map(edition.bodies);
    const body = bodies.get(edited.slug)!;
    bodies.set(edited.slug, { ...body, html: `${body.html}<p>${word}</p>` });
    const [after, ...afterFiles] = buildSearchShards({ ...edition, bodies }, RECENT, 4096);
    const afterManifest = JSON.parse(String(after.source)) as SearchManifest;
    expect(afterManifest.terms).toContain(word);
    const recentBefore = manifest.tiers.recent.map(([, file]) => file);
    const recentAfter = new Set(afterManifest.tiers.recent.map(([, file]) => file));
    const changed = recentBefore.filter((file) => !recentAfter.has(file));
    expect(recentBefore.length).toBeGreaterThan(3);
    expect(changed.length, `changed: ${changed.join(", ")}`).toBeLessThanOrEqual(1);
    // And the search still finds it, from the rebuilt files.
    const firstsAfter = firstTerms(afterManifest);
    const vocabularyAfter = new SearchableMap<number>();
    afterManifest.terms.forEach((t, i) => vocabularyAfter.set(t, i));
    const expansions = expand(queryTerms(word), vocabularyAfter);
    const needed = shardsFor(afterManifest, expansions);
    const loaded = [...needed.recent, ...needed.archive].map((f) =>
      readShard(
        JSON.parse(String(afterFiles.find((x) => x.fileName === f)!.source)) as ShardFile,
        firstsAfter.get(f)!,
      ),
    );
    const hits = score(afterManifest, expansions, loaded).best(10);
    expect(hits.map((h) => edition.index.articles[h.id].slug)).toEqual([edited.slug]);
  });
});

describe("counts kept between builds (build/search-cache.ts)", () => {
  it("make the same files as counting again, after a title, an excerpt, a category or a body changed", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "offprint-search-cache-"));
    const scope = { root: "content/articles", base: "/" };
    const sources = (built: ReturnType<typeof buildSearchShards>) =>
      built.map((f) => [f.fileName, String(f.source)]);
    try {
      const first = new SearchCountCache(dir, scope);
      const kept = buildSearchShards(edition, RECENT, 4096, (a, make) => first.of(a, make));
      expect(sources(kept)).toEqual(sources([manifestFile, ...files]));

      // Four articles change, each in one thing the counts are made from. A body's file is
      // named by its hash, so an edited body comes with a new file name.
      const articles = edition.index.articles.map((a) => ({ ...a }));
      articles[0].title = "Kraken sightings";
      articles[1].excerpt = "A kraken, briefly.";
      articles[2].category = "Krakens";
      const bodies = new Map(edition.bodies);
      const body = bodies.get(articles[3].slug)!;
      bodies.set(articles[3].slug, { ...body, html: `${body.html}<p>kraken</p>` });
      articles[3].body = articles[3].body.replace(/-[0-9a-f]{10}\.json$/, "-0123456789.json");
      const edited = { ...edition, index: { ...edition.index, articles }, bodies };

      const next = new SearchCountCache(dir, scope);
      const again = buildSearchShards(edited, RECENT, 4096, (a, make) => next.of(a, make));
      expect(sources(again)).toEqual(sources(buildSearchShards(edited, RECENT, 4096)));
      expect(String(again[0].source)).toContain('"kraken"');
      // The four articles' old counts are the ones this build did not use.
      expect(next.prune()).toBe(4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the result and facets files", () => {
  const byName = new Map(files.map((f) => [f.fileName, JSON.parse(String(f.source)) as unknown]));

  it("name every article by its id, from the file its number falls in", () => {
    const { count } = manifest;
    expect(manifest.results).toHaveLength(Math.ceil(count / RESULTS_PER_FILE));
    edition.index.articles.forEach((a, id) => {
      const number = count - 1 - id;
      const url = resultFileUrl(manifest, Math.floor(number / RESULTS_PER_FILE));
      const file = byName.get(url) as ResultFile;
      expect(file.articles[number % RESULTS_PER_FILE]).toEqual(a);
      // A file of archive articles only is the archive's (never precached); the rest the recent tier's.
      const ids = file.articles.map((b) =>
        edition.index.articles.findIndex((c) => c.slug === b.slug),
      );
      expect(url.startsWith("content/search/archive-")).toBe(ids.every((i) => i >= RECENT));
      if (id < RECENT) expect(url).toMatch(/^content\/search\/recent-results-/);
    });
  });

  it("give every article's category and whether it takes five minutes or less", () => {
    const facets = byName.get(manifest.facets) as FacetsFile;
    edition.index.articles.forEach((a, id) => {
      expect(facets.categories[facets.f[id] >> 1]).toBe(a.categorySlug);
      expect((facets.f[id] & 1) === 1).toBe(a.minutes <= 5);
    });
  });
});

describe("htmlToText", () => {
  it("drops tags and decodes character references", () => {
    expect(htmlToText('<p>Fish &amp; <a href="x">chips</a>&#x27;s &#8212; &lt;b&gt;</p>')).toBe(
      "Fish & chips 's — <b>",
    );
  });
});
