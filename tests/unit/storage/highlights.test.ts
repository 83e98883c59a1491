// Highlights on the device (issue 19): the record's checks, a newer record left alone, an
// unreadable one set aside, and import merging highlight by highlight without losing the newer.
import { beforeEach, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freshDevice } from "../fresh-device.ts";
import { read, readAll, write } from "../../../src/storage/db.ts";
import { decode, NewerRecordError } from "../../../src/storage/records.ts";
import {
  HighlightsAdapter,
  loadAllHighlights,
  mergeHighlights,
  NOTE_LIMIT,
  removeHighlight,
  saveHighlight,
  saveNote,
  type Highlight,
} from "../../../src/storage/highlights.ts";
import { exportData, parseBackup } from "../../../src/storage/backup.ts";
import { applyImport, planImport, undoImport } from "../../../src/storage/import.ts";
import { deleteAllData } from "../../../src/storage/wipe.ts";

const SLUG = "night-trains-return-to-europe";
const fixture = (name: string) =>
  readFileSync(path.join(process.cwd(), "tests/fixtures/records", name), "utf8");

function highlight(id: string, updatedAt: number, note = ""): Highlight {
  return {
    id,
    quote: { type: "TextQuoteSelector", exact: `passage ${id}`, prefix: "a ", suffix: " b" },
    position: { type: "TextPositionSelector", start: 2, end: 2 + `passage ${id}`.length },
    note,
    createdAt: 1,
    updatedAt,
  };
}
const record = (...highlights: Highlight[]) => ({
  v: 1,
  slug: SLUG,
  title: "Night trains",
  highlights,
});

beforeEach(freshDevice);

describe("the highlights record", () => {
  it("reads a version-1 record as it is", () => {
    expect(decode(HighlightsAdapter, record(highlight("a", 5)))).toEqual({
      state: "ok",
      from: 1,
      value: record(highlight("a", 5)),
    });
  });

  it("refuses a note over 10,000 characters, two highlights with one id, and a backwards span", () => {
    const long = highlight("a", 5, "x".repeat(NOTE_LIMIT + 1));
    expect(decode(HighlightsAdapter, record(long))).toMatchObject({ state: "bad" });
    expect(decode(HighlightsAdapter, record(highlight("a", 5), highlight("a", 6)))).toEqual({
      state: "bad",
      reason: "two highlights have the same id",
    });
    const backwards = {
      ...highlight("a", 5),
      position: { type: "TextPositionSelector" as const, start: 9, end: 3 },
    };
    expect(decode(HighlightsAdapter, record(backwards))).toMatchObject({ state: "bad" });
  });

  it("keeps a note holding markup as the characters it is", async () => {
    const note = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    await saveHighlight(SLUG, "Night trains", highlight("a", 5, note));
    expect((await loadAllHighlights()).get(SLUG)?.highlights[0].note).toBe(note);
  });

  it("never overwrites a record from a newer version", async () => {
    const newer = { v: 2, slug: SLUG, highlights: [], colours: ["yellow"] };
    await write("highlights", SLUG, newer);
    await expect(saveHighlight(SLUG, undefined, highlight("a", 5))).rejects.toBeInstanceOf(
      NewerRecordError,
    );
    expect(await read("highlights", SLUG)).toEqual(newer);
    expect((await loadAllHighlights()).size).toBe(0);
  });

  it("sets an unreadable record aside before writing its key", async () => {
    await write("highlights", SLUG, { v: 1, slug: SLUG, highlights: "broken" });
    await saveHighlight(SLUG, undefined, highlight("a", 5));
    const all = await readAll("highlights");
    expect([...all.keys()].some((k) => k.startsWith(`set-aside:${SLUG}:`))).toBe(true);
    expect((await loadAllHighlights()).get(SLUG)?.highlights.map((h) => h.id)).toEqual(["a"]);
  });

  it("keeps the later note, and removes the record with its last highlight", async () => {
    await saveHighlight(SLUG, "Night trains", highlight("a", 5));
    await saveNote(SLUG, "a", "second", 20);
    await saveNote(SLUG, "a", "first, written later by a slow tab", 10);
    expect((await loadAllHighlights()).get(SLUG)?.highlights[0].note).toBe("second");
    await removeHighlight(SLUG, "a");
    expect(await read("highlights", SLUG)).toBeNull();
  });
});

describe("merging highlights", () => {
  it("keeps every id once, the later updatedAt winning on either side", () => {
    const merged = mergeHighlights(
      [highlight("a", 5, "device, older"), highlight("b", 9, "device, newer")],
      [highlight("a", 7, "file, newer"), highlight("b", 3, "file, older"), highlight("c", 1)],
    );
    expect(merged.map((h) => [h.id, h.note])).toEqual([
      ["a", "file, newer"],
      ["b", "device, newer"],
      ["c", ""],
    ]);
  });
});

describe("highlights in Download my data, import and Delete all my data", () => {
  it("imports a file's highlights merged with the device's, and undoes it exactly", async () => {
    await saveHighlight(SLUG, "Night trains", highlight("a", 5, "device, older"));
    await saveHighlight(SLUG, "Night trains", highlight("b", 9, "device, newer"));
    const file = await exportData();
    file.highlights[SLUG].highlights = [
      highlight("a", 7, "file, newer"),
      highlight("b", 3, "file, older"),
      highlight("c", 1),
    ];
    const backup = parseBackup(JSON.stringify(file));
    expect(backup.rejected).toEqual([]);
    const plan = await applyImport(backup);
    expect(plan.counts.highlights).toEqual({ add: 1, change: 1 });
    const merged = (await loadAllHighlights()).get(SLUG)?.highlights;
    expect(merged?.map((h) => [h.id, h.note])).toEqual([
      ["a", "file, newer"],
      ["b", "device, newer"],
      ["c", ""],
    ]);
    await undoImport();
    expect((await loadAllHighlights()).get(SLUG)?.highlights.map((h) => h.note)).toEqual([
      "device, older",
      "device, newer",
    ]);
  });

  it("round-trips its own export, and reads a version-2 file (no highlights) as version 3", async () => {
    await saveHighlight(SLUG, "Night trains", highlight("a", 5, "a note"));
    const again = parseBackup(JSON.stringify(await exportData()));
    expect(again.highlights[SLUG].highlights[0].note).toBe("a note");
    expect((await planImport(again)).writes).toEqual([]);
    const old = parseBackup(fixture("backup-schema-1.json"));
    expect(old.highlights).toEqual({});
  });

  it("leaves out a file's record whose key is not its slug, saying why", async () => {
    const file = await exportData();
    file.highlights["other-slug"] = record(highlight("a", 5)) as never;
    expect(parseBackup(JSON.stringify(file)).rejected).toEqual([
      `highlights.other-slug: the key is not the article's slug (${SLUG})`,
    ]);
  });

  it("deletes every highlight with Delete all my data", async () => {
    await saveHighlight(SLUG, "Night trains", highlight("a", 5));
    await deleteAllData();
    expect((await loadAllHighlights()).size).toBe(0);
  });
});
