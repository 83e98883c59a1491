// Where the reader is in each article, in memory: every kept position, for "Continue reading"
// on the list and for the open article's tracker (src/features/reading/reading-tracker.ts, which only the
// article page loads).
import { createStore, produce, reconcile } from "solid-js/store";
import { loadPosition, loadPositions, settlePending, type Position } from "../storage/positions.ts";
import { onChange } from "../storage/sync.ts";

/** An article counts as started past this fraction, and as finished from FINISHED on. */
export const STARTED = 0.05;
export const FINISHED = 0.9;

const [positions, setPositions] = createStore<Record<string, Position>>({});

/** The kept progress (0–1) of an article, or undefined. */
export const progressOf = (slug: string): number | undefined => positions[slug]?.progress;

/** Articles started and not finished, the most recently read first. */
export function unfinished(): { slug: string; progress: number }[] {
  return Object.entries(positions)
    .filter(([, p]) => p.progress >= STARTED && p.progress < FINISHED)
    .sort((a, b) => b[1].updatedAt - a[1].updatedAt)
    .map(([slug, p]) => ({ slug, progress: p.progress }));
}

let started: Promise<void> | undefined;

/** Loads every kept position once and follows other tabs. */
export function startPositions(): Promise<void> {
  started ??= (async () => {
    try {
      await settlePending().catch(() => undefined);
      setPositions(reconcile(Object.fromEntries(await loadPositions())));
    } catch {
      return; // the shell already says when storage is unavailable
    }
    onChange(({ kind, key }) => {
      if (kind !== "positions") return;
      loadPosition(key).then(
        (p) => setPositions(produce((s) => (p ? (s[key] = p) : delete s[key]))),
        () => undefined,
      );
    });
  })();
  return started;
}

/** Shows what the device now holds (after an import or after deleting all data). */
export async function reloadPositions(): Promise<void> {
  await startPositions();
  setPositions(reconcile(Object.fromEntries(await loadPositions().catch(() => new Map()))));
}

/** Holds a position in memory (the tracker writes it to the device). */
export function rememberPosition(slug: string, position: Position): void {
  setPositions(slug, position);
}

/** Forgets every position held in memory (tests start from an empty device). */
export function resetPositionsForTests(): void {
  started = undefined;
  setPositions(reconcile({}));
}
