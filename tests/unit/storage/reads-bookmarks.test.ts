import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import localforage from "localforage";
import { DATABASES, driverOf, write, readAll } from "../../../src/storage/db.ts";
import { CHUNKS, chunkOf, loadReadMarks, setReadMarks } from "../../../src/storage/reads.ts";
import { loadBookmarks, removeBookmark, saveBookmark } from "../../../src/storage/bookmarks.ts";
import { recordProblems } from "../../../src/storage/records.ts";
const skipped = recordProblems.skipped;
import { deviceWithoutIndexedDB, freshDevice } from "../fresh-device.ts";

beforeEach(freshDevice);
afterEach(() => vi.restoreAllMocks());

describe("the storage module", () => {
  it("really uses IndexedDB, not a fallback driver", async () => {
    expect(await driverOf("reads")).toBe(localforage.INDEXEDDB);
    expect(await driverOf("bookmarks")).toBe(localforage.INDEXEDDB);
  });

  it("keeps each kind of record in its own database", async () => {
    await saveBookmark("a-b", 1);
    await setReadMarks(new Map([["a-b", 2]]));
    expect([...(await readAll("bookmarks")).keys()]).toEqual(["a-b"]);
    expect([...(await readAll("reads")).keys()]).toEqual([chunkOf("a-b")]);
    expect(DATABASES.reads).not.toBe(DATABASES.bookmarks);
  });

  it("rejects with a clear reason when IndexedDB cannot be opened", async () => {
    deviceWithoutIndexedDB();
    await expect(loadReadMarks()).rejects.toThrow(/Storage unavailable/);
  });
});

describe("read marks", () => {
  it("marks read and unread, and reads them back in one pass", async () => {
    await setReadMarks(
      new Map([
        ["one", 10],
        ["two", 20],
      ]),
    );
    await setReadMarks(new Map([["one", null]]));
    expect(await loadReadMarks()).toEqual(new Map([["two", 20]]));
  });

  it("stores 1,000 marks in at most CHUNKS records, not one per article", async () => {
    const many = new Map(
      Array.from({ length: 1000 }, (_, i) => [`article-${i}`, i] as [string, number]),
    );
    await setReadMarks(many);
    const records = await readAll("reads");
    expect(records.size).toBeLessThanOrEqual(CHUNKS);
    expect((await loadReadMarks()).size).toBe(1000);
  });

  it("does not lose marks written at the same time to the same chunk", async () => {
    const slugs = Array.from({ length: 200 }, (_, i) => `s-${i}`).filter(
      (s) => chunkOf(s) === chunkOf("s-0"),
    );
    await Promise.all(slugs.map((s, i) => setReadMarks(new Map([[s, i]]))));
    expect((await loadReadMarks()).size).toBe(slugs.length);
  });

  it("skips and counts a corrupt record, and loads the rest", async () => {
    await setReadMarks(new Map([["good-one", 5]]));
    const other = Array.from({ length: 100 }, (_, i) => `chunk-${i}`).find(
      (k) => k !== chunkOf("good-one"),
    )!;
    await write("reads", other, { v: 1, marks: { "<script>": "yesterday" } });
    await write("reads", "foreign", "not a record at all");
    expect(await loadReadMarks()).toEqual(new Map([["good-one", 5]]));
    expect(skipped.reads).toBe(2);
  });
});

describe("bookmarks", () => {
  it("saves, lists and removes bookmarks", async () => {
    await saveBookmark("first", 100);
    await saveBookmark("second", 200);
    await removeBookmark("first");
    expect(await loadBookmarks()).toEqual(new Map([["second", 200]]));
  });

  it("skips a record of the wrong shape", async () => {
    await saveBookmark("kept", 1);
    await write("bookmarks", "broken", { v: 1, slug: "broken", savedAt: "soon" });
    await write("bookmarks", "future", { v: 99, slug: "future", savedAt: 1 });
    expect(await loadBookmarks()).toEqual(new Map([["kept", 1]]));
    expect(skipped.bookmarks).toBe(1);
    expect(recordProblems.newer.bookmarks).toBe(1);
  });

  it("rejects, with the reason, when the device is full", async () => {
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await expect(saveBookmark("x", 1)).rejects.toThrow(/Storage full/);
  });
});
