import { chromium } from "@playwright/test";
import { b8search } from "./bench/benchmarks/b8-search.ts";
const [dist, size] = [process.argv[2], Number(process.argv[3])];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const rows = await b8search({ browser, dist, size, runs: Number(process.argv[4] ?? 1), log: console.log });
for (const r of rows) console.log(r.id, JSON.stringify(r.ours.median), r.unit, "ratio", r.ratio.median, r.pass);
await browser.close();
