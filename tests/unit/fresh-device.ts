// An empty device for each test: every Offprint database emptied and no state left in memory.
// (localforage keeps the IndexedDB factory it found at import, so databases are cleared, not swapped.)
import { clear, DATABASES, type Kind } from "../../src/storage/db.ts";
import { disposeStores } from "../../src/state/synced-records.ts";
import { query } from "@solidjs/router";

const realIndexedDB = globalThis.indexedDB;

export async function freshDevice(): Promise<void> {
  globalThis.indexedDB = realIndexedDB;
  disposeStores();
  // A new page load has no route data yet: what a test's edition was read as must not be drawn
  // first in the next test's, then drawn again (cards replaced under the test's hands).
  query.clear();
  await Promise.all((Object.keys(DATABASES) as Kind[]).map((kind) => clear(kind)));
  localStorage.clear();
  sessionStorage.clear();
}

/** A device where IndexedDB cannot be opened at all (private mode, blocked, broken). */
export function deviceWithoutIndexedDB(): void {
  disposeStores();
  // @ts-expect-error: the test removes what such a browser does not have
  delete globalThis.indexedDB;
}
