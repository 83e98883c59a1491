// `npm run bench`: generates the synthetic editions, builds them through the real pipeline (and
// the reference pages, shell and bench page), serves everything on 127.0.0.1:4195–4197, runs the
// benchmarks in headless Chromium and writes bench/results.json and bench/RESULTS.md.
// Options: --pairs N (default 15), --only B1,B3, --reuse (keep earlier builds in bench/.work; for
// B8, only its search rows on the edition an earlier run built), --size 1000,10000 (the editions
// B8's build and search rows are measured at; 100000 makes short bodies).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateEdition, GENERATOR_VERSION } from "./generate.ts";
import { builtIndex, writeStaticList, writeVanilla } from "./reference/build.ts";
import { serve, type BenchServer } from "./lib/server.ts";
import { launch } from "./lib/browser.ts";
import type { BenchContext, Edition } from "./lib/context.ts";
import type { Result } from "./lib/result.ts";
import { writeReport, type Run } from "./lib/report.ts";
import { b1 } from "./benchmarks/b1-offline.ts";
import { b2 } from "./benchmarks/b2-bytes.ts";
import { b3 } from "./benchmarks/b3-list.ts";
import { b4 } from "./benchmarks/b4-storage.ts";
import { b5 } from "./benchmarks/b5-typing.ts";
import { b6 } from "./benchmarks/b6-search.ts";
import { b7 } from "./benchmarks/b7-lighthouse.ts";
import { b8build } from "./benchmarks/b8-build.ts";
import { b8search } from "./benchmarks/b8-search.ts";
import { b9 } from "./benchmarks/b9-highlights.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const WORK = path.join(ROOT, "bench/.work");
const SMALL = 1000;
const LARGE = 10000;
const PORTS = { small: 4195, large: 4196, page: 4197, lighthouse: 4199 };

const { values: args } = parseArgs({
  options: {
    pairs: { type: "string", default: "15" },
    only: { type: "string" },
    reuse: { type: "boolean", default: false },
    size: { type: "string", default: `${1000},${10000}` },
  },
});
const pairs = Number(args.pairs);
const only = args.only?.split(",").map((s) => s.trim().toUpperCase());
const wanted = (id: string) => !only || only.includes(id);

const log = (msg: string) => console.log(msg);

