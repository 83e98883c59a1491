// B3 a list of 10,000 articles: time to the first row painted (from navigation, cold context,
// network, no service worker) and time to scroll to the last article and see it painted, Offprint
// `/` vs a vanilla-DOM page that fetches the same index and builds the same rows; plus the number
// of DOM elements on Offprint's list page once it is shown.
import type { BenchContext } from "../lib/context.ts";
import { PROBE_SCRIPT } from "../lib/browser.ts";
import { alternate, limitResult, ratioResult, type Result } from "../lib/result.ts";
import { median } from "../lib/stats.ts";

interface ListRun {
  first: number;
  scroll: number;
  nodes: number;
}

/**
 * In the page: scroll to the bottom until the list's last row shows the title, then time it to
 * the next paint. A string, so the TypeScript runner's helpers do not leak into the page.
 */
const SCROLL_TO_LAST = `async (title) => {
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  }));
  const start = performance.now();
  for (;;) {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const heading = document.querySelector("ol.articles")?.lastElementChild?.querySelector("h2");
    if (heading && heading.textContent.trim() === title) {
      const box = heading.getBoundingClientRect();
      if (box.top >= 0 && box.bottom <= innerHeight) {
        await afterPaint();
        return performance.now() - start;
      }
    }
    if (performance.now() - start > 120000) throw new Error("the last article never showed");
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}`;

async function run(ctx: BenchContext, url: string): Promise<ListRun> {
  const context = await ctx.browser.newContext({
    serviceWorkers: "block",
    viewport: { width: 1280, height: 800 },
  });
  try {
    await context.addInitScript(PROBE_SCRIPT);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.painted !== undefined, null, {
      timeout: 180_000,
    });
    const first = await page.evaluate(() => window.__bench.painted ?? NaN);
    const last = ctx.large.index.articles[ctx.large.index.articles.length - 1].title;
    const scroll = await page.evaluate<number>(`(${SCROLL_TO_LAST})(${JSON.stringify(last)})`);
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    return { first, scroll, nodes };
  } finally {
    await context.close();
  }
}

export async function b3(ctx: BenchContext): Promise<Result[]> {
  const { origin, index } = ctx.large;
  const n = index.articles.length;
  const ours: ListRun[] = [];
  const ref: ListRun[] = [];
  await alternate(
    ctx.pairs,
    async () => (ours.push(await run(ctx, `${origin}/`)), ours[ours.length - 1].first),
    async () => (ref.push(await run(ctx, `${origin}/ref/vanilla.html`)), ref[ref.length - 1].first),
    ctx.log,
  );
  // alternate() runs one unrecorded warm-up pair first.
  ours.shift();
  ref.shift();
  const nodes = ours.map((r) => r.nodes);
  const refNodes = median(ref.map((r) => r.nodes));
  return [
    ratioResult(
      {
        id: "B3a",
        name: `List of ${n}: first row painted`,
        limit: 1.0,
        why: "issue 8: no slower than plain DOM calls building the same rows",
        unit: "ms",
        ours: "Offprint `/`",
        baseline: "vanilla-DOM page",
      },
      ours.map((r) => r.first),
      ref.map((r) => r.first),
    ),
    ratioResult(
      {
        id: "B3b",
        name: `List of ${n}: scroll to the last article, painted`,
        limit: 1.0,
        why: "issue 8: no slower than plain DOM calls building the same rows",
        unit: "ms",
        ours: "Offprint `/`",
        baseline: "vanilla-DOM page",
      },
      ours.map((r) => r.scroll),
      ref.map((r) => r.scroll),
    ),
    limitResult(
      {
        id: "B3c",
        name: `List of ${n}: DOM elements on the list page`,
        limitValue: 1400,
        why: "issue 8: at most 1,400 elements, whatever the edition's size",
        unit: "elements",
        ours: "Offprint `/`",
        note: `The vanilla page, which renders every row, has ${refNodes} elements.`,
      },
      nodes,
    ),
  ];
}
