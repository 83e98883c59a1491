import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDevice } from "../fresh-device.ts";
import { OUTBOX_RECORD, deviceState, failPut, usedDevice } from "../device-state.ts";
import {
  BACKUP_VERSION,
  ImportError,
  MAX_IMPORT_BYTES,
  backupFileName,
  exportData,
  parseBackup,
} from "../../../src/storage/backup.ts";
import {
  ImportWriteError,
  applyImport,
  planImport,
  recoverImport,
} from "../../../src/storage/import.ts";
import { deleteAllData } from "../../../src/storage/wipe.ts";
import { saveBookmark } from "../../../src/storage/bookmarks.ts";
import { WEB_KEYS } from "../../../src/storage/keys.ts";

beforeEach(freshDevice);
afterEach(() => vi.restoreAllMocks());

async function exportedText(): Promise<string> {
  return JSON.stringify(await exportData(new Date("2026-03-04T10:00:00Z")), null, 2);
}

/** The backup of a used device, read on a device emptied since. */
async function backupOnFreshDevice() {
  await usedDevice();
  const backup = parseBackup(await exportedText());
  await freshDevice();
  return backup;
}

describe("export and import", () => {
  it("names the file offprint-data-YYYY-MM-DD.json by the local date", () => {
    expect(backupFileName(new Date(2026, 2, 4, 23, 59))).toBe("offprint-data-2026-03-04.json");
  });

  it("exports bookmarks, read marks, drafts, outbox, settings and the schema version", async () => {
    await usedDevice();
    const data = JSON.parse(await exportedText());
    expect(data.schemaVersion).toBe(BACKUP_VERSION);
    expect(Object.keys(data.bookmarks)).toEqual(
      ["a-second-article", "us-russia-space-security-talks"].sort(),
    );
    expect(data.reads["a-third-article"]).toBe(1_700_000_200_000);
    expect(data.drafts["a-second-article"].fields.comment).toMatch(/^Half a reply/);
    expect(data.outbox["reply-1"]).toEqual(OUTBOX_RECORD);
    expect(data.settings).toMatchObject({ theme: "dark", textSize: "large" });
    expect(data.positions["a-third-article"].progress).toBe(0.42);
  });

  it("round-trips: importing an export on an empty device gives the same state", async () => {
    await usedDevice();
    const before = await deviceState();
    const text = await exportedText();
    await freshDevice();
    expect(Object.values(await deviceState()).every((kind) => Object.keys(kind).length === 0)).toBe(
      true,
    );

    const backup = parseBackup(text);
    const plan = await planImport(backup);
    expect(plan.counts).toMatchObject({
      bookmarks: { add: 2, change: 0 },
      reads: { add: 2, change: 0 },
      drafts: { add: 1, change: 0 },
      outbox: { add: 1, change: 0 },
      positions: { add: 1, change: 0 },
      identity: { add: 1, change: 0 },
      settings: { add: 1, change: 0 },
    });
    await applyImport(backup);
    const after = await deviceState();
    // The settings mirror belongs to the app layer (it follows the import); the records are equal.
    expect({ ...after, localStorage: {} }).toEqual({ ...before, localStorage: {} });
    // Importing the same file again has nothing left to do.
    expect((await planImport(backup)).writes).toEqual([]);
  });

  it("an imported reply still waiting is sent at the next start: the outbox flag is set", async () => {
    await usedDevice();
    const text = await exportedText();
    await freshDevice();
    expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBeNull();
    await applyImport(parseBackup(text));
    expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBe("1");
  });

  it("counts what an import would change on a device that already has some of it", async () => {
    await usedDevice();
    const backup = parseBackup(await exportedText());
    await saveBookmark("us-russia-space-security-talks", 5);
    const { counts } = await planImport(backup);
    // A bookmark the device has is kept as it is; the file adds only what is missing.
    expect(counts.bookmarks).toEqual({ add: 0, change: 0 });
    expect(counts.reads).toEqual({ add: 0, change: 0 });
  });

  it("applies all or nothing: a write failing halfway puts every replaced record back", async () => {
    const backup = await backupOnFreshDevice();
    await saveBookmark("us-russia-space-security-talks", 5); // one record the import replaces
    const before = await deviceState();
    const restore = failPut(4);
    try {
      await expect(applyImport(backup)).rejects.toBeInstanceOf(ImportWriteError);
    } finally {
      restore();
    }
    expect(await deviceState()).toEqual(before);
  });
});

/** Makes every IndexedDB put and delete fail from the nth put on, as a tab closing would leave
 *  them: the writes before it land, and none after (not even a roll-back's). */
function failWritesFrom(n: number): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const { put, delete: remove } = proto;
  let puts = 0;
  const full = () => new DOMException("The quota has been exceeded.", "QuotaExceededError");
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
    if (++puts >= n) throw full();
    return put.apply(this, args);
  };
  proto.delete = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["delete"]>) {
    if (puts >= n) throw full();
    return remove.apply(this, args);
  };
  return () => void Object.assign(proto, { put, delete: remove });
}

