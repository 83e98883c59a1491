// What importing a backup does to this device. Import merges and never regresses: for each
// record the newer one (by its own timestamp or revision) wins; a draft the file holds in an older,
// different version is kept as a second version beside the device's, never written over it; a
// reply this device ever sent is never queued again. The writes go in under the same Web Locks
// the stores take, one IndexedDB transaction per kind, after a journal record that holds what each
// write replaces: an import cut short (a tab closed) is rolled back on the next start, and a
// finished one can be undone exactly ("Undo import"), record by record, unless a record was
// changed again since (then the newer record is kept).
import * as v from "valibot";
import { read, readAll } from "./db.ts";
import { writeBatch } from "./batch.ts";
import { lockName, RECORD_KEYS, WEB_KEYS, type Kind } from "./keys.ts";
import { withLocks } from "./locks.ts";
import { decode, loadOne, type Adapter, firstVersion } from "./records.ts";
import { chunkOf, goodMarks, ReadChunkAdapter, type ReadChunk } from "./reads.ts";
import { BookmarkAdapter } from "./bookmarks.ts";
import { DraftAdapter, sameFields, type Draft } from "./drafts.ts";
import { IdentityAdapter } from "./identity.ts";
import { PositionAdapter } from "./positions.ts";
import { SettingsAdapter } from "./settings.ts";
import {
  isPending,
  loadOutbox,
  OutboxAdapter,
  SentAdapter,
  pendingFlag,
  setPendingFlag,
  type OutboxRecord,
} from "./outbox.ts";
import { KEPT_VERSION, VersionAdapter, type DraftVersion } from "./versions.ts";
import { HighlightsAdapter, mergeHighlights, noteHighlightsKept } from "./highlights.ts";
import { announce } from "./sync.ts";
import { BACKUP_KINDS, type Backup, type BackupKind } from "./backup.ts";

/** One record an import writes: what it holds after, and what it held before (null: nothing). */
export interface Write {
  kind: Kind;
  key: string;
  after: unknown;
  before: unknown;
}

export type ImportCounts = Record<BackupKind, { add: number; change: number }>;

/** A draft the import would change, or keep because the device's is newer. */
export interface DraftChange {
  slug: string;
  /** "replaced": the file's newer text goes in, the device's is kept as a second version.
   *  "kept": the device's newer text stays, the file's is kept as a second version. */
  outcome: "added" | "replaced" | "kept";
  deviceAt?: number;
  fileAt: number;
}

export interface ImportPlan {
  counts: ImportCounts;
  drafts: DraftChange[];
  /** Replies in the file this device already sent: never queued again. */
  alreadySent: number;
  /** Records of the file left out, with the reason. */
  rejected: string[];
  writes: Write[];
}

/** Compares two JSON values whatever the order of their keys. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(b, k) &&
      same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** The keys an import of `backup` may write, per kind (the locks it takes). */
function keysOf(backup: Backup): [Kind, string][] {
  const keys: [Kind, string][] = [];
  for (const slug of new Set(Object.keys(backup.reads).map(chunkOf))) keys.push(["reads", slug]);
  for (const slug of Object.keys(backup.bookmarks)) keys.push(["bookmarks", slug]);
  for (const slug of Object.keys(backup.drafts)) keys.push(["drafts", slug]);
  for (const id of Object.keys(backup.outbox)) keys.push(["outbox", id]);
  for (const slug of Object.keys(backup.positions)) keys.push(["positions", slug]);
  for (const slug of Object.keys(backup.highlights)) keys.push(["highlights", slug]);
  if (backup.identity) keys.push(["identity", RECORD_KEYS.identity]);
  if (backup.settings) keys.push(["settings", RECORD_KEYS.settings]);
  keys.push(["sent", RECORD_KEYS.sent]);
  return keys;
}

/**
 * The device as one plan sees it: each kind read once, in one cursor pass, on first use (a file
 * of 10,000 bookmarks costs one read of the bookmarks, not 10,000).
 */
function deviceReader() {
  const kinds = new Map<Kind, Promise<Map<string, unknown>>>();
  return async <T extends { v: number }>(adapter: Adapter<T>, key: string) => {
    let all = kinds.get(adapter.kind);
    if (!all) kinds.set(adapter.kind, (all = readAll(adapter.kind)));
    const raw = (await all).get(key) ?? null;
    return { raw, decoded: decode(adapter, raw) };
  };
}

const versionId = (slug: string, at: number, n: number) =>
  `${slug}:${at.toString(36)}-i${n.toString(36)}`;

/**
 * What importing `backup` would add and change on this device, and the writes that do it.
 * Records the file does not hold are kept; records from a newer version of Offprint are left as
 * they are (never written over).
 * @example const { counts } = await planImport(parseBackup(text));
 */
