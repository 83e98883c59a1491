// B6 search: in the bench page (Offprint's src/catalog/search.ts, unchanged, over the
// 10,000-article edition), the 95th percentile time of one query over a fixed set of 40, each run
// in a freshly loaded page; and the search index's gzip size against the article bodies'.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { BenchContext } from "../lib/context.ts";
import { QUERIES } from "../queries.ts";
import { limitResult, ratioResult, type Result } from "../lib/result.ts";
import { gzipSize, median, p95, round } from "../lib/stats.ts";
import { freshBenchPage } from "./b4-storage.ts";

/** gzip of the search index (manifest and shards), of all bodies as one stream, and of each body file summed. */
export async function searchSizes(dist: string) {
  const content = path.join(dist, "content");
  const search = (await readdir(content)).find((f) => f.startsWith("search-"));
  if (!search) throw new Error(`no search index in ${content}`);
  // The manifest and every shard (issue 17), each gzipped as it is served; not the result files
  // (the catalog's summaries again, for naming results) nor the facets file.
  const shards = (await readdir(path.join(content, "search"))).filter((f) =>
    /^(recent|archive)-[0-9a-f]+\.json$/.test(f),
  );
  let index = gzipSize(await readFile(path.join(content, search)));
  for (const f of shards) index += gzipSize(await readFile(path.join(content, "search", f)));
  // One file at a time: at 100,000 articles, reading them all at once runs out of file handles.
  const bodies: Buffer[] = [];
  for (const f of await readdir(path.join(content, "articles")))
    bodies.push(await readFile(path.join(content, "articles", f)));
  return {
    index,
    bodiesTogether: gzipSize(Buffer.concat(bodies)),
    bodiesEach: bodies.reduce((sum, b) => sum + gzipSize(b), 0),
  };
}

export async function b6(ctx: BenchContext): Promise<Result[]> {
  const n = ctx.large.index.articles.length;
  const context = await ctx.browser.newContext({ serviceWorkers: "block" });
  const p95s: number[] = [];
  const loads: number[] = [];
  let hits: number[] = [];
  try {
    const page = await context.newPage();
    for (let i = -1; i < ctx.pairs; i++) {
      await freshBenchPage(page, ctx.benchPage);
      const run = await page.evaluate((q) => window.bench.search(q), QUERIES);
      if (i < 0) continue; // warm-up
      p95s.push(p95(run.times));
      loads.push(run.load);
      hits = run.hits;
      ctx.log(
        `  run ${i + 1}/${ctx.pairs}: p95 ${round(p95(run.times))} ms, load ${round(run.load)} ms`,
      );
    }
  } finally {
    await context.close();
  }
  if (hits[QUERIES.indexOf("harbour")] === 0) throw new Error("B6: search found nothing");
  const sizes = await searchSizes(ctx.large.dist);
  return [
    limitResult(
      {
        id: "B6a",
        name: `Search over ${n} articles: p95 query time`,
        limitValue: 10,
        why: "issue 8: p95 under 10 ms, so results follow typing",
        unit: "ms",
        ours: "src/catalog/search-shards.ts",
        note:
          `${QUERIES.length} queries per run, each with its shards already fetched (a first ` +
          `pass fetched them). Loading the manifest (fetch + parse) took a median ` +
          `${round(median(loads))} ms, once per page load, before the first result.`,
      },
      p95s,
    ),
    ratioResult(
      {
        id: "B6b",
        name: `Search index size vs article bodies, gzip, ${n} articles`,
        limit: 0.7,
        why: "issue 8: the index may weigh at most 70% of the bodies it indexes",
        unit: "B",
        ours: "search index",
        baseline: "all bodies, gzipped as one stream",
        note:
          `Against the bodies gzipped file by file (as they are served): ` +
          `${round(sizes.index / sizes.bodiesEach)}× of ${sizes.bodiesEach} B.`,
      },
      [sizes.index],
      [sizes.bodiesTogether],
    ),
  ];
}
