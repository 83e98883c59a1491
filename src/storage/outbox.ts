// Replies on their way to the edition's comment service, one record per reply in the
// `offprint-outbox` database, keyed by the reply's `clientId` (made once, sent with every try):
// `{ v, id, slug, fields, state, tries, nextAt, createdAt, updatedAt, sentAt?, error? }`.
// A record leaves the pending states only when the service answered 2xx ("sent", listed for 30
// days) or refused it for good ("rejected"); the reader's text stays in the record throughout.
// Beside it, a localStorage flag says "something is waiting" so start-up can skip the outbox.
import * as v from "valibot";
import { read, readAll, remove, write } from "./db.ts";
import { validRecords } from "./schema.ts";
import { DraftFields } from "./drafts.ts";
import { announce } from "./sync.ts";

/** Every storage key this file uses, in one place. */
export const OUTBOX_KEYS = {
  /** localStorage flag: present while a reply waits to be sent (main.tsx reads it). */
  pending: "offprint:outbox-pending",
} as const;

/** Sent replies stay listed this long, so the reader can see what they wrote. */
export const SENT_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(200));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,100}$/));

export const OutboxState = v.picklist(["waiting", "sending", "sent", "rejected"]);
export type OutboxState = v.InferOutput<typeof OutboxState>;

export const OutboxRecord = v.object({
  v: v.literal(1),
  id,
  slug,
  fields: DraftFields,
  state: OutboxState,
  tries: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the next automatic try is due (waiting replies). */
  nextAt: time,
  createdAt: time,
  updatedAt: time,
  sentAt: v.optional(time),
  /** The service's refusal or the last failure, as text. */
  error: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});
export type OutboxRecord = v.InferOutput<typeof OutboxRecord>;

/** Whether a record still has to reach the service. */
export const isPending = (r: OutboxRecord): boolean =>
  r.state === "waiting" || r.state === "sending";

/** Every valid outbox record, id → record. */
export async function loadOutbox(): Promise<Map<string, OutboxRecord>> {
  return validRecords("outbox", await readAll("outbox"), OutboxRecord);
}

/** One record, or undefined. */
export async function loadOutboxRecord(key: string): Promise<OutboxRecord | undefined> {
  const parsed = v.safeParse(OutboxRecord, await read("outbox", key));
  return parsed.success ? parsed.output : undefined;
}

/** Writes one record and tells the other tabs. Resolves once IndexedDB has it. */
export async function saveOutboxRecord(record: OutboxRecord): Promise<void> {
  await write("outbox", record.id, record);
  if (isPending(record)) setPendingFlag(true);
  announce({ kind: "outbox", key: record.id, rev: record.updatedAt });
}

/** Removes one record and tells the other tabs. */
export async function removeOutboxRecord(key: string): Promise<void> {
  await remove("outbox", key);
  announce({ kind: "outbox", key, rev: Date.now() });
}

/** Sets or clears the "something is waiting" flag start-up reads. */
export function setPendingFlag(on: boolean): void {
  try {
    if (on) localStorage.setItem(OUTBOX_KEYS.pending, "1");
    else localStorage.removeItem(OUTBOX_KEYS.pending);
  } catch {
    // Blocked storage: the article and drafts pages still send what waits.
  }
}
