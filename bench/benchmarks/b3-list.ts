// B3 a list of 10,000 articles: time to the first row painted (from navigation, cold context,
// network, no service worker) and time to scroll to the last article and see it painted, Offprint
// `/` vs a vanilla-DOM page that fetches the same index and builds the same rows; plus the number
// of DOM elements on Offprint's list page once it is shown.
import type { BenchContext } from "../lib/context.ts";
import { PROBE_SCRIPT } from "../lib/browser.ts";
import { alternate, limitResult, ratioResult, type Result } from "../lib/result.ts";
import { median, round } from "../lib/stats.ts";

interface ListRun {
  first: number;
  /** The app's own list in place of the static first screen (Offprint); `first` elsewhere. */
  ready: number;
  scroll: number;
  nodes: number;
}

/**
 * In the page: scroll to the bottom, then, frame by frame, look at what each frame is about to
 * paint (in its requestAnimationFrame callback, after that frame's scroll handlers ran) until the
 * list's last row shows the last title fully inside the viewport; the time runs to the end of that
 * frame. Both sides are timed alike: a list that draws its rows in a scroll handler is not charged
 * an extra frame for it, and a list that already holds every row still waits for its frame.
 * A string, so the TypeScript runner's helpers do not leak into the page.
 */
const SCROLL_TO_LAST = `async (title) => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const painted = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const shown = () => {
    const heading = document.querySelector("ol.articles")?.lastElementChild?.querySelector("h2");
    if (!heading || heading.textContent.trim() !== title) return false;
    const box = heading.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  };
  const start = performance.now();
  for (;;) {
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    if (shown()) {
      await painted();
      return performance.now() - start;
    }
    if (performance.now() - start > 120000) throw new Error("the last article never showed");
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
    await page.waitForFunction(() => window.__bench?.ready !== undefined, null, {
      timeout: 180_000,
    });
    const { first, ready } = await page.evaluate(() => ({
      first: window.__bench.painted ?? NaN,
      ready: window.__bench.ready ?? NaN,
    }));
    const last = ctx.large.index.articles[ctx.large.index.articles.length - 1].title;
    const scroll = await page.evaluate<number>(`(${SCROLL_TO_LAST})(${JSON.stringify(last)})`);
    const nodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    return { first, ready, scroll, nodes };
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
        note:
          "Offprint's first row is the static first screen in index.html; its own list " +
          `replaced it after a median ${round(median(ours.map((r) => r.ready)))} ms.`,
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
