// Records in Offprint's databases read and written as they are stored, bypassing the app: how
// another version of the app, or a test of what the app wrote, sees them.
import type { Page } from "@playwright/test";

/** A record in one of Offprint's databases, read as it is stored (undefined when there is none). */
export function getRaw(page: Page, database: string, key: string): Promise<unknown> {
  return page.evaluate(
    ({ database, key }) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("records")) return (db.close(), resolve(undefined));
          const get = db.transaction("records").objectStore("records").get(key);
          get.onsuccess = () => (db.close(), resolve(get.result));
          get.onerror = () => reject(get.error);
        };
      }),
    { database, key },
  );
}

/** Writes a raw record into one of Offprint's databases, as another version of the app would. */
export async function putRaw(
  page: Page,
  database: string,
  key: string,
  value: unknown,
): Promise<void> {
  await page.evaluate(
    ({ database, key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(database);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction("records", "readwrite");
          tx.objectStore("records").put(value, key);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { database, key, value },
  );
}
