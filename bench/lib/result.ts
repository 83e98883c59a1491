// One row of the results: a ratio of our side over a baseline measured in the same run, its
// spread over the pairs, and whether it meets its limit.
import { median, round } from "./stats.ts";

export interface Result {
  id: string;
  name: string;
  /** What the ratio is: "ours / baseline". */
  ratioOf: string;
  /** The limit and its direction: the ratio must be ≤ (or ≥) `limit`. */
  limit: number;
  direction: "at most" | "at least";
  /** Why this limit. */
  why: string;
  unit: string;
  pairs: number;
  ratio: { median: number; min: number; max: number };
  ours: { label: string; median: number };
  baseline: { label: string; median: number };
  pass: boolean;
  note?: string;
  samples: { ours: number[]; baseline: number[] };
}

export interface RatioSpec {
  id: string;
  name: string;
  limit: number;
  direction?: Result["direction"];
  why: string;
  unit: string;
  ours: string;
  baseline: string;
  note?: string;
}

/** Builds a row from paired samples: one ratio per pair, ours[i] / baseline[i]. */
export function ratioResult(spec: RatioSpec, ours: number[], baseline: number[]): Result {
  const ratios = ours.map((o, i) => o / baseline[i]);
  const direction = spec.direction ?? "at most";
  const med = median(ratios);
  return {
    id: spec.id,
    name: spec.name,
    ratioOf: `${spec.ours} / ${spec.baseline}`,
    limit: spec.limit,
    direction,
    why: spec.why,
    unit: spec.unit,
    pairs: ratios.length,
    ratio: { median: round(med), min: round(Math.min(...ratios)), max: round(Math.max(...ratios)) },
    ours: { label: spec.ours, median: round(median(ours)) },
    baseline: { label: spec.baseline, median: round(median(baseline)) },
    pass: direction === "at most" ? med <= spec.limit : med >= spec.limit,
    ...(spec.note ? { note: spec.note } : {}),
    samples: { ours: ours.map((v) => round(v, 4)), baseline: baseline.map((v) => round(v, 4)) },
  };
}

/** A figure held against a fixed limit (node counts, p95 budgets, scores): ratio = value / limit. */
export function limitResult(
  spec: Omit<RatioSpec, "baseline" | "limit"> & { limitValue: number },
  values: number[],
): Result {
  const baseline = values.map(() => spec.limitValue);
  return ratioResult(
    { ...spec, limit: 1, baseline: `limit ${spec.limitValue} ${spec.unit}` },
    values,
    baseline,
  );
}

/**
 * Runs `n` pairs, alternating which side goes first, after one unrecorded warm-up pair.
 * @example const { a, b } = await alternate(15, () => timeOurs(), () => timeReference());
 */
export async function alternate(
  n: number,
  a: (i: number) => Promise<number>,
  b: (i: number) => Promise<number>,
  log: (msg: string) => void = () => undefined,
): Promise<{ a: number[]; b: number[] }> {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = -1; i < n; i++) {
    let x: number;
    let y: number;
    if (i % 2 === 0) {
      x = await a(i);
      y = await b(i);
    } else {
      y = await b(i);
      x = await a(i);
    }
    if (i >= 0) {
      as.push(x);
      bs.push(y);
      log(`  pair ${i + 1}/${n}: ${round(x)} vs ${round(y)}`);
    }
  }
  return { a: as, b: bs };
}
