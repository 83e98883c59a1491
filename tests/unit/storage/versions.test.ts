// Versioned records (issue 13): every migration on real old records, records from a newer version
// left untouched, one bad entry costing only itself, and imports that merge and never regress.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshDevice } from "../fresh-device.ts";
import { read, readAll, write } from "../../../src/storage/db.ts";
import { decode, NewerRecordError, recordProblems } from "../../../src/storage/records.ts";
import {
  BookmarkAdapter,
  loadBookmarkRecords,
  saveBookmark,
} from "../../../src/storage/bookmarks.ts";
import { DraftAdapter, loadDraft } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";
import {
  chunkOf,
  loadReadMarks,
  ReadChunkAdapter,
  setReadMarks,
} from "../../../src/storage/reads.ts";
import { PositionAdapter } from "../../../src/storage/positions.ts";
import { SettingsAdapter } from "../../../src/storage/settings.ts";
import { IdentityAdapter } from "../../../src/storage/identity.ts";
import {
  OutboxAdapter,
  loadOutboxRecord,
  loadSentIds,
  saveOutboxRecord,
  type OutboxRecord,
} from "../../../src/storage/outbox.ts";
import { parseBackup, exportData } from "../../../src/storage/backup.ts";
import { applyImport, planImport, undoImport } from "../../../src/storage/import.ts";
import { loadVersions, VersionAdapter } from "../../../src/storage/versions.ts";
import { deviceState } from "../device-state.ts";

const fixture = (name: string) =>
  readFileSync(path.join(process.cwd(), "tests/fixtures/records", name), "utf8");
const V1 = JSON.parse(fixture("v1-records.json")) as Record<string, unknown>;
const SLUG = "night-trains-return-to-europe";

beforeEach(freshDevice);
afterEach(() => vi.restoreAllMocks());

describe("every migration, on records Offprint 0.1 wrote", () => {
  it("reads a version-1 bookmark as version 2, keeping its slug and time", () => {
    const d = decode(BookmarkAdapter, V1.bookmark);
    expect(d).toEqual({
      state: "ok",
      from: 1,
      value: { v: 2, slug: SLUG, savedAt: 1764000000000 },
    });
  });

  it("reads a version-1 draft as version 2, keeping its rev and every field", () => {
    const d = decode(DraftAdapter, V1.draft);
    expect(d.state).toBe("ok");
    if (d.state !== "ok") return;
    expect(d.value).toEqual({ ...(V1.draft as object), v: 2 });
  });

  it("reads a version-1 kept version as version 2, and version 1 never held the reason replaced", () => {
    const kept = {
      v: 1,
      id: `${SLUG}:abc-1`,
      slug: SLUG,
      fields: { comment: "lost to an import", name: "", email: "", website: "" },
      savedAt: 1764000000000,
      reason: "import",
    };
    expect(decode(VersionAdapter, kept)).toEqual({
      state: "ok",
      from: 1,
      value: { ...kept, v: 2 },
    });
    expect(decode(VersionAdapter, { ...kept, reason: "replaced" }).state).toBe("bad");
    expect(decode(VersionAdapter, { ...kept, v: 2, reason: "replaced" }).state).toBe("ok");
  });

  it("reads every other kind's version-1 record as it is (their current version)", () => {
    expect(decode(ReadChunkAdapter, V1.readChunk).state).toBe("ok");
    expect(decode(PositionAdapter, V1.position).state).toBe("ok");
    expect(decode(SettingsAdapter, V1.settings).state).toBe("ok");
    expect(decode(IdentityAdapter, V1.identity).state).toBe("ok");
    expect(decode(OutboxAdapter, V1.outbox).state).toBe("ok");
  });

  it("writes a migrated record back in its new version when it is read", async () => {
    await write("bookmarks", SLUG, V1.bookmark);
    expect((await loadBookmarkRecords()).get(SLUG)?.savedAt).toBe(1764000000000);
    await vi.waitFor(async () => expect(await read("bookmarks", SLUG)).toMatchObject({ v: 2 }));
  });
});

describe("a record from a newer version is never overwritten, deleted or repaired", () => {
  it("leaves a newer read chunk's 50 marks alone when a mark in that chunk is set", async () => {
    const key = chunkOf(SLUG);
    const marks = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`a-${i}`, i + 1]));
    const newer = { v: 2, marks, compressed: true };
    await write("reads", key, newer);
    await expect(setReadMarks(new Map([[SLUG, 5]]))).rejects.toBeInstanceOf(NewerRecordError);
    expect(await read("reads", key)).toEqual(newer);
    expect((await loadReadMarks()).size).toBe(0);
    expect(recordProblems.newer.reads).toBe(1);
  });

  it("refuses to save over a newer draft, which stays as it was", async () => {
    const newer = { v: 3, rev: 9, body: "written by a later Offprint", updatedAt: 5 };
    await write("drafts", SLUG, newer);
    const draft = {
      v: 2 as const,
      rev: 1,
      fields: { comment: "old tab", name: "", email: "", website: "" },
      updatedAt: 6,
    };
    await expect(saveDraft(SLUG, 0, draft)).rejects.toThrow(/saved by a newer version of Offprint/);
    expect(await read("drafts", SLUG)).toEqual(newer);
  });

  it("refuses to overwrite a newer outbox record", async () => {
    const newer = { ...(V1.outbox as OutboxRecord), v: 2, priority: "high" };
    await write("outbox", newer.id, newer);
    const ours = { ...(V1.outbox as OutboxRecord), state: "waiting" as const };
    await expect(saveOutboxRecord(ours)).rejects.toBeInstanceOf(NewerRecordError);
    expect(await read("outbox", newer.id)).toEqual(newer);
  });
});

