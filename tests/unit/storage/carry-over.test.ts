// Renamed and removed articles (issue 14, finding 5): records under an old slug move to the new
// one, merged, once, whoever runs it and however often; read marks and positions of articles gone
// from the edition are dropped 90 days after they were first seen gone.
import { beforeEach, describe, expect, it } from "vitest";
import { freshDevice } from "../fresh-device.ts";
import { deviceState } from "../device-state.ts";
import { read, write } from "../../../src/storage/db.ts";
import { lockName } from "../../../src/storage/keys.ts";
import { withLock } from "../../../src/storage/locks.ts";
import { loadBookmarkRecords, saveBookmark } from "../../../src/storage/bookmarks.ts";
import { EMPTY_FIELDS, loadDraft, loadDrafts } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";
import { chunkOf, loadReadMarks, setReadMarks } from "../../../src/storage/reads.ts";
import { loadPositions, savePosition } from "../../../src/storage/positions.ts";
import { keepVersion, loadVersions } from "../../../src/storage/versions.ts";
import { carryOver } from "../../../src/storage/carry-over.ts";
import { forgetOrphans, orphanPlan, ORPHAN_DAYS } from "../../../src/storage/orphans.ts";

const OLD = "old-name";
const NEW = "new-name";
const MOVED = new Map([[OLD, NEW]]);
const DAY = 24 * 60 * 60 * 1000;
const fields = (comment: string) => ({ ...EMPTY_FIELDS, comment, name: "Ann" });

async function draft(slug: string, comment: string, updatedAt: number, title?: string) {
  await saveDraft(slug, 0, { v: 2, rev: 1, fields: fields(comment), updatedAt, title });
}

beforeEach(() => freshDevice());

