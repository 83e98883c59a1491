// First search from a cold /search page in Chromium (service worker blocked), on a built app:
// time from typing to the result count, and the search files fetched (count, gzip bytes).
// Usage: npx tsx bench/search-first.ts <dist folder>
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { serveStatic } from "../tests/e2e/static-server.ts";
import { CHROMIUM_ARGS, chromiumPath } from "../tests/e2e/browser.ts";
const dist = process.argv[2];
const host = await serveStatic(dist, "/", { spa: true });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
for (const q of ["harbour", "vienaa", "li", "quiet harbour"]) {
  const times: number[] = [];
  let bytes = 0,
    files = 0;
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`${host.url}search`);
    await page.getByRole("searchbox", { name: "Search" }).waitFor();
    const t0 = await page.evaluate(() => performance.now());
    await page.getByRole("searchbox", { name: "Search" }).fill(q);
    await page
      .getByRole("status")
      .filter({ hasText: /results? for/ })
      .waitFor();
    const res = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .filter((e) => e.name.includes("/content/search"))
        .map((e) => ({ n: new URL(e.name).pathname })),
    );
    const t1 = await page.evaluate(() => performance.now());
    times.push(t1 - t0);
    files = res.length;
    bytes = res.reduce((s, r) => s + gzipSync(readFileSync(dist + r.n)).length, 0);
    await context.close();
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ q, medianMs: Math.round(times[1]), files, gzipBytes: bytes }));
}
await browser.close();
host.close();
