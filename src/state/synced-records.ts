// One lifecycle for every store of the reader's records (library, drafts, positions, settings):
// load them all once, follow what other tabs write (storage/sync.ts), show what the device holds
// again after an import, and let go (forget the memory, stop following). Each store module makes
// one with `createSyncedRecords` and keeps only its own rules beside it.
import { isServer } from "solid-js/web";
import { createStore, produce, reconcile } from "solid-js/store";
import type { Kind } from "../storage/db.ts";
import { forgetDatabases } from "../storage/db.ts";
import { onChange } from "../storage/sync.ts";

export interface SyncedRecordsOptions<T, One> {
  /** The kind whose changes, announced by other tabs, this store follows. */
  kind: Kind;
  /** Every record of the kind, by key. */
  loadAll: () => Promise<Map<string, T>>;
  /** What another tab's change at `key` now holds (one record, or more for chunked kinds). */
  loadOne: (key: string) => Promise<One>;
  /** Takes in what `loadOne` read; by default the record replaces (or, undefined, removes) it. */
  take?: (key: string, one: One, store: SyncedRecords<T>) => void;
  /** Runs before the first load (e.g. settles writes a closed page left behind). */
  before?: () => Promise<unknown>;
  /** Shows a full load; by default the records become exactly what was loaded. */
  show?: (all: Map<string, T>) => void;
  /** The first load failed: the store stays empty and does not follow other tabs. */
  onFail?: (err: unknown) => void;
}

export interface SyncedRecords<T> {
  /** The records in memory, by key (a Solid store: reads track). */
  readonly records: Readonly<Record<string, T>>;
  /** Loads once and starts following other tabs; later calls return the same promise. */
  start(): Promise<void>;
  /** Shows what the device now holds (after an import, or after deleting all data). */
  reload(): Promise<Map<string, T>>;
  /** Sets (or, undefined, removes) one record in memory. */
  set(key: string, record: T | undefined): void;
  /** Sets (or removes) several at once: one update for whoever reads the store. */
  setMany(entries: Iterable<[string, T | undefined]>): void;
  /** Replaces every record in memory. */
  replaceAll(all: Map<string, T>): void;
  /** Forgets the records and stops following, so the next `start` loads afresh. */
  dispose(): void;
}

const every = new Set<{ dispose(): void }>();

/**
 * A store of one kind of record with the shared lifecycle.
 * @example
 * const positions = createSyncedRecords({ kind: "positions", loadAll: loadPositions, loadOne: loadPosition });
 * await positions.start(); positions.records["some-slug"];
 */
export function createSyncedRecords<T, One = T | undefined>(
  options: SyncedRecordsOptions<T, One>,
): SyncedRecords<T> {
  const [records, setRecords] = createStore<Record<string, T>>({});
  let started: Promise<void> | undefined;
  let unfollow: (() => void) | undefined;

  const setMany = (entries: Iterable<[string, T | undefined]>) =>
    setRecords(
      produce((s) => {
        for (const [key, record] of entries) {
          if (record === undefined) delete s[key];
          else s[key] = record;
        }
      }),
    );
  const set = (key: string, record: T | undefined) => setMany([[key, record]]);
  const replaceAll = (all: Map<string, T>) => setRecords(reconcile(Object.fromEntries(all)));
  const show = options.show ?? replaceAll;
  const take =
    options.take ?? ((key: string, one: One) => set(key, one as unknown as T | undefined));

  const store: SyncedRecords<T> = {
    records,
    set,
    setMany,
    replaceAll,
    start() {
      // The server renderer (a page rendered at build time) shows a first visit: nothing stored,
      // and no channel to other tabs left open to keep the build's process alive.
      if (isServer) return Promise.resolve();
      started ??= (async () => {
        try {
          await options.before?.();
          show(await options.loadAll());
        } catch (err) {
          options.onFail?.(err);
          return;
        }
        unfollow = onChange(({ kind, key }) => {
          if (kind !== options.kind) return;
          options.loadOne(key).then(
            (one) => take(key, one, store),
            () => undefined, // the next change or a reload brings it
          );
        });
      })();
      return started;
    },
    async reload() {
      await store.start();
      const all = await options.loadAll();
      show(all);
      return all;
    },
    dispose() {
      unfollow?.();
      unfollow = undefined;
      started = undefined;
      setRecords(reconcile({}));
    },
  };
  every.add(store);
  return store;
}

/**
 * Lets go of every store made with `createSyncedRecords` and of each other state registered with
 * `onDispose`: what a new app on the same page starts from (the tests' new device).
 * @example disposeStores(); await startLibrary();
 */
export function disposeStores(): void {
  for (const store of every) store.dispose();
  forgetDatabases();
}

/**
 * Registers state that is not a synced store (a tracker's flag, a cache of versions) to be let go
 * with the stores.
 * @example onDispose(() => (warned = false));
 */
export function onDispose(dispose: () => void): void {
  every.add({ dispose });
}