export async function planImport(backup: Backup): Promise<ImportPlan> {
  const counts = Object.fromEntries(
    BACKUP_KINDS.map((k) => [k, { add: 0, change: 0 }]),
  ) as ImportCounts;
  const plan: ImportPlan = {
    counts,
    drafts: [],
    alreadySent: 0,
    rejected: [...backup.rejected],
    writes: [],
  };
  const now = Date.now();
  const stored = deviceReader();
  let versionCount = 0;
  const put = (kind: Kind, key: string, after: unknown, before: unknown) =>
    plan.writes.push({ kind, key, after, before });
  const keepAsVersion = (slug: string, draft: Draft) => {
    const id = versionId(slug, now, versionCount++);
    const version: DraftVersion = {
      v: KEPT_VERSION,
      id,
      slug,
      fields: { ...draft.fields },
      savedAt: draft.updatedAt,
      reason: "import",
      ...(draft.title ? { title: draft.title } : {}),
    };
    put("versions", id, version, null);
    counts.versions.add++;
  };

  // Read marks, many to a chunk record: add the file's marks the device lacks.
  const byChunk = new Map<string, [string, number][]>();
  for (const [slug, at] of Object.entries(backup.reads)) {
    const key = chunkOf(slug);
    byChunk.set(key, [...(byChunk.get(key) ?? []), [slug, at]]);
  }
  for (const [key, marks] of byChunk) {
    const { raw, decoded } = await stored(ReadChunkAdapter, key);
    if (decoded.state === "newer") continue;
    const current = decoded.state === "ok" ? decoded.value : undefined;
    const known = goodMarks(current).marks;
    const next: ReadChunk = { v: 1, marks: { ...current?.marks } };
    let added = 0;
    for (const [slug, at] of marks) {
      if (known.has(slug)) continue;
      next.marks[slug] = at;
      added++;
    }
    if (added === 0) continue;
    counts.reads.add += added;
    put("reads", key, next, decoded.state === "bad" ? null : raw);
  }

  for (const [slug, bookmark] of Object.entries(backup.bookmarks)) {
    const { raw, decoded } = await stored(BookmarkAdapter, slug);
    if (decoded.state === "ok" || decoded.state === "newer") continue; // kept as the device has it
    counts.bookmarks.add++;
    put("bookmarks", slug, bookmark, raw);
  }

  for (const [slug, draft] of Object.entries(backup.drafts)) {
    const { raw, decoded } = await stored(DraftAdapter, slug);
    if (decoded.state === "newer") continue;
    const current = decoded.state === "ok" ? decoded.value : undefined;
    if (current && sameFields(current.fields, draft.fields)) continue;
    const empty = draft.fields.comment === "" && draft.fields.name === "";
    if (!current) {
      if (empty) continue;
      counts.drafts.add++;
      plan.drafts.push({ slug, outcome: "added", fileAt: draft.updatedAt });
      put("drafts", slug, { ...draft, v: DraftAdapter.version }, raw);
    } else if (draft.updatedAt > current.updatedAt) {
      // The file's text is newer: it goes in above every rev other tabs know; the device's stays.
      counts.drafts.change++;
      plan.drafts.push({
        slug,
        outcome: "replaced",
        deviceAt: current.updatedAt,
        fileAt: draft.updatedAt,
      });
      put(
        "drafts",
        slug,
        { ...draft, v: DraftAdapter.version, rev: Math.max(draft.rev, current.rev + 1) },
        raw,
      );
      if (current.fields.comment.trim()) keepAsVersion(slug, current);
    } else if (!empty && draft.fields.comment.trim()) {
      plan.drafts.push({
        slug,
        outcome: "kept",
        deviceAt: current.updatedAt,
        fileAt: draft.updatedAt,
      });
      keepAsVersion(slug, draft);
    }
  }

  const sentStored = await stored(SentAdapter, RECORD_KEYS.sent);
  const sent = sentStored.decoded.state === "ok" ? sentStored.decoded.value : undefined;
  const sentIds = new Map<string, number>(Object.entries(sent?.ids ?? {}));
  for (const [id, at] of Object.entries(backup.sent)) if (!sentIds.has(id)) sentIds.set(id, at);
  for (const [id, record] of Object.entries(backup.outbox)) {
    const { raw, decoded } = await stored(OutboxAdapter, id);
    if (decoded.state === "newer") continue;
    const current = decoded.state === "ok" ? decoded.value : undefined;
    const incoming: OutboxRecord =
      record.state === "sending" ? { ...record, state: "waiting" } : record; // that tab is gone
    if (isPending(incoming) && sentIds.has(id)) {
      plan.alreadySent++;
      continue;
    }
    if (current) {
      // Never from sent or refused back to waiting; otherwise the newer record wins.
      if (!isPending(current) && isPending(incoming)) continue;
      if (incoming.updatedAt <= current.updatedAt || same(current, incoming)) continue;
      counts.outbox.change++;
    } else counts.outbox.add++;
    put("outbox", id, incoming, raw);
  }
  if (sentIds.size > Object.keys(sent?.ids ?? {}).length && sentStored.decoded.state !== "newer") {
    put("sent", RECORD_KEYS.sent, { v: 1, ids: Object.fromEntries(sentIds) }, sentStored.raw);
  }

  for (const [slug, position] of Object.entries(backup.positions)) {
    const { raw, decoded } = await stored(PositionAdapter, slug);
    if (decoded.state === "newer") continue;
    const current = decoded.state === "ok" ? decoded.value : undefined;
    if (current && current.updatedAt >= position.updatedAt) continue;
    counts.positions[current ? "change" : "add"]++;
    put("positions", slug, position, raw);
  }

  // Identity and settings carry no time: the device's own are kept; the file's fill a gap.
  for (const [kind, adapter, key, value] of [
    ["identity", IdentityAdapter, RECORD_KEYS.identity, backup.identity],
    ["settings", SettingsAdapter, RECORD_KEYS.settings, backup.settings],
  ] as const) {
    if (!value) continue;
    const { raw, decoded } = await stored(adapter as Adapter<{ v: number }>, key);
    if (decoded.state === "ok" || decoded.state === "newer") continue;
    counts[kind].add++;
    put(kind, key, value, raw);
  }

  for (const [id, version] of Object.entries(backup.versions)) {
    const { raw, decoded } = await stored(VersionAdapter, id);
    if (decoded.state !== "missing") continue;
    counts.versions.add++;
    put("versions", id, version, raw);
  }

  // Highlights merge one by one: every id once, the later `updatedAt` winning on either side.
  for (const [slug, file] of Object.entries(backup.highlights)) {
    const { raw, decoded } = await stored(HighlightsAdapter, slug);
    if (decoded.state === "newer") continue;
    const current = decoded.state === "ok" ? decoded.value : undefined;
    const merged = mergeHighlights(current?.highlights ?? [], file.highlights);
    const known = new Map((current?.highlights ?? []).map((h) => [h.id, h]));
    const added = merged.filter((h) => !known.has(h.id)).length;
    const changed = merged.filter((h) => known.has(h.id) && known.get(h.id) !== h).length;
    if (added + changed === 0) continue;
    counts.highlights.add += added;
    counts.highlights.change += changed;
    const title = current?.title ?? file.title;
    put(
      "highlights",
      slug,
      { v: HighlightsAdapter.version, slug, ...(title ? { title } : {}), highlights: merged },
      decoded.state === "bad" ? null : raw,
    );
  }
  return plan;
}

