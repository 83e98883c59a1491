// B4 storage: in the bench page (Offprint's src/storage/reads.ts built by Vite, unchanged), the
// start-up read of 10,000 read marks and marking 1,000 articles read, vs raw IndexedDB (one
// read-only transaction with getAll over one record per slug; one read-write transaction with
// 1,000 puts). Each side starts in a freshly loaded page, so opening the database is counted.
import type { Page } from "@playwright/test";
import type { BenchContext } from "../lib/context.ts";
import { alternate, ratioResult, type Result } from "../lib/result.ts";

export const MARKED = 1000;

interface StorageRun {
  load: number;
  mark: number;
  marks: number;
}

export async function freshBenchPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === "true");
}

export async function b4(ctx: BenchContext): Promise<Result[]> {
  const context = await ctx.browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    await freshBenchPage(page, ctx.benchPage);
    const seeded = await page.evaluate(() => window.bench.seed());
    const ours: StorageRun[] = [];
    const raw: StorageRun[] = [];
    const side = (which: "ours" | "raw", runs: StorageRun[]) => async (i: number) => {
      await freshBenchPage(page, ctx.benchPage);
      const offset = ((i + 1) * MARKED) % (seeded - MARKED);
      const run = await page.evaluate(([w, o, n]) => window.bench[w](o, n), [
        which,
        offset,
        MARKED,
      ] as const);
      if (run.marks !== seeded)
        throw new Error(`B4: ${which} read ${run.marks} marks, not ${seeded}`);
      runs.push(run);
      return run.load;
    };
    await alternate(ctx.pairs, side("ours", ours), side("raw", raw), ctx.log);
    ours.shift();
    raw.shift();
    const spec = {
      limit: 2,
      why: "issue 8: the storage layer may cost at most twice the raw platform call",
      unit: "ms",
      ours: "src/storage/reads.ts",
    };
    return [
      ratioResult(
        {
          ...spec,
          id: "B4a",
          name: `Storage: read ${seeded} read marks at start-up`,
          baseline: "raw IndexedDB, one transaction (getAll)",
        },
        ours.map((r) => r.load),
        raw.map((r) => r.load),
      ),
      ratioResult(
        {
          ...spec,
          id: "B4b",
          name: `Storage: mark ${MARKED} articles read`,
          baseline: `raw IndexedDB, one transaction (${MARKED} puts)`,
        },
        ours.map((r) => r.mark),
        raw.map((r) => r.mark),
      ),
    ];
  } finally {
    await context.close();
  }
}
