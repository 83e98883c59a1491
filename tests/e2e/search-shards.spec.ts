// Sharded search (issue 17) on a built 1,000-article edition: a search fetches the manifest and
// only the shards holding its terms, and offline it answers from the precached (recent) shards
// and says how many more results need a connection; archive shards it fetched online stay
// (the service worker's search cache).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import SearchableMap from "minisearch/SearchableMap";
import {
  archiveMatchesAtMost,
  expand,
  queryTerms,
  readShard,
  firstTerms,
  RESULTS_PER_FILE,
  resultFileUrl,
  score,
  shardsFor,
  type SearchManifest,
  type ShardFile,
} from "../../src/catalog/search-shards.ts";
import { buildApp } from "./build.ts";
import { test, expect } from "./fixtures.ts";
import { controlled } from "./service-worker.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { writeSyntheticEdition } from "./synthetic-edition.ts";

const N = 1000;
const RECENT = 50;
const DIST = `${process.env.E2E_DIST ?? "dist"}-shards`;
const CONTENT = `${DIST}-content`;

async function readManifest(): Promise<SearchManifest> {
  const dir = path.join(DIST, "content");
  const file = (await readdir(dir)).find((f) => /^search-[0-9a-f]+\.json$/.test(f));
  return JSON.parse(await readFile(path.join(dir, file ?? "missing"), "utf8")) as SearchManifest;
}

/** What the engine says a query needs: its shards per tier, and the archive count offline. */
function plan(manifest: SearchManifest, query: string) {
  const vocabulary = new SearchableMap<number>();
  manifest.terms.forEach((t, i) => vocabulary.set(t, i));
  const expansions = expand(queryTerms(query), vocabulary);
  return {
    expansions,
    files: shardsFor(manifest, expansions),
    unreachable: archiveMatchesAtMost(manifest, expansions),
  };
}

/** The result files naming the best `k` results of a query, as the engine ranks them. */
async function resultFilesOfBest(manifest: SearchManifest, query: string, k: number) {
  const { expansions, files } = plan(manifest, query);
  const firsts = firstTerms(manifest);
  const shards = await Promise.all(
    [...files.recent, ...files.archive].map(async (f) =>
      readShard(
        JSON.parse(await readFile(path.join(DIST, f), "utf8")) as ShardFile,
        firsts.get(f)!,
      ),
    ),
  );
  const best = score(manifest, expansions, shards).best(k);
  const numbers = best.map((hit) => manifest.count - 1 - hit.id);
  return new Set(numbers.map((n) => resultFileUrl(manifest, Math.floor(n / RESULTS_PER_FILE))));
}

/** The search's files the page fetched: shards, result files, the facets file. */
const fetchedSearchFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname.slice(1))
      .filter((p) => p.startsWith("content/search/")),
  );
const isShard = (p: string) => /^content\/search\/(recent|archive)-[0-9a-f]{10}\.json$/.test(p);
const fetchedShards = async (page: Page) => (await fetchedSearchFiles(page)).filter(isShard);

const results = (page: Page) =>
  page.getByRole("list", { name: "Search results" }).getByRole("article");

test.describe.configure({ mode: "serial" });

