// The reader's records on this device: one IndexedDB database per kind of record, reached through
// localforage with the IndexedDB driver forced. This file is the only importer of localforage.
// Separate databases mean no schema upgrade is ever needed (an upgrade would block while another
// tab holds the database open, and localforage does not handle that).
import localforage from "localforage";

import { DATABASES, type Kind } from "./keys.ts";

export { DATABASES, type Kind };

/** No storage call may hang: one that has not settled after this long fails. */
export const STORAGE_TIMEOUT_MS = 5000;

/** Thrown when this browser cannot keep records (IndexedDB missing, blocked or broken). */
export class StorageUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(`Storage unavailable: ${reason}`);
    this.name = "StorageUnavailableError";
  }
}

/** Thrown when a write was refused because the device is out of space. */
export class StorageFullError extends Error {
  constructor() {
    super("Storage full: this device has no room left for Offprint's records");
    this.name = "StorageFullError";
  }
}

/** Rejects with `error` if `promise` has not settled within the storage timeout. */
export function settleWithin<T>(promise: Promise<T>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new StorageUnavailableError(
            `${what} did not finish within ${STORAGE_TIMEOUT_MS / 1000} s`,
          ),
        ),
      STORAGE_TIMEOUT_MS,
    );
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}

/** Gives storage failures a reader-facing type: full, or unavailable. */
export function classify(err: unknown): Error {
  if (err instanceof StorageUnavailableError || err instanceof StorageFullError) return err;
  const name = (err as { name?: string } | null)?.name ?? "";
  const message = String((err as { message?: string } | null)?.message ?? err);
  if (name === "QuotaExceededError" || /quota/i.test(message)) return new StorageFullError();
  return new StorageUnavailableError(message || name || "unknown error");
}

/** The one object store localforage keeps in each database. */
export const STORE = "records";

const instances = new Map<Kind, Promise<LocalForage>>();

/**
 * The localforage instance for one kind of record, ready and checked to be IndexedDB.
 * @example const db = await open("reads"); await db.getItem("chunk-3");
 */
export function open(kind: Kind): Promise<LocalForage> {
  let ready = instances.get(kind);
  if (!ready) {
    ready = (async () => {
      if (typeof indexedDB === "undefined")
        throw new StorageUnavailableError("IndexedDB is missing");
      const db = localforage.createInstance({
        name: DATABASES[kind],
        storeName: STORE,
        driver: localforage.INDEXEDDB,
      });
      try {
        await settleWithin(db.ready(), `Opening ${DATABASES[kind]}`);
      } catch (err) {
        throw classify(err);
      }
      if (db.driver() !== localforage.INDEXEDDB) {
        throw new StorageUnavailableError(`IndexedDB driver not in use (got ${db.driver()})`);
      }
      return db;
    })();
    ready.catch(() => instances.delete(kind));
    instances.set(kind, ready);
  }
  return ready;
}

/** Runs one storage operation with the timeout and the reader-facing error types. */
export async function run<T>(
  kind: Kind,
  what: string,
  op: (db: LocalForage) => Promise<T>,
): Promise<T> {
  const db = await open(kind);
  try {
    return await settleWithin(op(db), `${what} (${DATABASES[kind]})`);
  } catch (err) {
    throw classify(err);
  }
}

/** Reads every record of a kind in one cursor pass. */
export function readAll(kind: Kind): Promise<Map<string, unknown>> {
  return run(kind, "Reading", async (db) => {
    const all = new Map<string, unknown>();
    await db.iterate((value, key) => {
      all.set(key, value);
    });
    return all;
  });
}

/** Writes one record; resolves only once IndexedDB has it. */
export function write(kind: Kind, key: string, value: unknown): Promise<void> {
  return run(kind, "Saving", async (db) => {
    await db.setItem(key, value);
  });
}

/** Removes one record. */
export function remove(kind: Kind, key: string): Promise<void> {
  return run(kind, "Removing", (db) => db.removeItem(key));
}

/** Reads one record. */
export function read(kind: Kind, key: string): Promise<unknown> {
  return run(kind, "Reading", (db) => db.getItem(key));
}

/** Removes every record of a kind. */
export function clear(kind: Kind): Promise<void> {
  return run(kind, "Deleting", (db) => db.clear());
}

/** Which driver localforage uses for a kind (tests assert it is IndexedDB). */
export async function driverOf(kind: Kind): Promise<string | null> {
  return (await open(kind)).driver();
}

/**
 * Lets go of the databases this tab opened, so the next use opens each anew: what a new app on
 * the same page starts from (state/synced-records.ts `disposeStores`).
 */
export function forgetDatabases(): void {
  instances.clear();
}
