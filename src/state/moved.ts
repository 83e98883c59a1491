// Renamed and removed articles, once per start when the catalog is in: records kept under a
// renamed article's old slug move to its new one (src/storage/carry-over.ts), and read marks and
// positions of articles gone from the edition are dropped after 90 days (src/storage/orphans.ts).
// Loaded on its own, after start-up, so the first screen does not carry it.
import { loadCatalog, movedTo } from "../catalog/whole-catalog.ts";
import { carryOver } from "../storage/carry-over.ts";
import { forgetOrphans } from "../storage/orphans.ts";
import { reloadDrafts } from "./drafts.ts";
import { reloadLibrary } from "./library.ts";
import { reloadPositions } from "./positions.ts";
import { reloadVersions } from "./versions.ts";

/**
 * Carries records over to renamed articles' new slugs and shows the result; then, in the
 * background, notes and drops orphaned read marks and positions. Resolves after the carry-over.
 * @example await settleMovedArticles();
 */
export async function settleMovedArticles(now = Date.now()): Promise<void> {
  const catalog = await loadCatalog();
  // A catalog with no article is a deploy gone wrong, not every article removed.
  if (catalog.articles.length === 0) return;
  const carried = await carryOver(catalog.aliases);
  if (Object.values(carried).some((n) => n > 0)) await reloadAll();
  void forgetOrphans((slug) => movedTo(catalog, slug) !== undefined, now).then(
    (dropped) => (dropped.length > 0 ? reloadAll() : undefined),
    () => undefined, // tried again on the next start
  );
}

async function reloadAll(): Promise<void> {
  await Promise.allSettled([reloadLibrary(), reloadDrafts(), reloadPositions(), reloadVersions()]);
}
