// B7 Lighthouse 12.2.3 (default settings: mobile, simulated throttling) on `/` and an article page
// of the 1,000-article edition, driving the system Chromium over its remote-debugging port.
// Scores are held against 100 (ratio = score / 100, at least 1). The median of the runs counts.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import type { BenchContext } from "../lib/context.ts";
import { CHROMIUM_ARGS, chromiumPath } from "../../tests/e2e/browser.ts";
import { ratioResult, type Result } from "../lib/result.ts";
import { median } from "../lib/stats.ts";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);

async function withChromium<T>(port: number, fn: () => Promise<T>): Promise<T> {
  const profile = await mkdtemp(path.join(tmpdir(), "offprint-lh-"));
  const chrome = spawn(
    chromiumPath(),
    [
      ...CHROMIUM_ARGS,
      "--headless=new",
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const up = await fetch(`http://127.0.0.1:${port}/json/version`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error("B7: Chromium's debugging port never opened");
      await new Promise((r) => setTimeout(r, 200));
    }
    return await fn();
  } finally {
    chrome.kill();
    await new Promise((r) => chrome.once("exit", r));
    await rm(profile, { recursive: true, force: true });
  }
}

type Scores = Record<(typeof CATEGORIES)[number], number>;

async function audit(port: number, url: string): Promise<{ scores: Scores; missed: string[] }> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`B7: Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as Scores;
  const missed = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && (a.scoreDisplayMode === "error" || (a.score !== null && a.score < 1)))
      .map((a) =>
        a.scoreDisplayMode === "error"
          ? `${c}: ${a.id} could not run (${(a.errorMessage ?? "").slice(0, 120)})`
          : `${c}: ${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`,
      ),
  );
  if (lhr.runtimeError) missed.push(`run error: ${lhr.runtimeError.message}`);
  return { scores, missed };
}

export async function b7(ctx: BenchContext): Promise<Result[]> {
  const articles = ctx.small.index.articles;
  const pages = [
    { name: "`/`", url: `${ctx.small.origin}/` },
    { name: "an article", url: `${ctx.small.origin}/articles/${articles[10].slug}` },
  ];
  const results: Result[] = [];
  await withChromium(ctx.lighthousePort, async () => {
    for (const p of pages) {
      const runs: { scores: Scores; missed: string[] }[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await audit(ctx.lighthousePort, p.url));
        ctx.log(`  ${p.name} run ${i + 1}/${RUNS}: ${JSON.stringify(runs[i].scores)}`);
      }
      for (const c of CATEGORIES) {
        const scores = runs.map((r) => r.scores[c]);
        const missed = [
          ...new Set(
            runs.flatMap((r) => r.missed.filter((m) => m.startsWith(c) || m.startsWith("run"))),
          ),
        ];
        results.push(
          ratioResult(
            {
              id: `B7 ${p.name === "`/`" ? "list" : "article"} ${c}`,
              name: `Lighthouse ${c}, ${p.name} (median of ${RUNS})`,
              limit: 1,
              direction: "at least",
              why: "issue 8: 100 in every category",
              unit: "score",
              ours: "Offprint",
              baseline: "100",
              ...(missed.length && median(scores) < 100
                ? { note: `Audits below full marks: ${missed.join("; ")}` }
                : {}),
            },
            scores,
            scores.map(() => 100),
          ),
        );
      }
    }
  });
  return results;
}
