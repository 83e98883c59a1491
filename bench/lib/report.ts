// Writes bench/results.json and bench/RESULTS.md from the results of one run.
import { writeFile } from "node:fs/promises";
import type { Result } from "./result.ts";

export interface Run {
  date: string;
  pairs: number;
  machine: string;
  chromium: string;
  results: Result[];
  skipped: { id: string; why: string }[];
}

const fmt = (n: number) => (Number.isFinite(n) ? String(n) : "–");

function limitText(r: Result): string {
  return `${r.direction === "at most" ? "≤" : "≥"} ${r.limit}`;
}

export function markdown(run: Run): string {
  const lines = [
    "# Benchmark results",
    "",
    `Run of ${run.date} on ${run.machine}, ${run.chromium}, ${run.pairs} pairs per timed ` +
      "benchmark (the two sides alternate, after one unrecorded warm-up pair). Each ratio is " +
      "ours / baseline from one pair; the table gives the median, min and max of those ratios " +
      "and, for reference only, the median absolute figure of each side. Regenerate with " +
      "`npm run bench`; the raw samples are in [results.json](results.json).",
    "",
    "| Benchmark | Limit | Median ratio | Min | Max | Ours (median) | Baseline (median) | Pass |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ];
  for (const r of run.results) {
    lines.push(
      `| **${r.id}** ${r.name} | ${limitText(r)} | ${fmt(r.ratio.median)} | ${fmt(r.ratio.min)} | ` +
        `${fmt(r.ratio.max)} | ${fmt(r.ours.median)} ${r.unit} (${r.ours.label}) | ` +
        `${fmt(r.baseline.median)} ${r.unit} (${r.baseline.label}) | ${r.pass ? "yes" : "**no**"} |`,
    );
  }
  for (const s of run.skipped) lines.push(`| **${s.id}** | | | | | not run: ${s.why} | | |`);
  lines.push("", "## Limits and notes", "");
  for (const r of run.results) {
    lines.push(`- **${r.id}**: ${limitText(r)} — ${r.why}.${r.note ? ` ${r.note}` : ""}`);
  }
  return lines.join("\n") + "\n";
}

export async function writeReport(run: Run, json: string, md: string): Promise<void> {
  await writeFile(json, JSON.stringify(run, null, 2) + "\n");
  await writeFile(md, markdown(run));
}
