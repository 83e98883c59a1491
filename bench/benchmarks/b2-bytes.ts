// B2 bytes: gzip size (level 9) of every script and stylesheet that `/` loads until the list is
// shown and the network is idle, Offprint vs the reference shell (bench/reference/shell). The
// sizes do not vary between loads, so one load of each is the whole sample.
import type { BenchContext } from "../lib/context.ts";
import { gzipSize } from "../lib/stats.ts";
import { ratioResult, type Result } from "../lib/result.ts";

export interface Loaded {
  url: string;
  bytes: number;
  gzip: number;
}

/** The scripts and stylesheets a page loads, with their raw and gzip sizes. */
export async function startupFiles(ctx: BenchContext, url: string): Promise<Loaded[]> {
  const context = await ctx.browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const pending: Promise<Loaded>[] = [];
    page.on("response", (res) => {
      const type = res.request().resourceType();
      if (type !== "script" && type !== "stylesheet") return;
      pending.push(
        res.body().then((body) => ({ url: res.url(), bytes: body.length, gzip: gzipSize(body) })),
      );
    });
    await page.goto(url);
    await page.locator("li article").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    return await Promise.all(pending);
  } finally {
    await context.close();
  }
}

const total = (files: Loaded[]) => files.reduce((sum, f) => sum + f.gzip, 0);
const list = (files: Loaded[]) =>
  files.map((f) => `${new URL(f.url).pathname} ${f.gzip} B`).join(", ");

export async function b2(ctx: BenchContext): Promise<Result[]> {
  const ours = await startupFiles(ctx, `${ctx.small.origin}/`);
  const shell = await startupFiles(ctx, `${ctx.small.origin}/shell/`);
  return [
    ratioResult(
      {
        id: "B2",
        name: "Start-up JS + CSS, gzip bytes",
        limit: 1.3,
        why: "issue 8: at most 30% over the smallest Solid + router + localforage app",
        unit: "B",
        ours: "Offprint `/`",
        baseline: "reference shell",
        note: `Offprint: ${list(ours)}. Shell: ${list(shell)}. Sizes are deterministic: one load each.`,
      },
      [total(ours)],
      [total(shell)],
    ),
  ];
}
