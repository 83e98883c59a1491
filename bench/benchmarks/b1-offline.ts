// B1 offline cold start: time from navigation to the first list row painted, with no network,
// Offprint served by its own service worker vs the same list as one static HTML page served by
// the minimal reference worker (bench/reference/sw.js), both on one origin. Each load starts
// with every service worker stopped, so the worker's own start-up is part of the time.
import type { BrowserContext } from "@playwright/test";
import type { BenchContext } from "../lib/context.ts";
import { PROBE_SCRIPT } from "../lib/browser.ts";
import { alternate, ratioResult, type Result } from "../lib/result.ts";
import { median, round } from "../lib/stats.ts";

async function install(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
  await page.close();
}

/**
 * One cold load; `ready` collects when the page's own list was in place (for Offprint, when it
 * replaced the static first screen).
 */
async function coldOffline(context: BrowserContext, url: string, ready: number[]): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.ready !== undefined, null, {
    timeout: 120_000,
  });
  const probe = await page.evaluate(() => ({
    painted: window.__bench.painted ?? NaN,
    ready: window.__bench.ready ?? NaN,
    controlled: navigator.serviceWorker.controller !== null,
  }));
  if (!probe.controlled) throw new Error(`B1: ${url} was not served by a service worker`);
  ready.push(probe.ready);
  await cdp.detach();
  await page.close();
  return probe.painted;
}

export async function b1(ctx: BenchContext): Promise<Result[]> {
  const { origin, index } = ctx.small;
  const context = await ctx.browser.newContext();
  try {
    await context.addInitScript(PROBE_SCRIPT);
    // The reference first: once Offprint's worker (scope `/`) is installed, it would answer the
    // first visit to /ref/ with its own shell. Afterwards /ref/'s narrower scope wins.
    await install(context, `${origin}/ref/`);
    await install(context, `${origin}/`);
    await context.setOffline(true);
    const appReady: number[] = []; // one per load of Offprint, the warm-up's first
    const { a, b } = await alternate(
      ctx.pairs,
      () => coldOffline(context, `${origin}/`, appReady),
      () => coldOffline(context, `${origin}/ref/`, []),
      ctx.log,
    );
    return [
      ratioResult(
        {
          id: "B1",
          name: `Offline cold start, ${index.articles.length} articles (first row painted)`,
          limit: 1.3,
          why: "issue 8: within 30% of a static page served by a service worker",
          unit: "ms",
          ours: "Offprint via its service worker",
          baseline: "static HTML list via a minimal service worker",
          note:
            "Offprint's first row is the static first screen in index.html; its own list " +
            `replaced it after a median ${round(median(appReady.slice(1)))} ms.`,
        },
        a,
        b,
      ),
    ];
  } finally {
    await context.close();
  }
}
