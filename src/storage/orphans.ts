// Read marks and positions of articles no longer in the edition are dropped once they have been
// missing from it for ORPHAN_DAYS. The time a record was written says nothing about when its
// article went (an article read two years ago may have been removed yesterday), so the first
// start that finds a slug missing writes it down: one record in the `offprint-orphans` database,
// key `missing`, `{ v: 1, since: { slug: time first seen missing } }`. A slug that comes back
// (or becomes an alias) is struck off, and so is one with nothing left to drop.
import * as v from "valibot";
import { RECORD_KEYS } from "./keys.ts";
import { loadPositions, PositionAdapter } from "./positions.ts";
import { loadReadMarks, setReadMarks } from "./reads.ts";
import { firstVersion, KEEP, REMOVE, SLUG, TIME, update } from "./records.ts";
import { announce } from "./sync.ts";

/** How long a read mark or position outlives its article's leaving the edition. */
export const ORPHAN_DAYS = 90;
const ORPHAN_MS = ORPHAN_DAYS * 24 * 60 * 60 * 1000;

const MissingV1 = v.object({ v: v.literal(1), since: v.record(SLUG, TIME) });
export type Missing = v.InferOutput<typeof MissingV1>;

export const MissingAdapter = firstVersion<Missing>("orphans", MissingV1);

/**
 * Which slugs to drop now, and what to remember: `kept` are the slugs with a read mark or a
 * position, `inEdition` says whether a slug (or an alias of it) is in the edition.
 * @example orphanPlan(new Set(["gone"]), () => false, {}, now) // { since: { gone: now }, drop: [] }
 */
export function orphanPlan(
  kept: ReadonlySet<string>,
  inEdition: (slug: string) => boolean,
  since: Readonly<Record<string, number>>,
  now: number,
): { since: Record<string, number>; drop: string[] } {
  const next: Record<string, number> = {};
  const drop: string[] = [];
  for (const slug of kept) {
    if (inEdition(slug)) continue;
    const missingSince = Math.min(since[slug] ?? now, now);
    // A slug dropped stays noted until its records are gone: a drop cut short is done next time.
    next[slug] = missingSince;
    if (now - missingSince >= ORPHAN_MS) drop.push(slug);
  }
  return { since: next, drop };
}

/**
 * Notes which read marks and positions have lost their article, and drops those whose article has
 * been gone ORPHAN_DAYS. Resolves to the slugs dropped. A position written after it was read here
 * is kept; records this code cannot read are never touched (loads leave them out).
 * @example const dropped = await forgetOrphans((slug) => catalog.bySlug.has(slug));
 */
export async function forgetOrphans(
  inEdition: (slug: string) => boolean,
  now = Date.now(),
): Promise<string[]> {
  const [marks, positions] = await Promise.all([loadReadMarks(), loadPositions()]);
  const kept = new Set([...marks.keys(), ...positions.keys()]);
  let drop: string[] = [];
  await update(MissingAdapter, RECORD_KEYS.orphans, (current) => {
    const plan = orphanPlan(kept, inEdition, current?.since ?? {}, now);
    drop = plan.drop;
    if (!current && Object.keys(plan.since).length === 0) return KEEP;
    return { v: 1 as const, since: plan.since };
  });
  if (drop.length === 0) return drop;
  const gone = drop.filter((slug) => marks.has(slug));
  if (gone.length > 0) await setReadMarks(new Map(gone.map((slug) => [slug, null])));
  for (const slug of drop) {
    const seen = positions.get(slug);
    if (!seen) continue;
    await update(PositionAdapter, slug, (current) =>
      current && current.updatedAt > seen.updatedAt ? KEEP : REMOVE,
    );
    announce({ kind: "positions", key: slug, rev: now });
  }
  return drop;
}
