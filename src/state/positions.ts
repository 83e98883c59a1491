// Where the reader is in each article, in memory: every kept position, for "Continue reading"
// on the list and for the open article's tracker (src/features/reading/reading-tracker.ts, which only the
// article page loads).
import { loadPosition, loadPositions, settlePending, type Position } from "../storage/positions.ts";
import { createSyncedRecords } from "./synced-records.ts";

/** An article counts as started past this fraction, and as finished from FINISHED on. */
export const STARTED = 0.05;
export const FINISHED = 0.9;

const store = createSyncedRecords<Position>({
  kind: "positions",
  before: () => settlePending().catch(() => undefined),
  loadAll: loadPositions,
  loadOne: loadPosition,
  // a failed load leaves the list without "Continue reading"; the shell says storage is unavailable
});
const positions = store.records;

/** The kept progress (0–1) of an article, or undefined. */
export const progressOf = (slug: string): number | undefined => positions[slug]?.progress;

/** Every slug with a kept position, in the edition or not. */
export const positionSlugs = (): string[] => Object.keys(positions);

/** Articles started and not finished, the most recently read first. */
export function unfinished(): { slug: string; progress: number }[] {
  return Object.entries(positions)
    .filter(([, p]) => p.progress >= STARTED && p.progress < FINISHED)
    .sort((a, b) => b[1].updatedAt - a[1].updatedAt)
    .map(([slug, p]) => ({ slug, progress: p.progress }));
}

/** Loads every kept position once and follows other tabs. */
export const startPositions = (): Promise<void> => store.start();

/** Shows what the device now holds (after an import or after deleting all data). */
export async function reloadPositions(): Promise<void> {
  await store.reload().catch(() => store.replaceAll(new Map()));
}

/** Holds a position in memory (the tracker writes it to the device). */
export function rememberPosition(slug: string, position: Position): void {
  store.set(slug, position);
}
