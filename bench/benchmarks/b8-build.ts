// B8, the build rows: `vite build` (what `npm run build` runs) of a generated edition, cold (empty
// article cache) and again after editing one article, with the build's peak memory. The timings
// are wall-clock on whatever else the machine runs, so each row also gives the CPU seconds; and
// what the edit changed in the deploy (the files a returning reader's browser fetches again).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFile, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { limitResult, type Result } from "../lib/result.ts";
import { gzipSize, round } from "../lib/stats.ts";

const MB = 1024 * 1024;

/**
 * Goals from issue 17: ≤ 3 ms per article cold, ≤ 10 s after one edit, ≤ 1.5 GB peak, ≤ 100 KB
 * changed (gzip) by one edit.
 */
const GOALS = { coldMsPerArticle: 3, editSeconds: 10, peakMb: 1536, changedKb: 100 };

/**
 * The build's heap, in MB. Given room, V8 collects late (with 8 GB it let a 10,000-article build
 * grow to 2.3 GB, of which it needed under 0.9): a fixed heap makes the peak show what the
 * build needs, and a build that needs more fails here instead of passing on a big machine.
 */
export const BUILD_HEAP_MB = 1024;

interface Built {
  seconds: number;
  cpuSeconds: number;
  peak: number;
  stdout: string;
}

/**
 * One `vite build` of `content` into `dist` with the article cache in `cache`, as `npm run build`
 * runs it: into the folder as the last build left it (build/out-dir.ts).
 */
async function build(root: string, content: string, dist: string, cache: string): Promise<Built> {
  const peakFile = path.join(path.dirname(dist), `${path.basename(dist)}.peak`);
  const started = performance.now();
  const output: Buffer[] = [];
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/vite/bin/vite.js"), "build", "--outDir", dist],
    {
      cwd: root,
      env: {
        ...process.env,
        OFFPRINT_CONTENT: content,
        OFFPRINT_BUILD_CACHE: cache,
        OFFPRINT_PRECACHE_ARTICLES: "200",
        OFFPRINT_PRECACHE_MB: "512",
        NODE_OPTIONS: `--max-old-space-size=${BUILD_HEAP_MB} --import=${path.join(root, "bench/lib/peak-rss.mjs")}`,
        BENCH_PEAK_RSS_FILE: peakFile,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout.on("data", (d: Buffer) => output.push(d));
  child.stderr.on("data", (d: Buffer) => output.push(d));
  const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? 1)));
  const stdout = Buffer.concat(output).toString();
  if (code !== 0) throw new Error(`the build of ${content} failed:\n${stdout.slice(-2000)}`);
  const seconds = (performance.now() - started) / 1000;
  const { peak, cpu } = JSON.parse(await readFile(peakFile, "utf8")) as {
    peak: number;
    cpu: number;
  };
  return { seconds, cpuSeconds: cpu, peak, stdout };
}

/** Every file under `dir` (relative path → sha1 of its bytes). */
async function fileHashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  );
  for (const e of files) {
    const file = path.join(e.parentPath, e.name);
    out.set(
      path.relative(dir, file),
      createHash("sha1")
        .update(await readFile(file))
        .digest("hex"),
    );
  }
  return out;
}

/**
 * The files of `dir` that are new or differ from `before`, and their gzip size: all of them, and
 * those in the service worker's precache (what a returning reader's browser fetches again).
 */
async function changedBytes(dir: string, before: Map<string, string>) {
  const sw = await readFile(path.join(dir, "sw.js"), "utf8");
  const precached = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]));
  precached.add("sw.js");
  const all = { files: 0, bytes: 0 };
  const installed = { files: 0, bytes: 0, list: [] as string[] };
  for (const [file, hash] of await fileHashes(dir)) {
    if (before.get(file) === hash) continue;
    const bytes = gzipSize(await readFile(path.join(dir, file)));
    all.files++;
    all.bytes += bytes;
    if (precached.has(file.split(path.sep).join("/"))) {
      installed.files++;
      installed.bytes += bytes;
      installed.list.push(`${file} ${bytes} B`);
    }
  }
  return { all, installed };
}

