// Many writes of one kind of record in one IndexedDB transaction, for import (which must land
// all of it or none): localforage has no such call, so this opens the database localforage made
// with a connection of its own. Kept apart from ./db.ts so start-up does not carry it.
import { classify, DATABASES, open, settleWithin, STORE, type Kind } from "./db.ts";

/**
 * Writes and removes many records of one kind in a single IndexedDB transaction: all of them land
 * or none does (import relies on it). Opens its own connection to the database localforage made.
 * @example await writeBatch("bookmarks", [["a", recordA]], ["b"]);
 */
export async function writeBatch(
  kind: Kind,
  puts: readonly (readonly [string, unknown])[],
  removes: readonly string[] = [],
): Promise<void> {
  if (puts.length === 0 && removes.length === 0) return;
  await open(kind); // creates the database and its store the way localforage reads them
  const done = new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(DATABASES[kind]);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      let tx: IDBTransaction | undefined;
      try {
        tx = db.transaction(STORE, "readwrite");
        const t = tx;
        t.oncomplete = () => (db.close(), resolve());
        t.onabort = () => (db.close(), reject(t.error ?? new Error("The write was aborted")));
        const store = t.objectStore(STORE);
        for (const [key, value] of puts) store.put(value, key);
        for (const key of removes) store.delete(key);
      } catch (err) {
        // A put that throws leaves the transaction open: abort it, so none of it lands.
        try {
          tx?.abort();
        } catch {
          // already finished
        }
        db.close();
        reject(err);
      }
    };
  });
  try {
    await settleWithin(done, `Saving (${DATABASES[kind]})`);
  } catch (err) {
    throw classify(err);
  }
}
