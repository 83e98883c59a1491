// Importing and deleting "Your data": the in-memory drafts follow the device, and each reload
// leaves the app listening to other tabs once, not once more per import.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { waitFor } from "@solidjs/testing-library";
import { freshDevice } from "../../fresh-device.ts";
import { listDrafts, startDrafts } from "../../../../src/state/drafts.ts";
import { deleteMyData, importMyData } from "../../../../src/features/your-data/your-data.ts";
import { exportData, type Backup } from "../../../../src/storage/backup.ts";
import { EMPTY_FIELDS } from "../../../../src/storage/drafts.ts";
import { saveDraft } from "../../../../src/storage/draft-writes.ts";
import { disposeStores } from "../../../../src/state/synced-records.ts";

// Counts the subscriptions to other tabs' changes that are live (subscribed, not yet dropped).
const live = vi.hoisted(() => ({ count: 0 }));
vi.mock(import("../../../../src/storage/sync.ts"), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    onChange: (fn: Parameters<typeof real.onChange>[0]) => {
      live.count++;
      const off = real.onChange(fn);
      return () => {
        live.count--;
        off();
      };
    },
  };
});

const FOG_SLUG = "field-notes-on-coastal-fog";
const CROWS_SLUG = "field-guide-to-urban-crows";

/** A backup file holding one draft, made on a device of its own and then wiped. */
async function backupWithDraft(slug: string, comment: string): Promise<Backup> {
  await saveDraft(slug, 0, { v: 2, rev: 1, fields: { ...EMPTY_FIELDS, comment }, updatedAt: 1 });
  const backup = await exportData();
  await freshDevice();
  return backup;
}

/** Another tab writes a draft and announces it, as its BroadcastChannel would. */
async function otherTabWrites(slug: string, base: number, rev: number, comment: string) {
  await saveDraft(slug, base, { v: 2, rev, fields: { ...EMPTY_FIELDS, comment }, updatedAt: 2 });
  const channel = new BroadcastChannel("offprint");
  channel.postMessage({ kind: "drafts", key: slug, rev });
  channel.close();
}

const listed = () => listDrafts().map(({ slug, draft }) => [slug, draft.fields.comment]);

beforeEach(async () => {
  await freshDevice();
  disposeStores();
});

describe("importing and deleting your data", () => {
  it("shows each imported file's drafts, and importing twice still listens to other tabs once", async () => {
    const first = await backupWithDraft(FOG_SLUG, "Fog thoughts");
    const second = await backupWithDraft(CROWS_SLUG, "Crow thoughts");
    await startDrafts();

    await importMyData(first);
    expect(listed()).toEqual([[FOG_SLUG, "Fog thoughts"]]);
    const listening = live.count;

    await importMyData(second);
    expect(listed()).toEqual(
      expect.arrayContaining([
        [FOG_SLUG, "Fog thoughts"],
        [CROWS_SLUG, "Crow thoughts"],
      ]),
    );
    expect(live.count).toBe(listening);

    // The one subscription still follows other tabs.
    await otherTabWrites(FOG_SLUG, 1, 2, "Fog thoughts, edited in another tab");
    await waitFor(() =>
      expect(listed()).toContainEqual([FOG_SLUG, "Fog thoughts, edited in another tab"]),
    );
  });

  it("shows no drafts after deleting everything, and deleting twice still listens to other tabs once", async () => {
    await saveDraft(FOG_SLUG, 0, {
      v: 2,
      rev: 1,
      fields: { ...EMPTY_FIELDS, comment: "Fog thoughts" },
      updatedAt: 1,
    });
    await startDrafts();
    expect(listed()).toEqual([[FOG_SLUG, "Fog thoughts"]]);

    await deleteMyData();
    expect(listed()).toEqual([]);
    const listening = live.count;
    await deleteMyData();
    expect(live.count).toBe(listening);
  });
});