describe("carrying records over to an article's new slug", () => {
  it("moves a bookmark, a read mark, a draft, its other versions and a position", async () => {
    await saveBookmark(OLD, 100, "Old title");
    await setReadMarks(new Map([[OLD, 200]]));
    await draft(OLD, "My reply", 300, "Old title");
    await keepVersion(OLD, fields("An older reply"), "conflict", "Old title");
    await savePosition(OLD, { v: 1, progress: 0.4, updatedAt: 400 });

    const carried = await carryOver(MOVED);

    expect(carried).toEqual({ bookmarks: 1, reads: 1, drafts: 1, versions: 1, positions: 1 });
    expect([...(await loadBookmarkRecords()).values()]).toEqual([
      { v: 2, slug: NEW, savedAt: 100, title: "Old title" },
    ]);
    expect(await loadReadMarks()).toEqual(new Map([[NEW, 200]]));
    expect([...(await loadDrafts()).keys()]).toEqual([NEW]);
    expect((await loadDraft(NEW))?.fields.comment).toBe("My reply");
    const versions = [...(await loadVersions()).values()];
    expect(versions.map((k) => [k.id.split(":")[0], k.slug, k.fields.comment])).toEqual([
      [NEW, NEW, "An older reply"],
    ]);
    expect(await loadPositions()).toEqual(
      new Map([[NEW, { v: 1, progress: 0.4, updatedAt: 400 }]]),
    );
  });

  it("merges with what the new slug holds: the later bookmark, the first read, the last position", async () => {
    await saveBookmark(OLD, 100, "Old title");
    await saveBookmark(NEW, 50, "New title");
    await setReadMarks(
      new Map([
        [OLD, 200],
        [NEW, 900],
      ]),
    );
    await savePosition(OLD, { v: 1, progress: 0.7, updatedAt: 800 });
    await savePosition(NEW, { v: 1, progress: 0.1, updatedAt: 500 });

    await carryOver(MOVED);

    expect([...(await loadBookmarkRecords()).values()]).toEqual([
      { v: 2, slug: NEW, savedAt: 100, title: "New title" },
    ]);
    expect(await loadReadMarks()).toEqual(new Map([[NEW, 200]]));
    expect(await loadPositions()).toEqual(
      new Map([[NEW, { v: 1, progress: 0.7, updatedAt: 800 }]]),
    );
  });

  it("keeps the draft edited last as the draft and the other text as another version", async () => {
    await draft(OLD, "Written under the old name, later", 2000);
    await draft(NEW, "Written under the new name, earlier", 1000);
    await carryOver(MOVED);
    const now = await loadDraft(NEW);
    expect(now?.fields.comment).toBe("Written under the old name, later");
    expect(now?.rev).toBeGreaterThan(1);
    expect([...(await loadVersions()).values()].map((k) => [k.slug, k.fields.comment])).toEqual([
      [NEW, "Written under the new name, earlier"],
    ]);
    expect(await loadDraft(OLD)).toBeUndefined();
  });

  it("never lets a discarded draft win over text", async () => {
    await draft(OLD, "Text to keep", 1000);
    await saveDraft(NEW, 0, { v: 2, rev: 1, fields: EMPTY_FIELDS, updatedAt: 5000 });
    await carryOver(MOVED);
    expect((await loadDraft(NEW))?.fields.comment).toBe("Text to keep");
    expect((await loadVersions()).size).toBe(0);
  });

  it("does the same when run again, or by two tabs at once", async () => {
    await saveBookmark(OLD, 100, "Old title");
    await setReadMarks(new Map([[OLD, 200]]));
    await draft(OLD, "Old text", 2000);
    await draft(NEW, "New text", 1000);
    await savePosition(OLD, { v: 1, progress: 0.4, updatedAt: 400 });

    await Promise.all([carryOver(MOVED), carryOver(MOVED)]);
    const once = await deviceState();
    expect(await carryOver(MOVED)).toEqual({
      bookmarks: 0,
      reads: 0,
      drafts: 0,
      versions: 0,
      positions: 0,
    });
    expect(await deviceState()).toEqual(once);
    expect((await loadVersions()).size).toBe(1);
  });

  it("finishes a move a closed tab cut short (new slug written, old not yet removed)", async () => {
    await draft(OLD, "Old text", 2000);
    await draft(NEW, "New text", 1000);
    await carryOver(MOVED);
    const done = await loadDraft(NEW);
    // As if the tab closed between the two writes: the old record is still there.
    await write("drafts", OLD, { v: 2, rev: 1, fields: fields("Old text"), updatedAt: 2000 });
    await carryOver(MOVED);
    expect((await loadDraft(NEW))?.fields).toEqual(done?.fields);
    expect(await loadDraft(OLD)).toBeUndefined();
    expect([...(await loadVersions()).values()].map((k) => k.fields.comment)).toEqual(["New text"]);
  });

  it("leaves a record from a newer version, or one it cannot read, where it is", async () => {
    const newer = { v: 99, slug: OLD, savedAt: 1, whatever: true };
    await write("bookmarks", OLD, newer);
    await draft(OLD, "Old text", 2000);
    await write("drafts", NEW, { v: 2, rev: "bad" });
    await write("reads", chunkOf(NEW), { v: 99, marks: {} });
    await setReadMarks(new Map([[OLD, 5]])).catch(() => undefined);

    await carryOver(MOVED);

    expect(await read("bookmarks", OLD)).toEqual(newer);
    expect(await read("drafts", NEW)).toEqual({ v: 2, rev: "bad" });
    expect((await loadDraft(OLD))?.fields.comment).toBe("Old text");
    if (chunkOf(OLD) !== chunkOf(NEW)) expect((await loadReadMarks()).get(OLD)).toBe(5);
  });

  it("waits for a write that holds the record's lock", async () => {
    await saveBookmark(OLD, 100);
    let release = () => {};
    const held = withLock(
      lockName("bookmarks", NEW),
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const moving = carryOver(MOVED);
    await Promise.resolve();
    expect((await loadBookmarkRecords()).has(OLD)).toBe(true);
    release();
    await held;
    await moving;
    expect([...(await loadBookmarkRecords()).keys()]).toEqual([NEW]);
  });
});

describe("read marks and positions of articles gone from the edition", () => {
  const T0 = Date.UTC(2026, 0, 1);
  const inEdition = (slug: string) => slug === "here";

  it("are dropped 90 days after the article was first seen gone, not after they were written", async () => {
    // Read long before the article went.
    await setReadMarks(new Map([["gone", T0 - 400 * DAY]]));
    await savePosition("gone", { v: 1, progress: 0.5, updatedAt: T0 - 400 * DAY });
    await setReadMarks(new Map([["here", T0 - 400 * DAY]]));

    expect(await forgetOrphans(inEdition, T0)).toEqual([]);
    expect(await forgetOrphans(inEdition, T0 + (ORPHAN_DAYS - 1) * DAY)).toEqual([]);
    expect((await loadReadMarks()).has("gone")).toBe(true);
    expect((await loadPositions()).has("gone")).toBe(true);

    expect(await forgetOrphans(inEdition, T0 + ORPHAN_DAYS * DAY)).toEqual(["gone"]);
    expect([...(await loadReadMarks()).keys()]).toEqual(["here"]);
    expect((await loadPositions()).size).toBe(0);
    // Nothing left to drop: the slug is struck off.
    await forgetOrphans(inEdition, T0 + (ORPHAN_DAYS + 1) * DAY);
    expect(await read("orphans", "missing")).toEqual({ v: 1, since: {} });
  });

  it("start again from zero for an article that came back in between", async () => {
    await setReadMarks(new Map([["gone", T0]]));
    await forgetOrphans(inEdition, T0);
    await forgetOrphans(() => true, T0 + 10 * DAY); // back in the edition
    expect(await forgetOrphans(inEdition, T0 + ORPHAN_DAYS * DAY)).toEqual([]);
    expect(await read("orphans", "missing")).toEqual({
      v: 1,
      since: { gone: T0 + ORPHAN_DAYS * DAY },
    });
  });

  it("writes nothing on a device with nothing orphaned", async () => {
    await setReadMarks(new Map([["here", T0]]));
    await forgetOrphans(inEdition, T0);
    expect(await read("orphans", "missing")).toBeNull();
  });

  it("plans the earliest time either tab saw the slug missing", () => {
    expect(orphanPlan(new Set(["a", "here"]), inEdition, { a: 5, b: 1 }, 10)).toEqual({
      since: { a: 5 },
      drop: [],
    });
  });
});
