// The bench page (B4 storage, B6 search): built by Vite from Offprint's own modules, unchanged,
// and a raw IndexedDB baseline beside them. bench/run.ts calls `window.bench` from Playwright;
// nothing here ships in the app.
import { loadReadMarks, setReadMarks } from "../../src/storage/reads.ts";
import { loadCatalog } from "../../src/catalog/whole-catalog.ts";
import { loadSearch } from "../../src/state/search.ts";

const RAW_DB = "bench-raw-reads";
const RAW_STORE = "marks";

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

let rawDb: Promise<IDBDatabase> | undefined;
function openRaw(): Promise<IDBDatabase> {
  rawDb ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(RAW_DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(RAW_STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return rawDb;
}

/** The baseline's start-up read: open, then one read-only transaction over one record per slug. */
async function rawLoad(): Promise<Map<string, number>> {
  const db = await openRaw();
  const store = db.transaction(RAW_STORE, "readonly").objectStore(RAW_STORE);
  const [keys, values] = await Promise.all([
    request(store.getAllKeys()),
    request(store.getAll() as IDBRequest<number[]>),
  ]);
  return new Map(keys.map((k, i) => [String(k), values[i]]));
}

/** The baseline's "mark these read": one read-write transaction, one put per slug. */
async function rawMark(slugs: string[], at: number): Promise<void> {
  const db = await openRaw();
  const tx = db.transaction(RAW_STORE, "readwrite");
  const store = tx.objectStore(RAW_STORE);
  for (const slug of slugs) store.put(at, slug);
  await committed(tx);
}

async function slugs(): Promise<string[]> {
  return (await loadCatalog()).articles.map((a) => a.slug);
}

const bench = {
  /** Every article of the edition read, on both sides. Returns how many. */
  async seed(): Promise<number> {
    const all = await slugs();
    const at = Date.now();
    await setReadMarks(new Map(all.map((s) => [s, at])));
    await rawMark(all, at);
    return all.length;
  },
  /** Offprint's storage: start-up read of every mark, then marking `count` articles read. */
  async ours(offset: number, count: number) {
    const t0 = performance.now();
    const marks = await loadReadMarks();
    const t1 = performance.now();
    const chosen = (await slugs()).slice(offset, offset + count);
    const t2 = performance.now();
    await setReadMarks(new Map(chosen.map((s) => [s, Date.now()])));
    const t3 = performance.now();
    return { load: t1 - t0, mark: t3 - t2, marks: marks.size };
  },
  /** The same with raw IndexedDB. */
  async raw(offset: number, count: number) {
    const t0 = performance.now();
    const marks = await rawLoad();
    const t1 = performance.now();
    const chosen = (await slugs()).slice(offset, offset + count);
    const t2 = performance.now();
    await rawMark(chosen, Date.now());
    const t3 = performance.now();
    return { load: t1 - t0, mark: t3 - t2, marks: marks.size };
  },
  /**
   * Loads the search manifest (timed), answers each query once (fetching the shards it needs,
   * timed as `cold`), then times each query again with its shards at hand (`times`).
   */
  async search(queries: string[]) {
    const t0 = performance.now();
    const searcher = await loadSearch();
    const load = performance.now() - t0;
    const cold: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await searcher.search(q);
      cold.push(performance.now() - t);
    }
    const times: number[] = [];
    const hits: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      hits.push((await searcher.search(q)).hits.length);
      times.push(performance.now() - t);
    }
    return { load, cold, times, hits };
  },
};

declare global {
  interface Window {
    bench: typeof bench;
  }
}
window.bench = bench;
document.documentElement.dataset.ready = "true";
