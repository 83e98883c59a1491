// The outbox engine: posts replies to the edition's comment service, keeps each one on the device
// until the service took it (2xx) or refused it for good (a 4xx other than 408 and 429), retries
// with backoff, when the browser goes online and when a page that shows the outbox opens. Only
// lazy pages import this file; main.tsx loads it at start-up only when the "pending" flag is set.
// Each try runs under a lock per reply (Web Locks across tabs) and re-reads the record inside it,
// so a reply is never sent twice at once, from this tab or another.
import { createStore, produce, reconcile } from "solid-js/store";
import { commentsUrl } from "virtual:offprint/edition";
import {
  SENT_KEPT_MS,
  isPending,
  loadOutbox,
  loadOutboxRecord,
  removeOutboxRecord,
  saveOutboxRecord,
  setPendingFlag,
  withOutboxLock,
  type OutboxRecord,
} from "../../storage/outbox.ts";
import { hasComment, loadDraft, sameFields, type DraftFields } from "../../storage/drafts.ts";
import { replaceDraft } from "../../storage/draft-writes.ts";
import { keepVersion, removeVersion } from "../../storage/versions.ts";
import { onChange } from "../../storage/sync.ts";
import { requestPersistence } from "../../storage/persist.ts";
import { applyDraft } from "../../state/drafts.ts";
import { notify, notifyFailure } from "../../state/notices.ts";
import { onDispose } from "../../state/synced-records.ts";

/** A try that has no answer after this long is abandoned and retried later. */
export const SEND_TIMEOUT_MS = 15_000;
/** The first retry waits this long; each further one twice as long, up to `MAX_BACKOFF_MS`. */
export const FIRST_BACKOFF_MS = 5_000;
export const MAX_BACKOFF_MS = 10 * 60_000;

/**
 * How long to wait before the next automatic try, after `tries` failed ones.
 * @example backoffMs(1); // 5000, then 10000, 20000, … capped at 10 minutes
 */
export function backoffMs(tries: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(0, tries - 1), MAX_BACKOFF_MS);
}

export type SendOutcome =
  { kind: "sent" } | { kind: "rejected"; error: string } | { kind: "retry"; error: string };

/** The service's message from a refusal: `message` or `error` of a JSON body, else its text. */
async function serviceMessage(res: Response): Promise<string> {
  const text = (await res.text()).trim();
  let message = text;
  try {
    const json: unknown = JSON.parse(text);
    if (json && typeof json === "object") {
      const m =
        (json as { message?: unknown; error?: unknown }).message ??
        (json as { error?: unknown }).error;
      if (typeof m === "string") message = m;
    }
  } catch {
    // plain text
  }
  return message.length > 500 ? `${message.slice(0, 499)}…` : message;
}

/**
 * Posts one reply: `{article, name, email, website, comment, clientId}` as JSON, abandoned after
 * `SEND_TIMEOUT_MS`. Never throws: the outcome says whether to keep, drop or retry the reply.
 */
export async function postReply(url: string, record: OutboxRecord): Promise<SendOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
  const { comment, name, email, website } = record.fields;
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        article: record.slug,
        name,
        email,
        website,
        comment,
        clientId: record.id,
      }),
      signal: abort.signal,
    });
    if (res.ok) return { kind: "sent" };
    const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      const message = await serviceMessage(res).catch(() => "");
      return { kind: "rejected", error: message ? `${status}: ${message}` : status };
    }
    return { kind: "retry", error: `the service answered ${status}` };
  } catch {
    return {
      kind: "retry",
      error: abort.signal.aborted
        ? `no answer within ${SEND_TIMEOUT_MS / 1000} s`
        : "the service could not be reached",
    };
  } finally {
    clearTimeout(timer);
  }
}

const [records, setRecords] = createStore<Record<string, OutboxRecord>>({});

function apply(record: OutboxRecord): void {
  setRecords(produce((all) => void (all[record.id] = { ...record, fields: { ...record.fields } })));
}
function forget(id: string): void {
  setRecords(produce((all) => void delete all[id]));
}

