// Small statistics and size helpers shared by the benchmarks.
import { gzipSync } from "node:zlib";

/** The q-quantile (0–1) of `values`, by linear interpolation between the closest ranks. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]): number => quantile(values, 0.5);
export const p95 = (values: number[]): number => quantile(values, 0.95);

/** gzip size at level 9, the same setting for every side of every ratio. */
export function gzipSize(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/** Rounds for the report: 3 significant figures is plenty for noisy timings. */
export function round(n: number, digits = 3): number {
  return Number.isFinite(n) ? Number(n.toPrecision(digits)) : n;
}
