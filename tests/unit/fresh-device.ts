// An empty device for each test: every Offprint database emptied and no state left in memory.
// (localforage keeps the IndexedDB factory it found at import, so databases are cleared, not swapped.)
import { clear, DATABASES, resetForTests, type Kind } from "../../src/storage/db.ts";
import { resetLibraryForTests } from "../../src/state/library.ts";
import { resetSettingsForTests } from "../../src/state/settings.ts";
import { resetPositionsForTests } from "../../src/state/positions.ts";
import { resetTrackerForTests } from "../../src/features/reading/reading-tracker.ts";
import { resetVersionsForTests } from "../../src/state/versions.ts";

const realIndexedDB = globalThis.indexedDB;

export async function freshDevice(): Promise<void> {
  globalThis.indexedDB = realIndexedDB;
  resetForTests();
  resetLibraryForTests();
  resetSettingsForTests();
  resetPositionsForTests();
  resetTrackerForTests();
  resetVersionsForTests();
  await Promise.all((Object.keys(DATABASES) as Kind[]).map((kind) => clear(kind)));
  localStorage.clear();
  sessionStorage.clear();
}

/** A device where IndexedDB cannot be opened at all (private mode, blocked, broken). */
export function deviceWithoutIndexedDB(): void {
  resetForTests();
  resetLibraryForTests();
  // @ts-expect-error: the test removes what such a browser does not have
  delete globalThis.indexedDB;
}
