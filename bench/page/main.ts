// The bench page (B4 storage, B6 search): built by Vite from Offprint's own modules, unchanged,
// and a raw IndexedDB baseline beside them. bench/run.ts calls `window.bench` from Playwright;
// nothing here ships in the app.
import { loadReadMarks, setReadMarks } from "../../src/storage/reads.ts";
import { loadCatalog } from "../../src/catalog/whole-catalog.ts";
import { loadSearch } from "../../src/state/search.ts";
import { describe } from "../../src/features/highlights/anchoring.ts";
import { placeHighlights } from "../../src/features/highlights/paint.ts";
import { textMap } from "../../src/features/highlights/text-map.ts";

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

/** A body of `words` words in paragraphs of 100, every tenth word emphasised (B9). */
function articleBody(words: number): HTMLElement {
  const body = document.createElement("div");
  body.className = "prose";
  for (let p = 0; p < words / 100; p++) {
    const para = document.createElement("p");
    for (let w = 0; w < 100; w++) {
      const word = `word${p}x${w} `;
      if (w % 10 === 0)
        para.append(Object.assign(document.createElement("em"), { textContent: word }));
      else para.append(word);
    }
    body.append(para);
  }
  // As a body parsed from HTML holds its text: one text node per run, not one per word appended.
  body.normalize();
  return body;
}

const afterPaint = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(0);
    }),
  );

const bench = {
  /**
   * B9: an article body of `words` words and `count` highlights found and painted as the article
   * page does it (placeHighlights, as ArticleHighlights calls it), ms to the next paint, three
   * ways, each on a fresh copy of the body: `alone`, the body inserted with no highlights (the
   * body's own layout and paint); `together`, the body inserted and its highlights painted in the
   * same frame (an article opened in the app, highlights already read); `after`, the highlights
   * painted into a body already shown (a first visit: the record is read after the body).
   */
  async highlights(
    words: number,
    count: number,
  ): Promise<{ alone: number; together: number; after: number; painted: number }> {
    const model = articleBody(words);
    const text = textMap(model).text;
    const step = Math.floor(text.length / count);
    const highlights = Array.from({ length: count }, (_, i) => ({
      id: `h${i}`,
      ...describe(text, i * step + 3, i * step + 3 + Math.min(120, step - 10)),
      note: "",
      createdAt: 0,
      updatedAt: 0,
    }));
    const fresh = async () => {
      document.querySelector(".prose")?.remove();
      await afterPaint();
      return model.cloneNode(true) as HTMLElement;
    };
    const timed = async (work: () => void) => {
      const t0 = performance.now();
      work();
      await afterPaint();
      return performance.now() - t0;
    };
    let body = await fresh();
    const alone = await timed(() => document.body.append(body));
    body = await fresh();
    let painted = 0;
    const together = await timed(() => {
      document.body.append(body);
      painted = placeHighlights(body, highlights).painted;
    });
    body = await fresh();
    document.body.append(body);
    await afterPaint();
    const after = await timed(() => placeHighlights(body, highlights));
    return { alone, together, after, painted };
  },
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
      const { ranking } = await searcher.search(q);
      ranking.best(50); // the page of results shown
      hits.push(ranking.count);
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
