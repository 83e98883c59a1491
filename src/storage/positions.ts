// Where the reader is in each article: one record per article in the `offprint-positions`
// database, keyed by slug: `{ v, progress, updatedAt }`. `progress` is the fraction of the article
// scrolled through (0 at the top, 1 when its end reaches the bottom of the window), so a position
// survives a change of text size or window width. The last position written as the page goes
// away is also kept synchronously in localStorage (an IndexedDB write may not finish during
// unload); the next start moves it into IndexedDB when it is newer.
import * as v from "valibot";
import { WEB_KEYS } from "./keys.ts";
import { isSlug, loadAll, loadOne, SLUG, TIME, update, KEEP, firstVersion } from "./records.ts";
import { announce } from "./sync.ts";

const PositionV1 = v.object({
  v: v.literal(1),
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  updatedAt: TIME,
});
export type Position = v.InferOutput<typeof PositionV1>;

export const PositionAdapter = firstVersion<Position>("positions", PositionV1, isSlug);

const Pending = v.object({ slug: SLUG, position: PositionV1 });

/** Keeps a position synchronously, for a page that is going away. */
export function keepPending(key: string, position: Position): void {
  try {
    localStorage.setItem(WEB_KEYS.positionPending, JSON.stringify({ slug: key, position }));
  } catch {
    // Storage blocked or full: the IndexedDB write may still finish.
  }
}

/** Moves a position kept during the last unload into IndexedDB when it is newer than the record. */
export async function settlePending(): Promise<void> {
  let pending: v.InferOutput<typeof Pending> | undefined;
  try {
    const raw = localStorage.getItem(WEB_KEYS.positionPending);
    const parsed = raw ? v.safeParse(Pending, JSON.parse(raw)) : undefined;
    if (parsed?.success) pending = parsed.output;
  } catch {
    pending = undefined;
  }
  if (pending) {
    const stored = await loadPosition(pending.slug);
    if (!stored || stored.updatedAt < pending.position.updatedAt) {
      await savePosition(pending.slug, pending.position);
    }
  }
  try {
    localStorage.removeItem(WEB_KEYS.positionPending);
  } catch {
    // Nothing to remove.
  }
}

/**
 * Every kept position, slug → position.
 * @example const positions = await loadPositions(); positions.get("some-slug")?.progress;
 */
export function loadPositions(): Promise<Map<string, Position>> {
  return loadAll(PositionAdapter);
}

/** One article's position, or undefined (for another tab's change). */
export function loadPosition(key: string): Promise<Position | undefined> {
  return loadOne(PositionAdapter, key);
}

/** Keeps one article's position unless a later one is stored; resolves once IndexedDB has it. */
export async function savePosition(key: string, position: Position): Promise<void> {
  await update(PositionAdapter, key, (current) =>
    current && current.updatedAt > position.updatedAt ? KEEP : position,
  );
  announce({ kind: "positions", key, rev: position.updatedAt });
}
