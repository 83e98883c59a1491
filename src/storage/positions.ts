// Where the reader is in each article: one record per article in the `offprint-positions`
// database, keyed by slug: `{ v, progress, updatedAt }`. `progress` is the fraction of the article
// scrolled through (0 at the top, 1 when its end reaches the bottom of the window), so a position
// survives a change of text size or window width. The last position written as the page goes
// away is also kept synchronously in localStorage (an IndexedDB write may not finish during
// unload); the next start moves it into IndexedDB when it is newer.
import * as v from "valibot";
import { read, readAll, write } from "./db.ts";
import { validRecords } from "./schema.ts";
import { announce } from "./sync.ts";

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(200));

export const Position = v.object({
  v: v.literal(1),
  progress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  updatedAt: v.pipe(v.number(), v.finite(), v.minValue(0)),
});
export type Position = v.InferOutput<typeof Position>;

/** Every storage key this file uses besides the database. */
export const POSITION_KEYS = { pending: "offprint-position-pending" } as const;

const Pending = v.object({ slug, position: Position });

/** Keeps a position synchronously, for a page that is going away. */
export function keepPending(key: string, position: Position): void {
  try {
    localStorage.setItem(POSITION_KEYS.pending, JSON.stringify({ slug: key, position }));
  } catch {
    // Storage blocked or full: the IndexedDB write may still finish.
  }
}

/** Moves a position kept during the last unload into IndexedDB when it is newer than the record. */
export async function settlePending(): Promise<void> {
  let pending: v.InferOutput<typeof Pending> | undefined;
  try {
    const raw = localStorage.getItem(POSITION_KEYS.pending);
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
    localStorage.removeItem(POSITION_KEYS.pending);
  } catch {
    // Nothing to remove.
  }
}

/**
 * Every kept position, slug → position.
 * @example const positions = await loadPositions(); positions.get("some-slug")?.progress;
 */
export async function loadPositions(): Promise<Map<string, Position>> {
  const records = validRecords("positions", await readAll("positions"), Position);
  for (const key of records.keys()) if (!v.is(slug, key)) records.delete(key);
  return records;
}

/** One article's position, or undefined (for another tab's change). */
export async function loadPosition(key: string): Promise<Position | undefined> {
  const parsed = v.safeParse(Position, await read("positions", key));
  return parsed.success ? parsed.output : undefined;
}

/** Keeps one article's position; resolves once IndexedDB has it. */
export async function savePosition(key: string, position: Position): Promise<void> {
  await write("positions", key, position);
  announce({ kind: "positions", key, rev: position.updatedAt });
}
