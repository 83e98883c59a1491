// The safety copies closed pages left behind, taken over by a page that starts: a copy built on
// the stored draft becomes this page's copy (the newest one, when several are), so it is restored
// and saved; any other text not already stored is kept as a second version of the draft. Copies
// of pages still open (they hold their page lock) are left to them. Nothing is dropped unless
// IndexedDB holds it already. Loaded only when such copies exist (./safety-copies.ts).
import { withLock } from "./locks.ts";
import { loadDraft } from "./drafts.ts";
import { keepVersion } from "./versions.ts";
import {
  PAGE_ID,
  PAGE_LOCK_PREFIX,
  safetyLock,
  compareSafetyCopy,
  readAt,
  readSafetyCopy,
  storage,
  writeSafetyCopy,
  type SafetyCopy,
} from "./safety-copies.ts";

/** The ids of the pages still open (where the browser can tell; elsewhere none but this one). */
async function openPages(): Promise<Set<string>> {
  const open = new Set<string>([PAGE_ID]);
  try {
    const state = await navigator.locks?.query?.();
    for (const lock of state?.held ?? []) {
      if (lock.name?.startsWith(PAGE_LOCK_PREFIX))
        open.add(lock.name.slice(PAGE_LOCK_PREFIX.length));
    }
  } catch {
    // No Web Locks: only this page is known to be open.
  }
  return open;
}

/** Takes over the copies at `keys` (copies of other pages). */
export async function claim(keys: string[]): Promise<void> {
  const left = keys.map((key) => ({ key, found: readAt(key) }));
  const open = await openPages();
  const bySlug = new Map<string, { key: string; copy: SafetyCopy }[]>();
  for (const { key, found } of left) {
    if (!found || open.has(found.page)) continue;
    bySlug.set(found.slug, [...(bySlug.get(found.slug) ?? []), { key, copy: found.copy }]);
  }
  for (const [s, copies] of bySlug) {
    await withLock(safetyLock(s), async () => {
      const stored = await loadDraft(s);
      copies.sort((a, b) => b.copy.updatedAt - a.copy.updatedAt);
      for (const { key, copy } of copies) {
        if (readAt(key) === undefined) continue; // another page claimed it meanwhile
        const relation = compareSafetyCopy(copy, stored);
        if (relation === "newer" && !readSafetyCopy(s)) {
          if (!writeSafetyCopy(s, copy)) continue; // keep it where it is, try next time
        } else if (relation !== "stored") {
          await keepVersion(s, copy.fields, "closed");
        }
        storage()?.removeItem(key);
      }
    });
  }
}
