// Renamed and removed articles at start-up: whether anything kept on this device is under a slug
// the edition does not have (a renamed article's old slug, or an article gone), worked out from
// what the stores hold anyway; only then is ./moved.ts fetched to carry records over and drop old
// orphans. The open article waits for it before returning to the reader's place, which may move.
import { readSlugs, savedSlugs, startLibrary } from "./library.ts";
import { listDrafts } from "./drafts.ts";
import { positionSlugs, startPositions } from "./positions.ts";

let pending: Promise<void> = Promise.resolve();

/** Resolves once the records of renamed articles are under their new slugs (or could not be). */
export function movesSettled(): Promise<void> {
  return pending;
}

/**
 * Once `ready` (the drafts, with what safety copies left, are loaded), carries records over from
 * renamed articles' old slugs and notes orphans, when anything is kept under a slug the edition
 * does not have. `movesSettled` waits for it.
 * @example settleMoves(startDrafts());
 */
export function settleMoves(ready: Promise<unknown>): void {
  pending = (async () => {
    await Promise.all([startLibrary(), startPositions(), ready]);
    const kept = [...savedSlugs(), ...readSlugs(), ...positionSlugs()];
    kept.push(...listDrafts().map((d) => d.slug));
    // Only the shards of the reader's own slugs are read: nothing at all on a first visit.
    if (kept.length === 0) return;
    const found = await (await import("../catalog/find.ts")).locate(kept);
    if (kept.every((slug) => found.get(slug)?.slug === slug)) return;
    await (await import("./moved.ts")).settleMovedArticles(kept, found);
  })().catch(() => undefined); // tried again on the next start
}