test.describe("sharded search over 1,000 articles", () => {
  let host: StaticHost;
  let manifest: SearchManifest;
  let shardCount: number;
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await writeSyntheticEdition(N, CONTENT, { paragraphs: 2 });
    await buildApp(DIST, {
      OFFPRINT_CONTENT: CONTENT,
      OFFPRINT_PRECACHE_ARTICLES: String(RECENT),
    });
    manifest = await readManifest();
    shardCount = (await readdir(path.join(DIST, "content", "search"))).length;
    host = await serveStatic(DIST, "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test("a search fetches only the shards holding its terms", async ({ page }) => {
    const expected = plan(manifest, "harbour");
    const wanted = [...expected.files.recent, ...expected.files.archive];
    expect(expected.files.archive.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(shardCount / 4);

    await page.goto(`${host.url}search?q=harbour`);
    await expect(
      page.getByRole("status").filter({ hasText: /results for “harbour”$/ }),
    ).toBeVisible();
    await expect(results(page).first().locator("mark").first()).toHaveText(/harbour/i);
    expect((await fetchedShards(page)).sort()).toEqual(wanted.sort());
    // The fifty results shown are named from at most fifty result files of 20 summaries; no
    // filter is on, so the facets file is not fetched.
    const others = (await fetchedSearchFiles(page)).filter((p) => !isShard(p));
    expect(others.length).toBeGreaterThan(0);
    expect(others.length).toBeLessThanOrEqual(50);
    for (const p of others) expect(p).toMatch(/^content\/search\/(recent|archive)-results-/);
  });

  test("the first results show while the rest of the page's result files are on their way", async ({
    page,
  }) => {
    // Every result file but those naming the best eight is held until the test lets it go.
    const first = await resultFilesOfBest(manifest, "harbour", 8);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/content\/search\/(recent|archive)-results-/, async (route) => {
      if (!first.has(new URL(route.request().url()).pathname.slice(1))) await held;
      await route.continue();
    });
    // Typed, as a reader does: each keystroke changes the URL in a router transition.
    await page.goto(`${host.url}search`);
    await page.getByRole("searchbox", { name: "Search" }).fill("harbour");
    await expect(results(page).first().locator("mark").first()).toHaveText(/harbour/i);
    // Shown: the leading results already named, never one out of order or a placeholder.
    const shownWhileHeld = await results(page).count();
    expect(shownWhileHeld).toBeGreaterThanOrEqual(1);
    expect(shownWhileHeld).toBeLessThanOrEqual(8);
    release();
    await expect(results(page)).toHaveCount(50);
  });

  test("offline, a search answers from the precached shards and counts what needs a connection", async ({
    page,
    context,
    problems,
  }) => {
    test.setTimeout(120_000);
    // Offline, an archive shard fails in the page (no network) or in the worker (not kept yet).
    problems.allow.push(/ERR_INTERNET_DISCONNECTED|ERR_FAILED/);
    // Every recent shard is precached; no archive shard is.
    const sw = await readFile(path.join(DIST, "sw.js"), "utf8");
    for (const [, file] of manifest.tiers.recent) expect(sw).toContain(`"${file}"`);
    expect(sw).not.toMatch(/"content\/search\/archive-/);
    // The recent tier's result files and the facets file are, so results are named offline.
    expect(sw).toMatch(/content\/search\/recent-results-[0-9a-f]{10}\.json/);
    expect(sw).toContain(`"${manifest.facets}"`);

    await page.goto(host.url);
    // The install precaches the shell, the catalog and the newest articles: slow on a busy machine.
    await controlled(page, 60_000);
    await context.setOffline(true);
    const { unreachable } = plan(manifest, "harbour");
    expect(unreachable).toBeGreaterThan(0);
    await page.getByRole("searchbox", { name: "Search" }).fill("harbour");
    await page.getByRole("searchbox", { name: "Search" }).press("Enter");
    await expect(
      page.getByRole("status").filter({
        hasText: new RegExp(
          `results for “harbour”; (up to )?${unreachable} more need a connection$`,
        ),
      }),
    ).toBeVisible();
    await expect(results(page).first().locator("mark").first()).toHaveText(/harbour/i);

    // Online again, the same search fetches the archive's shards, and the worker keeps them: after
    // a reload offline (nothing left in the page's memory), it needs no connection.
    await context.setOffline(false);
    await page.reload();
    const complete = page.getByRole("status").filter({ hasText: /results for “harbour”$/ });
    await expect(complete).toBeVisible();
    const count = await complete.textContent();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: count ?? "" })).toHaveText(count ?? "");
  });
});