/**
 * The build rows at one size.
 * @example await b8build({ root, work, size: 1000, content: "bench/.work/edition-1000", log })
 */
export async function b8build(opts: {
  root: string;
  work: string;
  size: number;
  content: string;
  log: (msg: string) => void;
}): Promise<Result[]> {
  const { root, work, size, content, log } = opts;
  const cache = path.join(work, `build-cache-${size}`);
  const dist = path.join(work, `dist-b8-${size}`);
  await rm(cache, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });
  const cold = await build(root, content, dist, cache);
  log(
    `  cold: ${round(cold.seconds)} s (${round(cold.cpuSeconds)} s CPU), peak ${round(cold.peak / MB)} MB`,
  );
  const before = await fileHashes(dist);
  const [first] = (await readdir(content)).filter((f) => f.endsWith(".md")).sort();
  await appendFile(path.join(content, first), `\nEdited for B8 at ${new Date().toISOString()}.\n`);
  const edit = await build(root, content, dist, cache);
  log(
    `  after editing one article: ${round(edit.seconds)} s (${round(edit.cpuSeconds)} s CPU), ` +
      `peak ${round(edit.peak / MB)} MB`,
  );
  if (!edit.stdout.includes("rendered: 1 article,")) {
    throw new Error(`the rebuild did not take the other articles from the cache:\n${edit.stdout}`);
  }
  const changed = await changedBytes(dist, before);
  log(
    `  files changed by the edit: ${changed.all.files}, ${changed.all.bytes} B gzip; ` +
      `of them precached: ${changed.installed.files}, ${changed.installed.bytes} B gzip`,
  );
  for (const line of changed.installed.list.sort()) log(`    ${line}`);
  const at = `${size.toLocaleString("en")} articles`;
  return [
    limitResult(
      {
        id: `B8g-cold-${size}`,
        name: `build time per article, cold (${at})`,
        why: "issue 17: a cold build ≤ 3 ms per article",
        unit: "ms",
        ours: "vite build, empty article cache",
        limitValue: GOALS.coldMsPerArticle,
        note: `${round(cold.seconds)} s in all at ${at}, ${round(cold.cpuSeconds)} s of CPU.`,
      },
      [(cold.seconds * 1000) / size],
    ),
    limitResult(
      {
        id: `B8g-edit-${size}`,
        name: `build after editing one article (${at})`,
        why: "issue 17: a rebuild after one edit ≤ 10 s in all",
        unit: "s",
        ours: "vite build, article cache kept",
        limitValue: GOALS.editSeconds,
        note: `${round(edit.cpuSeconds)} s of CPU.`,
      },
      [edit.seconds],
    ),
    limitResult(
      {
        id: `B8g-changed-${size}`,
        name: `bytes changed by editing one article, gzip (${at})`,
        why: "issue 17: a returning reader re-downloads ≤ 100 KB after one article is edited",
        unit: "KB",
        ours: "precached files new or changed by the edit (the worker included), each gzipped",
        limitValue: GOALS.changedKb,
        note:
          `${changed.installed.files} files. The whole deploy: ${changed.all.files} files, ` +
          `${round(changed.all.bytes / 1024)} KB gzip (static pages, feeds, sitemap: for hosts ` +
          `and crawlers, not fetched again by a reader).`,
      },
      [changed.installed.bytes / 1024],
    ),
    limitResult(
      {
        id: `B8g-memory-${size}`,
        name: `build peak memory, cold (${at})`,
        why: "issue 17: peak memory ≤ 1.5 GB at 100,000 articles",
        unit: "MB",
        ours: `peak RSS of vite build (heap ${BUILD_HEAP_MB} MB), worker threads included`,
        limitValue: GOALS.peakMb,
      },
      [Math.max(cold.peak, edit.peak) / MB],
    ),
  ];
}