/** Runs a command from the repo root; its output goes to bench/.work/logs/<name>.log. */
async function sh(name: string, cmd: string[], env: Record<string, string> = {}): Promise<void> {
  await mkdir(path.join(WORK, "logs"), { recursive: true });
  const logFile = path.join(WORK, "logs", `${name}.log`);
  const started = Date.now();
  const output: Buffer[] = [];
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(cmd[0], cmd.slice(1), {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (d: Buffer) => output.push(d));
    child.stderr.on("data", (d: Buffer) => output.push(d));
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  const text = Buffer.concat(output).toString();
  await writeFile(logFile, text);
  if (code !== 0) {
    throw new Error(`${name} failed (exit ${code}); see ${logFile}:\n${text.slice(-2000)}`);
  }
  log(`  ${name}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const vite = (config: string | undefined, outDir?: string) => [
  process.execPath,
  path.join(ROOT, "node_modules/vite/bin/vite.js"),
  "build",
  ...(config ? ["--config", config] : []),
  ...(outDir ? ["--outDir", outDir, "--emptyOutDir"] : []),
];

async function edition(n: number): Promise<Edition> {
  const folder = path.join(WORK, `edition-${n}`);
  const stamp = path.join(folder, ".generator-version");
  const current =
    existsSync(stamp) && (await readFile(stamp, "utf8")) === String(GENERATOR_VERSION);
  if (!current) {
    log(`Generating ${n} articles`);
    await generateEdition(n, folder);
    await writeFile(stamp, String(GENERATOR_VERSION));
  }
  const dist = path.join(WORK, `dist-${n}`);
  if (!current || !args.reuse || !existsSync(path.join(dist, "index.html"))) {
    log(`Building the ${n}-article edition through the real pipeline`);
    await sh(`build-${n}`, vite(undefined, dist), {
      OFFPRINT_CONTENT: folder,
      // The default budget, spelled out: newest 200 articles or 20 MB precached, the rest at runtime.
      OFFPRINT_PRECACHE_ARTICLES: "200",
      // At 10,000 articles the search index alone is ~27 MB, over the 20 MB per-file limit that
      // the default budget gives Workbox, and the build fails; the large edition gets 32 MB.
      OFFPRINT_PRECACHE_MB: n === LARGE ? "32" : "20",
      NODE_OPTIONS: "--max-old-space-size=8192",
    });
  }
  const { url, index } = await builtIndex(dist);
  return { dist, indexUrl: url, index };
}

/** B8's build rows at each --size, each on a fresh edition of its own (the bench edits one article). */
async function buildRows(): Promise<{ rows: Result[]; dists: [size: number, dist: string][] }> {
  const rows: Result[] = [];
  const dists: [number, string][] = [];
  for (const size of (args.size ?? "").split(",").map(Number)) {
    // At 100,000 articles, bodies of 100–600 words keep the edition near 300 MB on disk.
    const short = size >= 100_000;
    const content = path.join(WORK, `b8-edition-${size}`);
    const dist = path.join(WORK, `dist-b8-${size}`);
    // --reuse: the search rows alone, on the edition an earlier run built (a 100,000-article
    // build takes the better part of an hour on 2 cores).
    if (args.reuse && existsSync(path.join(dist, "index.html"))) {
      log(`B8 at ${size} articles: reusing ${path.relative(ROOT, dist)} (no build rows)`);
      dists.push([size, dist]);
      continue;
    }
    log(`B8 build rows at ${size} articles${short ? " (short bodies)" : ""}`);
    await generateEdition(size, content, { short });
    const t0 = Date.now();
    rows.push(...(await b8build({ root: ROOT, work: WORK, size, content, log })));
    dists.push([size, dist]);
    log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  return { rows, dists };
}

async function main(): Promise<void> {
  const built = wanted("B8") ? await buildRows() : { rows: [], dists: [] };
  const needLarge = ["B3", "B4", "B6"].some(wanted);
  const needSmall = ["B1", "B2", "B5", "B7", "B9"].some(wanted);
  const small = needSmall ? await edition(SMALL) : undefined;
  const large = needLarge ? await edition(LARGE) : undefined;

  log("Building the reference pages, the reference shell and the bench page");
  const ref = { small: path.join(WORK, "ref-1000"), large: path.join(WORK, "ref-10000") };
  const shellOut = path.join(WORK, "shell");
  const pageOut = path.join(WORK, "bench-page");
  if (small) {
    await writeStaticList(small.dist, ref.small);
    await sh("shell", vite("bench/reference/shell/vite.config.ts"), {
      BENCH_INDEX_URL: small.indexUrl,
      BENCH_OUT: shellOut,
    });
  }
  if (large) await writeVanilla(large.dist, ref.large);
  // The bench page reads the large edition (B4, B6); B9 alone needs none of its articles.
  const pageEdition = large ?? (wanted("B9") ? small : undefined);
  if (pageEdition) {
    await sh("bench-page", vite("bench/page/vite.config.ts"), {
      BENCH_DIST: pageEdition.dist,
      BENCH_OUT: pageOut,
    });
  }

  const servers: BenchServer[] = [];
  const browser = await launch();
  const chromium = `Chromium ${browser.version()}`;
  const results: Result[] = [...built.rows];
  const skipped: Run["skipped"] = [];
  const started = new Date().toISOString();
  try {
    const smallServer = small
      ? await serve(PORTS.small, [
          { prefix: "/ref/", dir: ref.small },
          { prefix: "/shell/", dir: shellOut },
          { prefix: "/", dir: small.dist },
        ])
      : undefined;
    const largeServer = large
      ? await serve(PORTS.large, [
          { prefix: "/ref/", dir: ref.large },
          { prefix: "/", dir: large.dist },
        ])
      : undefined;
    const pageServer = pageEdition
      ? await serve(PORTS.page, [
          { prefix: "/content/", dir: path.join(pageEdition.dist, "content") },
          { prefix: "/", dir: pageOut },
        ])
      : undefined;
    for (const s of [smallServer, largeServer, pageServer]) if (s) servers.push(s);
    const none = {
      dist: "",
      indexUrl: "",
      index: { version: 1 as const, articles: [] },
      origin: "",
    };
    const ctx: BenchContext = {
      browser,
      pairs,
      small: small && smallServer ? { ...small, origin: smallServer.origin } : none,
      large: large && largeServer ? { ...large, origin: largeServer.origin } : none,
      benchPage: pageServer ? `${pageServer.origin}/` : "",
      lighthousePort: PORTS.lighthouse,
      log,
    };
    const benchmarks: [string, (c: BenchContext) => Promise<Result[]>][] = [
      ["B1", b1],
      ["B2", b2],
      ["B3", b3],
      ["B4", b4],
      ["B5", b5],
      ["B6", b6],
      ["B7", b7],
      ["B9", b9],
    ];
    // B8's search rows, on the editions its build rows built (the last build, after one edit).
    for (const [size, dist] of built.dists) {
      log(`B8 search rows at ${size} articles`);
      const rows = await b8search({ browser, dist, size, runs: Math.min(pairs, 5), log });
      results.push(...rows);
      for (const r of rows) log(`  ${r.id}: ${r.ours.median} ${r.unit}, ratio ${r.ratio.median}`);
    }
    for (const [id, fn] of benchmarks) {
      if (!wanted(id)) continue;
      log(`${id}`);
      const t0 = Date.now();
      try {
        const rows = await fn(ctx);
        results.push(...rows);
        for (const r of rows) {
          log(
            `  ${r.id}: median ratio ${r.ratio.median} (limit ${r.direction} ${r.limit}) ${r.pass ? "pass" : "FAIL"}`,
          );
        }
      } catch (err) {
        const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
        log(`  ${id} could not be measured: ${why}`);
        skipped.push({ id, why });
      }
      log(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }

  const run: Run = {
    date: started,
    pairs,
    machine: `${cpus().length} CPU cores, Node ${process.version}`,
    chromium,
    results,
    skipped,
  };
  const partial = only ? path.join(WORK, "partial") : path.join(ROOT, "bench");
  await mkdir(partial, { recursive: true });
  await writeReport(run, path.join(partial, "results.json"), path.join(partial, "RESULTS.md"));
  log(`Wrote ${path.relative(ROOT, partial)}/results.json and RESULTS.md`);
}

await main();