const JournalV1 = v.object({
  v: v.literal(1),
  state: v.picklist(["applying", "applied"]),
  at: v.number(),
  // Written only by this module: its shape is checked where it is written.
  writes: v.custom<Write[]>(Array.isArray),
});
type Journal = v.InferOutput<typeof JournalV1>;

const JournalAdapter = firstVersion<Journal>("journal", JournalV1);

/** Writes records kind by kind, each kind in one transaction. */
async function writeAll(entries: { kind: Kind; key: string; value: unknown }[]): Promise<void> {
  const byKind = new Map<Kind, { puts: [string, unknown][]; removes: string[] }>();
  for (const { kind, key, value } of entries) {
    const batch = byKind.get(kind) ?? { puts: [], removes: [] };
    if (value === null || value === undefined) batch.removes.push(key);
    else batch.puts.push([key, value]);
    byKind.set(kind, batch);
  }
  for (const [kind, { puts, removes }] of byKind) await writeBatch(kind, puts, removes);
}

function announceAll(writes: { kind: Kind; key: string }[]): void {
  const rev = Date.now();
  for (const w of writes) announce({ kind: w.kind, key: w.key, rev });
}

/** Import's writes failed; nothing of it stays (the journal puts back what was written). */
export class ImportWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly restored: boolean,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      restored
        ? `The import was not applied: ${reason}. Nothing was changed.`
        : `The import failed (${reason}); it will be undone the next time Offprint starts.`,
    );
    this.name = "ImportWriteError";
  }
}

/**
 * Imports a backup, all of it or nothing, under the stores' locks: journal first, then one
 * transaction per kind, then the journal marked applied (which Undo reads). Other tabs hear of
 * every written record.
 * @example const { counts } = await applyImport(parseBackup(text));
 */
