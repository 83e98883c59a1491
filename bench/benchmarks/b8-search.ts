// B8, the search rows (issue 17), on a built edition of each size: the first search from a cold
// /search page in Chromium (time from typing to the result count, and the search files it fetched,
// gzip), the warm p95 over B6a's queries (in Node, with src/catalog/search-shards.ts, the module
// the browser runs, every shard already read), and the index's total gzip against the bodies'.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "@playwright/test";
import SearchableMap from "minisearch/SearchableMap";
import {
  expand,
  queryTerms,
  readShard,
  firstTerms,
  score,
  shardsFor,
  type SearchManifest,
  type Shard,
  type ShardFile,
} from "../../src/catalog/search-shards.ts";
import { serveStatic } from "../../tests/e2e/static-server.ts";
import { QUERIES } from "../queries.ts";
import { limitResult, ratioResult, type Result } from "../lib/result.ts";
import { gzipSize, median, p95, round } from "../lib/stats.ts";
import { searchSizes } from "./b6-search.ts";

/** Goals from issue 17 (at 100,000 articles; held at every size). */
const GOALS = {
  firstMs: 500,
  firstKb: 300,
  warmP95Ms: 10,
  indexVsBodies: 0.7,
  coldKb: 150,
  precacheVsBudget: 1,
};

/** OFFPRINT_PRECACHE_MB's default (build/precache.ts), what a deploy that sets nothing installs. */
const DEFAULT_PRECACHE_MB = 20;

/**
 * What a cold `/` fetches (gzip, as served) until the list is usable: its first article's
 * heading and the All count shown. JS, CSS and catalog files included.
 */
async function coldList(browser: Browser, dist: string, origin: string) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const paths: string[] = [];
    page.on("response", (r) => {
      const p = new URL(r.url()).pathname;
      if (r.status() === 200) paths.push(p);
    });
    await page.goto(`${origin}/`);
    await page
      .getByRole("list", { name: "Latest articles" })
      .getByRole("heading", { level: 2 })
      .first()
      .waitFor();
    await page
      .getByRole("navigation", { name: "Filter articles" })
      .getByRole("link", { name: /^All \(/ })
      .waitFor();
    const files = [...paths];
    const sizes = await Promise.all(
      files.map(async (p) =>
        gzipSize(await readFile(path.join(dist, p === "/" ? "index.html" : p))),
      ),
    );
    return { files: files.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

/** Every file the service worker precaches, raw bytes (what OFFPRINT_PRECACHE_MB bounds). */
async function precacheBytes(dist: string): Promise<number> {
  const sw = await readFile(path.join(dist, "sw.js"), "utf8");
  const urls = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]);
  let total = 0;
  for (const url of urls) total += (await readFile(path.join(dist, url))).length;
  return total;
}

/** The word the first search types: common in the generated editions, so it needs real shards. */
const FIRST_QUERY = "harbour";

/**
 * In the page, before typing: resolves with the time from the first keystroke's input event to
 * the end of the frame that paints the first result's heading. Timed inside the page, as B3 is:
 * Playwright's own round trips (typing, then polling for the heading and reading the clock) added
 * ~100 ms that no reader waits for. A string, so the runner's helpers do not leak into the page.
 */
const FIRST_RESULT_PAINTED = `() => new Promise((resolve) => {
  let typed;
  document.addEventListener("input", (e) => { typed ??= e.timeStamp; }, { capture: true });
  const painted = () => new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(0);
  }));
  const observer = new MutationObserver(() => {
    if (typed === undefined || !document.querySelector('ol[aria-label="Search results"] h2')) return;
    observer.disconnect();
    painted().then(() => resolve(performance.now() - typed));
  });
  observer.observe(document.body, { subtree: true, childList: true });
})`;

/**
 * Time from typing to the first result painted on a cold /search page, and what the search
 * fetched (gzip): its manifest, shards and the result files naming the results shown.
 */
