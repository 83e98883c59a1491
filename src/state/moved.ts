// Renamed and removed articles, once per start when the catalog is in: records kept under a
// renamed article's old slug move to its new one (src/storage/carry-over.ts), and read marks and
// positions of articles gone from the edition are dropped after 90 days (src/storage/orphans.ts).
// Loaded on its own, after start-up, so the first screen does not carry it. What the edition has
// comes from the slug shards of the reader's own slugs (./moves-state.ts placed them), never from
// the whole catalog, so a start with an orphan costs the same at any size of archive.
import type { Location } from "../catalog/find.ts";
import { loadManifest } from "../catalog/pages.ts";
import { carryOver } from "../storage/carry-over.ts";
import { forgetOrphans } from "../storage/orphans.ts";
import { reloadDrafts } from "./drafts.ts";
import { reloadLibrary } from "./library.ts";
import { reloadPositions } from "./positions.ts";
import { reloadVersions } from "./versions.ts";

/**
 * Carries records over to renamed articles' new slugs and shows the result; then, in the
 * background, notes and drops orphaned read marks and positions. `asked` are the slugs looked up
 * and `found` where the edition has them (an old slug gives its article's new one). Resolves after
 * the carry-over.
 * @example await settleMovedArticles(kept, await locate(kept));
 */
export async function settleMovedArticles(
  asked: Iterable<string>,
  found: ReadonlyMap<string, Location>,
  now = Date.now(),
): Promise<void> {
  // A catalog with no article is a deploy gone wrong, not every article removed.
  if ((await loadManifest()).all.count === 0) return;
  const aliases = new Map<string, string>();
  for (const [slug, at] of found) if (at.slug !== slug) aliases.set(slug, at.slug);
  const carried = await carryOver(aliases);
  if (Object.values(carried).some((n) => n > 0)) await reloadAll();
  // A slug not looked up this time (written by another tab since) counts as present: it is
  // looked up on the next start, and a record is never dropped on a guess.
  const lookedUp = new Set(asked);
  void forgetOrphans((slug) => found.has(slug) || !lookedUp.has(slug), now).then(
    (dropped) => (dropped.length > 0 ? reloadAll() : undefined),
    () => undefined, // tried again on the next start
  );
}

async function reloadAll(): Promise<void> {
  await Promise.allSettled([reloadLibrary(), reloadDrafts(), reloadPositions(), reloadVersions()]);
}