/** Every listed reply (pending, refused, and sent within 30 days), the newest first. */
export function listOutbox(slug?: string): OutboxRecord[] {
  return Object.values(records)
    .filter((r) => slug === undefined || r.slug === slug)
    .sort((a, b) => b.createdAt - a.createdAt);
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Wakes this tab when the next waiting reply is due; clears the start-up flag when none waits. */
function schedule(): void {
  clearTimeout(timer);
  timer = undefined;
  const due = Object.values(records)
    .filter((r) => r.state === "waiting")
    .map((r) => r.nextAt);
  const pending = Object.values(records).some(isPending);
  setPendingFlag(pending);
  // Offline, the `online` event wakes the outbox instead; without a service nothing is sent.
  const offline = typeof navigator !== "undefined" && navigator.onLine === false;
  if (due.length === 0 || offline || commentsUrl === "") return;
  // At least a second apart: a try that could not even start must not spin.
  const wait = Math.max(1000, Math.min(...due) - Date.now());
  timer = setTimeout(() => void flushOutbox(), wait);
}

/**
 * One try of one reply, under its lock, with the record re-read inside it: a reply another tab
 * sent meanwhile is not sent again. `now` ignores the backoff (Retry now, back online).
 */
export function sendReply(id: string, now = false): Promise<void> {
  return withOutboxLock(id, async () => {
    const stored = await loadOutboxRecord(id);
    if (!stored) return forget(id);
    apply(stored);
    // "sending" found inside the lock means the tab that sent it is gone: try again.
    if (!isPending(stored)) return;
    if (!now && stored.state === "waiting" && stored.nextAt > Date.now()) return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) return;
    if (commentsUrl === "") return;
    const sending: OutboxRecord = {
      ...stored,
      state: "sending",
      tries: stored.tries + 1,
      updatedAt: Date.now(),
    };
    await saveOutboxRecord(sending);
    apply(sending);
    const outcome = await postReply(commentsUrl, sending);
    const at = Date.now();
    const { error: _, ...rest } = sending;
    const next: OutboxRecord =
      outcome.kind === "sent"
        ? { ...rest, state: "sent", sentAt: at, updatedAt: at }
        : outcome.kind === "rejected"
          ? { ...rest, state: "rejected", error: outcome.error, updatedAt: at }
          : {
              ...rest,
              state: "waiting",
              error: outcome.error,
              nextAt: at + backoffMs(sending.tries),
              updatedAt: at,
            };
    await saveOutboxRecord(next);
    apply(next);
  }).finally(schedule);
}

let flushing: Promise<void> | undefined;
// A new app on this page (a test's new device) starts with nothing held or scheduled.
onDispose(() => {
  clearTimeout(timer);
  timer = undefined;
  flushing = undefined;
  setRecords(reconcile({}));
});

/**
 * Reads the outbox, drops sent replies older than 30 days, and tries every reply that is due
 * (`now`: every pending one). Safe to call from any tab at any time.
 * @example window.addEventListener("online", () => void flushOutbox(true));
 */
export function flushOutbox(now = false): Promise<void> {
  start();
  const run = async () => {
    const all = await loadOutbox();
    const cutoff = Date.now() - SENT_KEPT_MS;
    for (const r of all.values()) {
      if (r.state === "sent" && (r.sentAt ?? r.updatedAt) < cutoff) {
        all.delete(r.id);
        await removeOutboxRecord(r.id);
      }
    }
    setRecords(reconcile(Object.fromEntries(all)));
    for (const r of all.values()) if (isPending(r)) await sendReply(r.id, now);
  };
  const next = (flushing ?? Promise.resolve()).then(run, run).finally(schedule);
  flushing = next.catch(() => undefined);
  return next.catch(() => undefined);
}

let started = false;

/** Follows other tabs' outbox writes and the browser going online (once per tab). */
function start(): void {
  if (started) return;
  started = true;
  onChange(({ kind, key }) => {
    if (kind !== "outbox") return;
    loadOutboxRecord(key).then(
      (r) => (r ? apply(r) : forget(key), schedule()),
      () => undefined,
    );
  });
  if (typeof window !== "undefined") {
    window.addEventListener("online", () => void flushOutbox(true));
  }
}