async function firstSearch(browser: Browser, dist: string, origin: string) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search`);
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.waitFor();
    await page.evaluate(`window.__firstResult = (${FIRST_RESULT_PAINTED})(); undefined`);
    await box.fill(FIRST_QUERY);
    // The first result shown (its summary's file fetched), then the page's fifty named.
    const ms = await page.evaluate<number>("window.__firstResult");
    await page
      .getByRole("status")
      .filter({ hasText: /results? for/ })
      .waitFor();
    await page
      .getByRole("list", { name: "Search results" })
      .getByRole("listitem")
      .nth(49)
      .waitFor();
    const files = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith("/content/search")),
    );
    const sizes = await Promise.all(files.map(async (f) => gzipSize(await readFile(dist + f))));
    return { ms, files: files.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  } finally {
    await context.close();
  }
}

/** p95 of one pass over B6a's queries, per run, with every shard they need already read. */
async function warmP95s(dist: string, runs: number): Promise<number[]> {
  const content = path.join(dist, "content");
  const name = (await readdir(content)).find((f) => /^search-.*\.json$/.test(f));
  if (!name) throw new Error(`no search manifest in ${content}`);
  const manifest = JSON.parse(await readFile(path.join(content, name), "utf8")) as SearchManifest;
  const vocabulary = new SearchableMap<number>();
  manifest.terms.forEach((term, i) => vocabulary.set(term, i));
  const shards = new Map<string, Shard>();
  const filesFor = (q: string) => {
    const files = shardsFor(manifest, expand(queryTerms(q), vocabulary));
    return [...files.recent, ...files.archive];
  };
  const firsts = firstTerms(manifest);
  for (const file of new Set(QUERIES.flatMap(filesFor))) {
    const text = await readFile(path.join(dist, file), "utf8");
    shards.set(file, readShard(JSON.parse(text) as ShardFile, firsts.get(file)!));
  }
  // What a query costs once its shards are at hand: expanding its words, adding the scores,
  // ordering every hit, and the matched terms of the fifty a page shows.
  const answer = (q: string) => {
    const started = performance.now();
    const expansions = expand(queryTerms(q), vocabulary);
    const files = shardsFor(manifest, expansions);
    const loaded = [...files.recent, ...files.archive].map((f) => shards.get(f)!);
    for (const hit of score(manifest, expansions, loaded).best(50)) void hit.terms;
    return performance.now() - started;
  };
  for (let pass = 0; pass < 3; pass++) QUERIES.forEach(answer); // warm-up: the optimizing compiler
  const p95s: number[] = [];
  for (let r = 0; r < runs; r++) p95s.push(p95(QUERIES.map(answer)));
  return p95s;
}

/**
 * The search rows at one size, on `dist` (a built edition).
 * @example await b8search({ browser, dist: "bench/.work/dist-b8-1000", size: 1000, runs: 5, log })
 */
export async function b8search(opts: {
  browser: Browser;
  dist: string;
  size: number;
  runs: number;
  log: (msg: string) => void;
}): Promise<Result[]> {
  const { browser, dist, size, runs, log } = opts;
  const at = `${size.toLocaleString("en")} articles`;
  // Node first: Chromium's processes would still be winding down and take the CPU from it.
  const warm = await warmP95s(dist, runs);
  log(`  warm p95 over B6a: median ${round(median(warm))} ms`);
  const host = await serveStatic(dist, "/", { spa: true });
  const origin = host.url.replace(/\/$/, "");
  const first: Awaited<ReturnType<typeof firstSearch>>[] = [];
  try {
    await firstSearch(browser, dist, origin); // warm-up: the server's and Chromium's caches
    for (let r = 0; r < runs; r++) first.push(await firstSearch(browser, dist, origin));
  } finally {
    host.close();
  }
  const cold = await (async () => {
    const h = await serveStatic(dist, "/", { spa: true });
    try {
      return await coldList(browser, dist, h.url.replace(/\/$/, ""));
    } finally {
      h.close();
    }
  })();
  log(`  cold /: ${cold.files} files, ${cold.bytes} B gzip`);
  const precached = await precacheBytes(dist);
  log(`  precache: ${round(precached / 1024 / 1024)} MB`);
  const firstMs = first.map((f) => f.ms);
  const firstBytes = first.map((f) => f.bytes);
  log(
    `  first search "${FIRST_QUERY}": median ${round(median(firstMs))} ms, ` +
      `${first[0].files} files, ${first[0].bytes} B gzip`,
  );
  const sizes = await searchSizes(dist);
  log(`  index ${sizes.index} B gzip; bodies ${sizes.bodiesEach} B gzip (file by file)`);
  return [
    limitResult(
      {
        id: `B8s-cold-${size}`,
        name: `bytes a cold \`/\` fetches until the list is usable, gzip (${at})`,
        why: "issue 17: ≤ 150 KB at every size, flat from 1,000 to 100,000",
        unit: "KB",
        ours: "Offprint `/`, service worker blocked: JS, CSS, catalog manifest and pages",
        limitValue: GOALS.coldKb,
        note: `${cold.files} files, until the first article's heading and the All count show.`,
      },
      [cold.bytes / 1024],
    ),
    ratioResult(
      {
        id: `B8s-precache-${size}`,
        name: `precache total vs OFFPRINT_PRECACHE_MB's default (${at})`,
        limit: GOALS.precacheVsBudget,
        why: "issue 17: what the worker installs stays within OFFPRINT_PRECACHE_MB",
        unit: "MB",
        ours: "every file in sw.js's precache list, raw bytes",
        baseline: `${DEFAULT_PRECACHE_MB} MB, the default budget`,
        note: `The newest 200 articles precached (OFFPRINT_PRECACHE_ARTICLES).`,
      },
      [precached / 1024 / 1024],
      [DEFAULT_PRECACHE_MB],
    ),
    limitResult(
      {
        id: `B8s-first-time-${size}`,
        name: `first search from a cold page, time to first results (${at})`,
        why: "issue 17: ≤ 500 ms at 100,000 articles",
        unit: "ms",
        ours: `typing “${FIRST_QUERY}” on a cold /search to the first result shown, Chromium`,
        limitValue: GOALS.firstMs,
        note: `Service worker blocked; the page and its catalog loaded before typing.`,
      },
      firstMs,
    ),
    limitResult(
      {
        id: `B8s-first-bytes-${size}`,
        name: `first search from a cold page, bytes fetched, gzip (${at})`,
        why: "issue 17: ≤ 300 KB gzip at 100,000 articles",
        unit: "KB",
        ours: `search files fetched for “${FIRST_QUERY}”`,
        limitValue: GOALS.firstKb,
        note: `${first[0].files} files: the manifest, the shards holding the query's terms and the result files naming the fifty results shown.`,
      },
      firstBytes.map((b) => b / 1024),
    ),
    limitResult(
      {
        id: `B8s-warm-${size}`,
        name: `warm search p95, B6a's ${QUERIES.length} queries (${at})`,
        why: "issue 17: < 10 ms at 100,000 articles",
        unit: "ms",
        ours: "src/catalog/search-shards.ts in Node, shards already read",
        limitValue: GOALS.warmP95Ms,
        note: `Expanding the words, adding the scores, ordering every hit, the first fifty's terms.`,
      },
      warm,
    ),
    ratioResult(
      {
        id: `B8s-index-${size}`,
        name: `search index total vs bodies, gzip (${at})`,
        limit: GOALS.indexVsBodies,
        why: "issue 17: the index may weigh at most 0.7× the bodies",
        unit: "B",
        ours: "manifest and every shard, each gzipped",
        baseline: "every body file gzipped, as served",
        note: `Against all bodies gzipped as one stream: ${round(sizes.index / sizes.bodiesTogether)}×.`,
      },
      [sizes.index],
      [sizes.bodiesEach],
    ),
  ];
}
