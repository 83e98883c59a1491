// "Delete everything": every Offprint database and every Web Storage key of ours (settings mirror,
// draft safety copies, flags). Other tabs hear of each removed record.
import { clear, readAll } from "./db.ts";
import { DATABASES, WEB_STORAGE_PREFIX, type Kind } from "./keys.ts";
import { announce } from "./sync.ts";

function clearWebStorage(storage: () => Storage): void {
  try {
    const s = storage();
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(WEB_STORAGE_PREFIX)) keys.push(k);
    }
    for (const k of keys) s.removeItem(k);
  } catch {
    // Web Storage blocked: there is nothing of ours in it.
  }
}

/**
 * Deletes everything Offprint keeps on this device. Rejects (after deleting all it could) if a
 * database could not be cleared.
 * @example await deleteAllData();
 */
export async function deleteAllData(): Promise<void> {
  const kinds = Object.keys(DATABASES) as Kind[];
  const keys = await Promise.all(
    kinds.map((k) =>
      readAll(k).then(
        (all) => [...all.keys()],
        () => [] as string[],
      ),
    ),
  );
  const results = await Promise.allSettled(kinds.map((k) => clear(k)));
  clearWebStorage(() => localStorage);
  clearWebStorage(() => sessionStorage);
  const rev = Date.now();
  kinds.forEach((kind, i) => {
    for (const key of keys[i]) announce({ kind, key, rev });
  });
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
