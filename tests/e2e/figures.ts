// The figures the reliability tests count (rounds, characters lost, payloads, faults…), kept as
// annotations on the running test; tests/e2e/summary-reporter.ts adds them up over a run.
import type { TestInfo } from "@playwright/test";

/** Every figure the reliability summary shows, in the order it shows them. */
export const FIGURES = [
  "rounds",
  "characters typed",
  "characters lost",
  "two-tab rounds",
  "characters lost (two tabs)",
  "payloads tried",
  "executions",
  "hostile SVGs opened",
  "scripts run",
  "CSP violations",
  "faults injected",
  "HTML-as-content responses cached",
  "bookmarked articles offline after an update",
  "records from a newer version kept",
  "imports interrupted",
  "imports applied half",
] as const;

export type Figure = (typeof FIGURES)[number];

const PREFIX = "figure: ";

/**
 * Adds `n` to one of the test's figures. Record a figure before the assertion that checks it, so
 * a failing test still reports what it counted.
 * @example figure(test.info(), "characters lost", lost); expect(lost).toBe(0);
 */
export function figure(testInfo: TestInfo, name: Figure, n: number): void {
  const type = PREFIX + name;
  const annotation = testInfo.annotations.find((a) => a.type === type);
  if (annotation) annotation.description = String(Number(annotation.description) + n);
  else testInfo.annotations.push({ type, description: String(n) });
}

/** The figures a finished test recorded, read back from its annotations. */
export function figuresOf(
  annotations: readonly { type: string; description?: string }[],
): Map<Figure, number> {
  const figures = new Map<Figure, number>();
  for (const { type, description } of annotations) {
    const name = type.slice(PREFIX.length) as Figure;
    if (type.startsWith(PREFIX) && FIGURES.includes(name)) {
      figures.set(name, (figures.get(name) ?? 0) + Number(description ?? 0));
    }
  }
  return figures;
}