describe("an import cut short", () => {
  it("flags an imported reply for the next start before its last write, so a tab closed after that write still sends it", async () => {
    const backup = await backupOnFreshDevice();
    const proto = globalThis.IDBObjectStore.prototype;
    const put = proto.put;
    const flagAtEachPut: (string | null)[] = [];
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      flagAtEachPut.push(localStorage.getItem(WEB_KEYS.outboxPending));
      return put.apply(this, args);
    };
    try {
      await applyImport(backup);
    } finally {
      proto.put = put;
    }
    // The last put marks the import applied; a tab closed after it leaves the import in place.
    expect(flagAtEachPut.at(-1)).toBe("1");
  });

  it("is rolled back at the next start, records and the outbox flag as they were", async () => {
    const backup = await backupOnFreshDevice();
    await saveBookmark("us-russia-space-security-talks", 5); // one record the import replaces
    const before = await deviceState();
    const restore = failWritesFrom(4); // the journal and some kinds land, then the tab is gone
    try {
      const failed = await applyImport(backup).catch((err: unknown) => err);
      expect(failed).toBeInstanceOf(ImportWriteError);
      expect((failed as ImportWriteError).restored).toBe(false);
    } finally {
      restore();
    }
    expect(await deviceState()).not.toEqual(before);
    expect(localStorage.getItem(WEB_KEYS.importPending)).toBe("1");
    expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBe("1"); // the file's reply waits

    expect(await recoverImport()).toBe(true);
    expect(await deviceState()).toEqual(before);
  });
});

describe("a bad import file is refused with a clear message and changes nothing", () => {
  async function goodFile(): Promise<Record<string, unknown>> {
    await usedDevice();
    const data = JSON.parse(await exportedText());
    await freshDevice();
    await saveBookmark("kept-bookmark", 9);
    return data;
  }

  const cases: [string, (good: Record<string, unknown>) => string, RegExp][] = [
    ["invalid JSON", (g) => JSON.stringify(g).slice(0, -2), /not valid JSON/],
    ["a JSON array", () => "[]", /not Offprint data/],
    ["another app's file", (g) => JSON.stringify({ ...g, app: "other" }), /not Offprint data/],
    [
      "a newer version",
      (g) => JSON.stringify({ ...g, schemaVersion: 4 }),
      /saved by a newer version of Offprint \(schema 4\); update this page and try again/,
    ],
    ["no version", (g) => JSON.stringify({ ...g, schemaVersion: undefined }), /data version none/],
    [
      "a file over 5 MB",
      (g) => JSON.stringify(g) + " ".repeat(MAX_IMPORT_BYTES),
      /larger than 5 MB/,
    ],
    [
      "a __proto__ key",
      (g) => JSON.stringify(g).replace('"bookmarks":{', '"bookmarks":{"__proto__":{"polluted":1},'),
      /key named “__proto__”/,
    ],
    [
      "a constructor key deep inside",
      (g) =>
        JSON.stringify(g).replace(
          '"fields":{',
          '"fields":{"constructor":{"prototype":{"polluted":1}},',
        ),
      /key named “(constructor|prototype)”/,
    ],
    [
      "a prototype key",
      (g) => JSON.stringify({ ...g, prototype: { polluted: 1 } }),
      /key named “prototype”/,
    ],
    [
      "a read mark under a slug that is not one",
      (g) => JSON.stringify({ ...g, reads: { "Not A Slug": 1 } }),
      /does not hold valid Offprint data/,
    ],
    [
      "bookmarks as a list",
      (g) => JSON.stringify({ ...g, bookmarks: [] }),
      /does not hold valid Offprint data/,
    ],
  ];

  for (const [name, make, message] of cases) {
    it(`refuses ${name}`, async () => {
      const text = make(await goodFile());
      const before = await deviceState();
      let error: unknown;
      try {
        await applyImport(parseBackup(text));
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      expect(await deviceState()).toEqual(before);
      expect(Object.prototype).not.toHaveProperty("polluted");
    });
  }
});

describe("a bad record in a good file is left out with its reason; the rest imports", () => {
  const cases: [string, (good: Record<string, unknown>) => Record<string, unknown>, RegExp][] = [
    [
      "a bookmark that is not a record",
      (g) => ({ ...g, bookmarks: { "some-article": "yesterday" } }),
      /^bookmarks\.some-article: /,
    ],
    [
      "a draft without its fields",
      (g) => ({ ...g, drafts: { "an-article": { v: 1, rev: 1, updatedAt: 1 } } }),
      /^drafts\.an-article: fields/,
    ],
    [
      "an unknown theme",
      (g) => ({ ...g, settings: { ...(g.settings as object), theme: "neon" } }),
      /^settings\.record: theme/,
    ],
  ];
  for (const [name, make, reason] of cases) {
    it(`leaves out ${name}`, async () => {
      await usedDevice();
      const good = JSON.parse(await exportedText()) as Record<string, unknown>;
      await freshDevice();
      const backup = parseBackup(JSON.stringify(make(good)));
      expect(backup.rejected).toHaveLength(1);
      expect(backup.rejected[0]).toMatch(reason);
      const plan = await applyImport(backup);
      expect(plan.rejected).toEqual(backup.rejected);
      expect(plan.counts.reads.add).toBe(2);
    });
  }
});

describe("delete all my data", () => {
  it("empties every Offprint database and Offprint's Web Storage keys, and nothing else", async () => {
    await usedDevice();
    localStorage.setItem("offprint-draft-safety:a-second-article", "{}");
    localStorage.setItem("someone-else", "stays");
    sessionStorage.setItem("offprint:scroll", "{}");
    await deleteAllData();
    const state = await deviceState();
    for (const [kind, records] of Object.entries(state)) expect(records, kind).toEqual({});
    expect(localStorage.getItem("someone-else")).toBe("stays");
    expect(sessionStorage.getItem("offprint:scroll")).toBeNull();
  });
});
