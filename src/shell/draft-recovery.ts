// Start-up's recovery of text that only a safety copy holds (a reload or a closed page came before
// the IndexedDB write): copies closed pages left are taken over first (./storage/leftovers.ts),
// then every copy of this page built on the stored draft is saved. Loaded by ./drafts.ts only when
// safety copies exist, so a normal start carries none of this.
import { DRAFT_VERSION, loadDraft } from "../storage/drafts.ts";
import { saveDraft } from "../storage/draft-writes.ts";
import {
  clearSafetyCopy,
  compareSafetyCopy,
  readSafetyCopy,
  safetyCopySlugs,
} from "../storage/safety-copies.ts";
import { claimLeftovers } from "../storage/claim-leftovers.ts";
import { applyDraft } from "../state/drafts.ts";

/** Restores and saves what safety copies hold; never throws (the form tries again). */
export async function recoverDrafts(): Promise<void> {
  await claimLeftovers().catch(() => undefined);
  for (const slug of safetyCopySlugs()) {
    const copy = readSafetyCopy(slug);
    const stored = await loadDraft(slug).catch(() => null);
    if (!copy || stored === null || compareSafetyCopy(copy, stored) !== "newer") continue;
    const draft = {
      v: DRAFT_VERSION,
      rev: copy.rev,
      fields: copy.fields,
      updatedAt: copy.updatedAt,
    };
    try {
      const r = await saveDraft(slug, copy.base, draft);
      if ("saved" in r) {
        clearSafetyCopy(slug, r.saved.rev);
        applyDraft(slug, r.saved);
      }
    } catch {
      // Kept in the safety copy; the article's form tries again.
    }
  }
}