export async function applyImport(backup: Backup): Promise<ImportPlan> {
  await recoverImport(); // an earlier import cut short is undone before another starts
  const locks = keysOf(backup).map(([kind, key]) => lockName(kind, key));
  return withLocks([...locks, lockName("journal", RECORD_KEYS.journal)], async () => {
    const plan = await planImport(backup);
    if (plan.writes.length === 0) return plan;
    const journal: Journal = { v: 1, state: "applying", at: Date.now(), writes: plan.writes };
    setFlag(true);
    await writeBatch("journal", [[RECORD_KEYS.journal, journal]]).catch((err: unknown) => {
      setFlag(false); // nothing was written
      throw err;
    });
    // A reply the import queues goes out at the next start: flagged before its record is written,
    // so a tab closed right after the last write still sends it (a roll-back sets the flag again
    // from what the outbox then holds).
    const flagBefore = pendingFlag();
    if (plan.writes.some((w) => w.kind === "outbox" && isPending(w.after as OutboxRecord))) {
      setPendingFlag(true);
    }
    try {
      await writeAll(plan.writes.map((w) => ({ kind: w.kind, key: w.key, value: w.after })));
      await writeBatch("journal", [[RECORD_KEYS.journal, { ...journal, state: "applied" }]]);
    } catch (err) {
      const restored = await rollBack(journal, flagBefore).then(
        () => true,
        () => false,
      );
      if (restored) setFlag(false); // else the next start rolls back what is left
      throw new ImportWriteError(err, restored);
    }
    setFlag(false);
    if (plan.writes.some((w) => w.kind === "highlights")) noteHighlightsKept();
    announceAll(plan.writes);
    return plan;
  });
}

/** Tells the next start to look at the journal (a synchronous flag: no database read at start). */
function setFlag(on: boolean): void {
  try {
    if (on) localStorage.setItem(WEB_KEYS.importPending, "1");
    else localStorage.removeItem(WEB_KEYS.importPending);
  } catch {
    // Storage blocked: the next import still recovers this one first.
  }
}

/** Raises the outbox's start-up flag when a reply waits after records were put back, else drops it. */
async function flagWaitingReplies(writes: { kind: Kind }[]): Promise<void> {
  if (!writes.some((w) => w.kind === "outbox")) return;
  // Unreadable, the flag stays up: the outbox then looks for itself at the next start.
  const waiting = await loadOutbox().then(
    (all) => [...all.values()].some(isPending),
    () => true,
  );
  setPendingFlag(waiting);
}

/**
 * Puts back what a journal's writes replaced, then forgets the journal. `flag`: the outbox flag as
 * it was before the import, when known (in the same page); else it is set from the outbox.
 */
async function rollBack(journal: Journal, flag?: boolean): Promise<void> {
  const writes = journal.writes as { kind: Kind; key: string }[];
  await writeAll(
    journal.writes.map((w) => ({ kind: w.kind as Kind, key: w.key, value: w.before })),
  );
  if (flag === undefined) await flagWaitingReplies(writes);
  else setPendingFlag(flag);
  await writeBatch("journal", [], [RECORD_KEYS.journal]);
  announceAll(writes);
}

/**
 * At start: an import a closed tab left half written is rolled back. Resolves to whether one was.
 * @example if (await recoverImport()) notify("An interrupted import was undone");
 */
export async function recoverImport(): Promise<boolean> {
  const journal = await loadOne(JournalAdapter, RECORD_KEYS.journal);
  if (journal?.state !== "applying") return (setFlag(false), false);
  const locks = journal.writes.map((w) => lockName(w.kind as Kind, w.key));
  return withLocks([...locks, lockName("journal", RECORD_KEYS.journal)], async () => {
    const again = await loadOne(JournalAdapter, RECORD_KEYS.journal);
    if (again?.state !== "applying") return false; // another tab did it
    await rollBack(again);
    setFlag(false);
    return true;
  });
}

/** When the last finished import happened, if it can still be undone. */
export async function lastImport(): Promise<number | undefined> {
  const journal = await loadOne(JournalAdapter, RECORD_KEYS.journal);
  return journal?.state === "applied" ? journal.at : undefined;
}

/**
 * "Undo import": puts back every record the last import replaced, exactly, except records
 * changed again since (those keep their newer text). Resolves to how many were kept that way.
 * @example const changedSince = await undoImport();
 */
export async function undoImport(): Promise<number> {
  const journal = await loadOne(JournalAdapter, RECORD_KEYS.journal);
  if (journal?.state !== "applied") return 0;
  const locks = journal.writes.map((w) => lockName(w.kind as Kind, w.key));
  return withLocks([...locks, lockName("journal", RECORD_KEYS.journal)], async () => {
    const restore: { kind: Kind; key: string; value: unknown }[] = [];
    let changedSince = 0;
    for (const w of journal.writes) {
      const kind = w.kind as Kind;
      if (same(await read(kind, w.key), w.after))
        restore.push({ kind, key: w.key, value: w.before });
      else changedSince++;
    }
    await writeAll(restore);
    await writeBatch("journal", [], [RECORD_KEYS.journal]);
    announceAll(restore);
    await flagWaitingReplies(restore);
    return changedSince;
  });
}
