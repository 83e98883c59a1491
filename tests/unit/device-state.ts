// What a device holds, for tests that must prove "nothing changed" or "the same state": every
// record of every Offprint database, plus Offprint's Web Storage keys.
import { DATABASES, readAll, write, type Kind } from "../../src/storage/db.ts";
import { saveBookmark } from "../../src/storage/bookmarks.ts";
import { setReadMarks } from "../../src/storage/reads.ts";
import { saveDraft } from "../../src/storage/draft-writes.ts";
import { saveIdentity } from "../../src/storage/identity.ts";
import { saveSettings } from "../../src/storage/settings.ts";
import { savePosition } from "../../src/storage/positions.ts";

export type DeviceState = Record<string, Record<string, unknown>>;

/**
 * Every record on the device, by database, keys sorted; and the Web Storage keys of ours. The
 * import journal (what Undo would put back) is left out unless asked for.
 */
export async function deviceState(withJournal = false): Promise<DeviceState> {
  const state: DeviceState = {};
  for (const kind of Object.keys(DATABASES) as Kind[]) {
    if (kind === "journal" && !withJournal) continue;
    const all = await readAll(kind);
    state[kind] = Object.fromEntries([...all].sort(([a], [b]) => a.localeCompare(b)));
  }
  const web: Record<string, unknown> = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i) as string;
    if (k.startsWith("offprint")) web[k] = localStorage.getItem(k);
  }
  state.localStorage = web;
  return state;
}

/** A device a reader has used: something of every kind. */
export async function usedDevice(): Promise<void> {
  await saveBookmark("us-russia-space-security-talks", 1_700_000_000_000);
  await saveBookmark("a-second-article", 1_700_000_100_000);
  await setReadMarks(
    new Map([
      ["us-russia-space-security-talks", 1_700_000_000_500],
      ["a-third-article", 1_700_000_200_000],
    ]),
  );
  await saveDraft("a-second-article", 0, {
    v: 2,
    rev: 3,
    fields: {
      comment: "Half a reply — with “quotes” and <b>no HTML</b>",
      name: "Ada",
      email: "",
      website: "",
    },
    updatedAt: 1_700_000_300_000,
  });
  await saveIdentity({ name: "Ada", email: "ada@example.org", website: "" });
  await saveSettings({ v: 1, theme: "dark", textSize: "large", lineWidth: "narrow", font: "sans" });
  await savePosition("a-third-article", { v: 1, progress: 0.42, updatedAt: 1_700_000_400_000 });
  await write("outbox", "reply-1", OUTBOX_RECORD);
}

/** The outbox record the device above holds: a reply waiting after two tries. */
export const OUTBOX_RECORD = {
  v: 1,
  id: "reply-1",
  slug: "a-second-article",
  fields: { comment: "Sent later", name: "Ada", email: "ada@example.org", website: "" },
  state: "waiting",
  tries: 2,
  nextAt: 1_700_000_500_000,
  createdAt: 1_700_000_450_000,
  updatedAt: 1_700_000_460_000,
  error: "the service answered 503",
} as const;

/** Makes the nth IndexedDB put from now on fail as a full disk would (n counts from 1; 0: none). */
export function failPut(n: number): () => void {
  const proto = globalThis.IDBObjectStore.prototype;
  const put = proto.put;
  let calls = 0;
  proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
    if (++calls === n) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    return put.apply(this, args);
  };
  return () => void (proto.put = put);
}