describe("one bad entry costs only itself", () => {
  it("keeps a chunk's good marks, and the bad entry, when one mark is corrupt", async () => {
    const key = chunkOf("good-one");
    const marks: Record<string, unknown> = { "good-one": 1, "Bad Slug": 2 };
    for (let i = 0; i < 30; i++) marks[`good-${i}`] = i + 10;
    // Only slugs of this chunk are read back from it.
    await write("reads", key, { v: 1, marks });
    const loaded = await loadReadMarks();
    expect(loaded.get("good-one")).toBe(1);
    expect(loaded.size).toBe(31);
    expect(recordProblems.skipped.reads).toBe(1);
    await setReadMarks(new Map([["good-one", 99]]));
    const after = (await read("reads", key)) as { marks: Record<string, unknown> };
    expect(Object.keys(after.marks)).toHaveLength(32);
    expect(after.marks["Bad Slug"]).toBe(2);
  });

  it("sets an unreadable record aside under another key before writing its key", async () => {
    await write("bookmarks", SLUG, { v: 2, slug: SLUG, savedAt: "yesterday" });
    await saveBookmark(SLUG, 7);
    const all = await readAll("bookmarks");
    expect(all.get(SLUG)).toMatchObject({ savedAt: 7 });
    const aside = [...all].filter(([k]) => k.startsWith("set-aside:"));
    expect(aside.map(([, value]) => value)).toEqual([{ v: 2, slug: SLUG, savedAt: "yesterday" }]);
  });
});

describe("import merges and never regresses", () => {
  it("imports a schema-1 backup through the migrations, losing nothing", async () => {
    const backup = parseBackup(fixture("backup-schema-1.json"));
    expect(backup.rejected).toEqual([]);
    await applyImport(backup);
    expect((await loadBookmarkRecords()).get(SLUG)).toEqual({
      v: 2,
      slug: SLUG,
      savedAt: 1764000000000,
    });
    expect((await loadDraft(SLUG))?.fields.comment).toBe(
      "The sleeper from Vienna was late, but worth it.",
    );
    expect((await loadReadMarks()).size).toBe(2);
    expect(await read("drafts", SLUG)).toMatchObject({ v: 2, rev: 7 });
  });

  it("keeps the device's newer draft and the older file's text as a second version", async () => {
    const fields = (comment: string) => ({ comment, name: "", email: "", website: "" });
    await saveDraft(SLUG, 0, {
      v: 2,
      rev: 12,
      fields: fields("Newer words typed today."),
      updatedAt: 1764999999999,
    });
    const backup = parseBackup(fixture("backup-schema-1.json"));
    const plan = await planImport(backup);
    expect(plan.drafts).toEqual([
      { slug: SLUG, outcome: "kept", deviceAt: 1764999999999, fileAt: 1764000100000 },
    ]);
    await applyImport(backup);
    expect((await loadDraft(SLUG))?.fields.comment).toBe("Newer words typed today.");
    const versions = [...(await loadVersions()).values()];
    expect(versions.map((x) => [x.slug, x.fields.comment, x.reason])).toEqual([
      [SLUG, "The sleeper from Vienna was late, but worth it.", "import"],
    ]);
  });

  it("never queues again a reply this device sent, even after the outbox forgot it", async () => {
    const sent = { ...(V1.outbox as OutboxRecord) };
    await saveOutboxRecord(sent);
    expect((await loadSentIds()).has(sent.id)).toBe(true);
    await write("outbox", sent.id, null); // pruned after 30 days
    const plan = await applyImport(parseBackup(fixture("backup-schema-1.json")));
    expect(plan.alreadySent).toBe(1);
    expect(await loadOutboxRecord(sent.id)).toBeUndefined();
  });

  it("leaves out an imported reply the form would refuse, saying why", () => {
    const file = JSON.parse(fixture("backup-schema-1.json"));
    const reply = file.outbox["5f0c3c52-9f55-4a36-b1b4-0e8f3d3b7a11"];
    reply.fields.comment = "x".repeat(1_000_000);
    file.outbox["other-key"] = { ...reply, fields: { ...reply.fields, comment: "ok" } };
    const backup = parseBackup(JSON.stringify(file));
    expect(backup.outbox).toEqual({});
    expect(backup.rejected).toEqual([
      "outbox.5f0c3c52-9f55-4a36-b1b4-0e8f3d3b7a11: comment: Shorten your comment to 20,000 characters",
      "outbox.other-key: the key is not the reply's id (5f0c3c52-9f55-4a36-b1b4-0e8f3d3b7a11)",
    ]);
  });

  it("refuses a backup from a newer version with what to do", () => {
    const file = { ...JSON.parse(fixture("backup-schema-1.json")), schemaVersion: 7 };
    expect(() => parseBackup(JSON.stringify(file))).toThrow(
      "This file was saved by a newer version of Offprint (schema 7); update this page and try again.",
    );
  });

  it("undoes an import exactly", async () => {
    await saveBookmark("already-here", 3);
    const before = await deviceState();
    await applyImport(parseBackup(fixture("backup-schema-1.json")));
    expect(await deviceState()).not.toEqual(before);
    expect(await undoImport()).toBe(0);
    expect(await deviceState()).toEqual(before);
  });

  it("round-trips its own export", async () => {
    await applyImport(parseBackup(fixture("backup-schema-1.json")));
    const again = parseBackup(JSON.stringify(await exportData()));
    expect(again.rejected).toEqual([]);
    expect((await planImport(again)).writes).toEqual([]);
  });
});
