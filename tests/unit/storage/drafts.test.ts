import { beforeEach, describe, expect, it } from "vitest";
import { freshDevice } from "../fresh-device.ts";
import { loadDraft, loadDrafts, EMPTY_FIELDS, type Draft } from "../../../src/storage/drafts.ts";
import { replaceDraft, saveDraft } from "../../../src/storage/draft-writes.ts";
import {
  compareSafetyCopy,
  readSafetyCopy,
  writeSafetyCopy,
} from "../../../src/storage/safety-copies.ts";
import { write } from "../../../src/storage/db.ts";

beforeEach(freshDevice);

const fields = (comment: string) => ({ ...EMPTY_FIELDS, comment });
const draft = (rev: number, comment: string): Draft => ({
  v: 2,
  rev,
  fields: fields(comment),
  updatedAt: 1000 + rev,
});

describe("draft records", () => {
  it("writes a draft and reads it back exactly", async () => {
    const result = await saveDraft("alpha", 0, draft(1, "Hello\nworld"));
    expect(result).toEqual({ saved: draft(1, "Hello\nworld") });
    expect(await loadDraft("alpha")).toEqual(draft(1, "Hello\nworld"));
  });

  it("refuses to overwrite another writer's newer text, and returns it as a conflict", async () => {
    await saveDraft("alpha", 0, draft(1, "first"));
    // Tab A and tab B both built on rev 1; B writes first.
    expect(await saveDraft("alpha", 1, draft(2, "from B"))).toEqual({ saved: draft(2, "from B") });
    const fromA = await saveDraft("alpha", 1, draft(2, "from A"));
    expect(fromA).toEqual({ conflict: draft(2, "from B") });
    expect((await loadDraft("alpha"))?.fields.comment).toBe("from B");
  });

  it("lets the writer that saw the newest rev write the next one", async () => {
    await saveDraft("alpha", 0, draft(1, "first"));
    await saveDraft("alpha", 1, draft(2, "second"));
    expect(await saveDraft("alpha", 2, draft(3, "third"))).toEqual({ saved: draft(3, "third") });
  });

  it("replaces a draft (discard) with a rev above both the record and the safety copy", async () => {
    await saveDraft("alpha", 0, draft(4, "kept"));
    writeSafetyCopy("alpha", { rev: 9, base: 4, fields: fields("typed"), updatedAt: 1 });
    const discarded = await replaceDraft("alpha", EMPTY_FIELDS, readSafetyCopy("alpha")?.rev);
    expect(discarded.rev).toBe(10);
  });

  it("skips records that are not drafts, or not under an article slug", async () => {
    await saveDraft("alpha", 0, draft(1, "fine"));
    await write("drafts", "beta", { v: 2, rev: "x", fields: {} });
    await write("drafts", "Not A Slug", draft(1, "odd key"));
    expect([...(await loadDrafts()).keys()]).toEqual(["alpha"]);
  });
});

describe("the safety copy", () => {
  const copy = (rev: number, base: number, comment: string, inflight?: number) => ({
    rev,
    base,
    inflight,
    fields: fields(comment),
    updatedAt: 5,
  });

  it("wins when it is newer than what is stored and built on it", () => {
    expect(compareSafetyCopy(copy(3, 2, "abc"), draft(2, "ab"))).toBe("newer");
    expect(compareSafetyCopy(copy(1, 0, "a"), undefined)).toBe("newer");
  });

  it("wins over its own write that landed as the page went", () => {
    // The write of rev 3 had started (in flight) when the reader typed more.
    expect(compareSafetyCopy(copy(4, 2, "abcd", 3), draft(3, "abc"))).toBe("newer");
  });

  it("gives way once IndexedDB holds the same text", () => {
    expect(compareSafetyCopy(copy(3, 2, "abc"), draft(3, "abc"))).toBe("stored");
  });

  it("is a conflict when another writer stored other text after it was made", () => {
    expect(compareSafetyCopy(copy(3, 2, "mine"), draft(3, "theirs"))).toBe("conflict");
    expect(compareSafetyCopy(copy(9, 2, "mine"), draft(3, "theirs"))).toBe("conflict");
  });

  it("ignores a safety copy that is not valid", () => {
    localStorage.setItem("offprint-draft-safety:alpha", "{not json");
    expect(readSafetyCopy("alpha")).toBeUndefined();
    localStorage.setItem(
      "offprint-draft-safety:alpha",
      JSON.stringify({ v: 1, slug: "beta", ...copy(1, 0, "x") }),
    );
    expect(readSafetyCopy("alpha")).toBeUndefined();
  });
});
