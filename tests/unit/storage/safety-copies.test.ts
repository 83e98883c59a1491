// Safety copies are per page (issue 13): no page's copy replaces or deletes another's, a copy of a
// page still open is left to it, and a copy a closed page left is restored or kept, never dropped.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDevice } from "../fresh-device.ts";
import { EMPTY_FIELDS } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";
import { PAGE_ID, readSafetyCopy, writeSafetyCopy } from "../../../src/storage/safety-copies.ts";
import { claimLeftovers } from "../../../src/storage/claim-leftovers.ts";
import { loadVersions } from "../../../src/storage/versions.ts";

const fields = (comment: string) => ({ ...EMPTY_FIELDS, comment });
const SLUG = "field-notes-on-coastal-fog";
const PREFIX = "offprint-draft-safety:";

/** Another page's copy, as that page would have written it. */
function otherPage(page: string, rev: number, base: number, comment: string, updatedAt = 10) {
  localStorage.setItem(
    `${PREFIX}${SLUG}:${page}`,
    JSON.stringify({ v: 2, slug: SLUG, page, rev, base, fields: fields(comment), updatedAt }),
  );
}

/** The browser's answer to "which pages are open": these pages hold their lock. */
function openPages(...pages: string[]) {
  vi.stubGlobal("navigator", {
    ...navigator,
    locks: {
      // A page's own lock is held for its life; any other lock runs its callback at once.
      request: vi.fn((name: string, fn: () => Promise<unknown>) =>
        name.startsWith("offprint-page-") ? new Promise(() => undefined) : fn(),
      ),
      query: vi.fn(async () => ({ held: pages.map((p) => ({ name: `offprint-page-${p}` })) })),
    },
  });
}

beforeEach(freshDevice);
afterEach(() => vi.unstubAllGlobals());

describe("safety copies, one per page", () => {
  it("keeps this page's copy under its own key, beside another page's", () => {
    otherPage("tab-b", 4, 3, "tab B is typing");
    writeSafetyCopy(SLUG, { rev: 5, base: 3, fields: fields("tab A is typing"), updatedAt: 11 });
    expect(readSafetyCopy(SLUG)?.fields.comment).toBe("tab A is typing");
    expect(localStorage.getItem(`${PREFIX}${SLUG}:tab-b`)).toContain("tab B is typing");
    expect(localStorage.getItem(`${PREFIX}${SLUG}:${PAGE_ID}`)).toContain("tab A is typing");
  });

  it("never takes the copy of a page that is still open", async () => {
    openPages("tab-b");
    otherPage("tab-b", 4, 3, "tab B is still typing");
    await claimLeftovers(SLUG);
    expect(readSafetyCopy(SLUG)).toBeUndefined();
    expect(localStorage.getItem(`${PREFIX}${SLUG}:tab-b`)).toContain("tab B is still typing");
    expect(await loadVersions()).toEqual(new Map());
  });

  it("restores the newest copy closed pages left, and keeps the other as a second version", async () => {
    openPages();
    await saveDraft(SLUG, 0, { v: 2, rev: 3, fields: fields("stored"), updatedAt: 1 });
    otherPage("closed-1", 4, 3, "closed tab one", 10);
    otherPage("closed-2", 4, 3, "closed tab two, later", 20);
    await claimLeftovers(SLUG);
    expect(readSafetyCopy(SLUG)?.fields.comment).toBe("closed tab two, later");
    const kept = [...(await loadVersions()).values()].map((x) => [x.fields.comment, x.reason]);
    expect(kept).toEqual([["closed tab one", "closed"]]);
    expect(localStorage.getItem(`${PREFIX}${SLUG}:closed-1`)).toBeNull();
    expect(localStorage.getItem(`${PREFIX}${SLUG}:closed-2`)).toBeNull();
  });

  it("keeps as a second version a closed page's text that lost to another writer", async () => {
    openPages();
    await saveDraft(SLUG, 0, {
      v: 2,
      rev: 6,
      fields: fields("another tab's newer text"),
      updatedAt: 1,
    });
    otherPage("closed", 4, 3, "text built on rev 3");
    await claimLeftovers(SLUG);
    expect(readSafetyCopy(SLUG)).toBeUndefined();
    const kept = [...(await loadVersions()).values()].map((x) => x.fields.comment);
    expect(kept).toEqual(["text built on rev 3"]);
  });

  it("takes a copy written before pages had ids as left behind", async () => {
    openPages();
    localStorage.setItem(
      `${PREFIX}${SLUG}`,
      JSON.stringify({
        v: 1,
        slug: SLUG,
        rev: 1,
        base: 0,
        fields: fields("old app"),
        updatedAt: 3,
      }),
    );
    await claimLeftovers(SLUG);
    expect(readSafetyCopy(SLUG)?.fields.comment).toBe("old app");
    expect(localStorage.getItem(`${PREFIX}${SLUG}`)).toBeNull();
  });
});
