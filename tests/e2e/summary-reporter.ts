// The reliability summary `npm run test:stress` ends with: the figures the tests recorded
// (./figures.ts) added up over the run, printed and written to test-results/reliability.json.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { FIGURES, figuresOf, type Figure } from "./figures.ts";

export const SUMMARY_FILE = path.join("test-results", "reliability.json");

type Totals = Record<Figure | "faults survived", number>;

export default class SummaryReporter implements Reporter {
  private readonly totals = Object.fromEntries(
    [...FIGURES, "faults survived"].map((name) => [name, 0]),
  ) as Totals;
  private passed = 0;
  private failed = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "skipped") return;
    // Only the last attempt counts: a retried test is one test.
    if (result.retry < test.retries && result.status !== "passed") return;
    const figures = figuresOf(result.annotations);
    for (const [name, n] of figures) this.totals[name] += n;
    const ok = result.status === "passed";
    if (ok) this.passed++;
    else this.failed++;
    // A fault is survived when the test that injected it passed all its checks.
    if (ok) this.totals["faults survived"] += figures.get("faults injected") ?? 0;
  }

  onEnd(result: FullResult): void {
    const rows: [string, number][] = [
      ...Object.entries(this.totals),
      ["tests passed", this.passed],
      ["tests failed", this.failed],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    const date = new Date().toISOString().slice(0, 10);
    const lines = rows.map(([name, n]) => `  ${name.padEnd(width)}  ${n.toLocaleString("en-US")}`);
    console.log(`\nReliability summary (${date}, run ${result.status})\n${lines.join("\n")}\n`);
    mkdirSync(path.dirname(SUMMARY_FILE), { recursive: true });
    writeFileSync(
      SUMMARY_FILE,
      `${JSON.stringify({ date, status: result.status, ...Object.fromEntries(rows) }, null, 2)}\n`,
    );
  }

  printsToStdio(): boolean {
    return false; // the list reporter beside it prints the tests
  }
}
