// Replies on their way to the edition's comment service, one record per reply in the
// `offprint-outbox` database, keyed by the reply's `clientId` (made once, sent with every try):
// `{ v, id, slug, fields, state, tries, nextAt, createdAt, updatedAt, sentAt?, error? }`.
// A record leaves the pending states only when the service answered 2xx ("sent", listed for 30
// days) or refused it for good ("rejected"); the reader's text stays in the record throughout.
// Every clientId sent from this device is also kept in `offprint-sent`, after the outbox forgets
// the reply, so a backup imported later can never queue it again. Beside them, a localStorage
// flag says "something is waiting" so start-up can skip the outbox.
import * as v from "valibot";
import { lockName, RECORD_KEYS, WEB_KEYS } from "./keys.ts";
import { withLock } from "./locks.ts";
import { DraftFields } from "./drafts.ts";
import { loadAll, loadOne, REMOVE, SLUG, TIME, update, firstVersion } from "./records.ts";
import { announce } from "./sync.ts";

/** Sent replies stay listed this long, so the reader can see what they wrote. */
export const SENT_KEPT_MS = 30 * 24 * 60 * 60 * 1000;

/** A reply's clientId. */
export const OUTBOX_ID = v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,100}$/));

export const OutboxState = v.picklist(["waiting", "sending", "sent", "rejected"]);
export type OutboxState = v.InferOutput<typeof OutboxState>;

const OutboxRecordV1 = v.object({
  v: v.literal(1),
  id: OUTBOX_ID,
  slug: SLUG,
  fields: DraftFields,
  state: OutboxState,
  tries: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** When the next automatic try is due (waiting replies). */
  nextAt: TIME,
  createdAt: TIME,
  updatedAt: TIME,
  sentAt: v.optional(TIME),
  /** The service's refusal or the last failure, as text. */
  error: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});
export type OutboxRecord = v.InferOutput<typeof OutboxRecordV1>;

export const OutboxAdapter = firstVersion<OutboxRecord>("outbox", OutboxRecordV1, (key) =>
  v.is(OUTBOX_ID, key),
);

const SentV1 = v.object({ v: v.literal(1), ids: v.record(OUTBOX_ID, TIME) });
export type SentIds = v.InferOutput<typeof SentV1>;

export const SentAdapter = firstVersion<SentIds>("sent", SentV1, (key) => key === RECORD_KEYS.sent);

/** Whether a record still has to reach the service. */
export const isPending = (r: OutboxRecord): boolean =>
  r.state === "waiting" || r.state === "sending";

/**
 * Runs `fn` holding a reply's lock: every change to an outbox record (a send, Edit, Discard,
 * an import) happens under it, so none of them interleave.
 */
export function withOutboxLock<T>(id: string, fn: () => Promise<T>): Promise<T> {
  return withLock(lockName("outbox", id), fn);
}

/** Every valid outbox record, id → record (a record whose key is not its id is skipped). */
export async function loadOutbox(): Promise<Map<string, OutboxRecord>> {
  const all = await loadAll(OutboxAdapter);
  for (const [key, r] of all) if (r.id !== key) all.delete(key);
  return all;
}

/** One record, or undefined. */
export async function loadOutboxRecord(key: string): Promise<OutboxRecord | undefined> {
  const r = await loadOne(OutboxAdapter, key);
  return r?.id === key ? r : undefined;
}

/** The clientIds of every reply this device has sent, id → when. */
export async function loadSentIds(): Promise<Map<string, number>> {
  const sent = await loadOne(SentAdapter, RECORD_KEYS.sent);
  return new Map(Object.entries(sent?.ids ?? {}));
}

/**
 * Writes one record and tells the other tabs; call it holding the reply's lock
 * (`withOutboxLock`). A sent reply's clientId is remembered first. Resolves once IndexedDB has it.
 */
export async function saveOutboxRecord(record: OutboxRecord): Promise<void> {
  if (record.state === "sent") {
    await update(SentAdapter, RECORD_KEYS.sent, (current) => ({
      v: 1 as const,
      ids: { ...current?.ids, [record.id]: record.sentAt ?? record.updatedAt },
    }));
  }
  await update(OutboxAdapter, record.id, () => record, { lockHeld: true });
  if (isPending(record)) setPendingFlag(true);
  announce({ kind: "outbox", key: record.id, rev: record.updatedAt });
}

/** Removes one record and tells the other tabs; call it holding the reply's lock. */
export async function removeOutboxRecord(key: string): Promise<void> {
  await update(OutboxAdapter, key, () => REMOVE, { lockHeld: true });
  announce({ kind: "outbox", key, rev: Date.now() });
}

/** Whether the "something is waiting" flag is up. */
export function pendingFlag(): boolean {
  try {
    return localStorage.getItem(WEB_KEYS.outboxPending) !== null;
  } catch {
    return false;
  }
}

/** Sets or clears the "something is waiting" flag start-up reads. */
export function setPendingFlag(on: boolean): void {
  try {
    if (on) localStorage.setItem(WEB_KEYS.outboxPending, "1");
    else localStorage.removeItem(WEB_KEYS.outboxPending);
  } catch {
    // Blocked storage: the article and drafts pages still send what waits.
  }
}