/**
 * Moves a reply into the outbox and sends it. Resolves once the outbox holds it (the send goes
 * on); rejects when the device could not store it, and then nothing was sent.
 * @example await submitReply("some-slug", fields);
 */
export async function submitReply(slug: string, fields: DraftFields): Promise<OutboxRecord> {
  start();
  const at = Date.now();
  const record: OutboxRecord = {
    v: 1,
    id: crypto.randomUUID(),
    slug,
    fields: { ...fields },
    state: "waiting",
    tries: 0,
    nextAt: at,
    createdAt: at,
    updatedAt: at,
  };
  await saveOutboxRecord(record);
  apply(record);
  void requestPersistence();
  void sendReply(record.id, true);
  return record;
}

/** "Retry now": one try at once, whatever the backoff says. */
export function retryNow(id: string): Promise<void> {
  return sendReply(id, true).catch((err) => notifyFailure("Sending the reply", err));
}

/** "Discard": the reply leaves the outbox (after any try in flight). */
export function discardReply(id: string): Promise<void> {
  return withOutboxLock(id, async () => {
    await removeOutboxRecord(id);
    forget(id);
  })
    .catch((err) => notifyFailure("Discarding the reply", err))
    .finally(schedule);
}

/** What Edit does with a draft that holds other text: the reader's answer to its question. */
export type EditChoice = "replace" | "both";

/**
 * "Edit": a refused reply goes back to its article's draft, to be changed and posted again.
 * When the draft holds another comment nothing is written and it resolves "ask", unless `choice`
 * answers: either way the draft's text is kept as another version before the reply takes its
 * place; "replace" offers an Undo, "both" says where the text went. Resolves "failed" after
 * telling the reader; the draft is read inside the reply's lock, so the answer meets its text.
 * @example if ((await editReply(id)) === "ask") await editReply(id, "both");
 */
export function editReply(id: string, choice?: EditChoice): Promise<"done" | "ask" | "failed"> {
  return withOutboxLock(id, async () => {
    const r = await loadOutboxRecord(id);
    if (!r) {
      forget(id);
      return "done" as const;
    }
    const draft = await loadDraft(r.slug);
    const other = draft && hasComment(draft.fields) && draft.fields.comment !== r.fields.comment;
    if (other && !choice) return "ask" as const;
    const since = Date.now();
    const kept = other ? await keepVersion(r.slug, draft.fields, "edit", draft.title) : undefined;
    applyDraft(r.slug, await replaceDraft(r.slug, r.fields));
    await removeOutboxRecord(id);
    forget(id);
    if (other && choice === "replace") {
      // The version is dropped again on Undo only when this Edit made it.
      const made = kept && kept.savedAt >= since ? kept.id : undefined;
      const run = () => void undoEdit(r, draft.fields, made);
      notify("The draft now holds the refused reply", { action: { label: "Undo", run } });
    } else if (other) {
      notify("The refused reply is now the draft; the draft's text is kept as another version");
    }
    return "done" as const;
  })
    .catch((err) => {
      notifyFailure("Moving the reply back to its draft", err);
      return "failed" as const;
    })
    .finally(schedule);
}

/**
 * Undo of Edit's "replace": the refused reply goes back to the outbox and the draft gets back
 * `previous`. Text typed into the draft since is kept as another version, never overwritten.
 */
function undoEdit(reply: OutboxRecord, previous: DraftFields, version?: string): Promise<void> {
  return withOutboxLock(reply.id, async () => {
    const now = await loadDraft(reply.slug);
    if (now && !sameFields(now.fields, reply.fields)) {
      await keepVersion(reply.slug, now.fields, "edit", now.title);
    }
    await saveOutboxRecord(reply);
    apply(reply);
    applyDraft(reply.slug, await replaceDraft(reply.slug, previous));
    if (version) await removeVersion(version);
  })
    .then(
      () => void notify("Draft restored; the refused reply is back in the outbox"),
      (err) => notifyFailure("Restoring the draft", err),
    )
    .finally(schedule);
}
