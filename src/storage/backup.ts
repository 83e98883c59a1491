// The reader's data as one JSON file, and back: export reads every kind of record on the device;
// import checks a file (size, no prototype keys, schema, version), works out what it would add or
// change, and writes all of it or none (a failed write puts back every record it had replaced).
// Delete removes every Offprint database and the copies kept beside them in Web Storage.
import * as v from "valibot";
import { clear, DATABASES, read, readAll, remove, write, type Kind } from "./db.ts";
import { Bookmark, ReadChunk, SCHEMA_VERSION } from "./schema.ts";
import { chunkOf, loadReadMarks } from "./reads.ts";
import { loadBookmarks } from "./bookmarks.ts";
import { Draft, Identity, DRAFT_KEYS, loadDrafts, loadIdentity, sameFields } from "./drafts.ts";
import { Position, loadPositions } from "./positions.ts";
import { Settings, SETTINGS_KEYS, loadSettings } from "./settings.ts";
import { announce } from "./sync.ts";
import { isPending, OutboxRecord, setPendingFlag } from "./outbox.ts";

/** The largest file Import reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Keys that could reach an object's prototype: a file holding any of them is refused. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);
/** Every Web Storage key Offprint writes starts with this (settings mirror, draft safety copies…). */
export const WEB_STORAGE_PREFIX = "offprint";

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(200));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const recordKey = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  v.check((k) => !FORBIDDEN_KEYS.has(k), "reserved key"),
);

/** A JSON object of records (valibot's record alone would also take an array). */
function dict<K extends v.GenericSchema<string>, V extends v.GenericSchema>(key: K, value: V) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === "object" && x !== null && !Array.isArray(x),
      "Invalid type: Expected an object of records",
    ),
    v.record(key, value),
  );
}

/** The file "Download my data" saves and "Import" reads. */
export const Backup = v.object({
  app: v.literal("offprint"),
  schemaVersion: v.literal(SCHEMA_VERSION),
  exportedAt: v.string(),
  settings: v.nullable(Settings),
  bookmarks: dict(slug, time),
  reads: dict(slug, time),
  drafts: dict(slug, Draft),
  outbox: dict(recordKey, OutboxRecord),
  positions: v.optional(dict(slug, Position), {}),
  identity: v.optional(v.nullable(Identity), null),
});
export type Backup = v.InferOutput<typeof Backup>;

/** The kinds of data a file holds, in the order the preview lists them. */
export const BACKUP_KINDS = [
  "bookmarks",
  "reads",
  "drafts",
  "outbox",
  "positions",
  "identity",
  "settings",
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A file Import refuses, with words for the reader. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/** Import's writes failed; `restored` says whether every replaced record was put back. */
export class ImportWriteError extends Error {
  constructor(
    readonly cause: unknown,
    readonly restored: boolean,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(
      restored
        ? `The import was not applied: ${reason}. Nothing was changed.`
        : `The import failed (${reason}) and some records could not be put back.`,
    );
    this.name = "ImportWriteError";
  }
}

/** The file's name for a given day: `offprint-data-YYYY-MM-DD.json` (local date). */
export function backupFileName(day: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `offprint-data-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
}

/**
 * Everything the reader keeps on this device, as one file's content.
 * @example const text = JSON.stringify(await exportData(), null, 2);
 */
export async function exportData(now = new Date()): Promise<Backup> {
  const [settings, bookmarks, reads, drafts, outbox, positions, identity] = await Promise.all([
    loadSettings(),
    loadBookmarks(),
    loadReadMarks(),
    loadDrafts(),
    readAll("outbox"),
    loadPositions(),
    loadIdentity(),
  ]);
  const outboxRecords: Record<string, v.InferOutput<typeof OutboxRecord>> = {};
  for (const [key, value] of outbox) {
    const parsed = v.safeParse(OutboxRecord, value);
    if (parsed.success && v.is(recordKey, key) && parsed.output.id === key) {
      outboxRecords[key] = parsed.output;
    }
  }
  return {
    app: "offprint",
    schemaVersion: SCHEMA_VERSION,
    exportedAt: now.toISOString(),
    settings: settings ?? null,
    bookmarks: Object.fromEntries(bookmarks),
    reads: Object.fromEntries(reads),
    drafts: Object.fromEntries(drafts),
    outbox: outboxRecords,
    positions: Object.fromEntries(positions),
    identity: identity ?? null,
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = (issue.path ?? []).map((p) => String(p.key)).join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/**
 * Reads a file's text as a backup, or throws an ImportError that says what is wrong. JSON.parse
 * only ever creates own properties (it cannot set a prototype), and the reviver refuses the whole
 * file at the first `__proto__`, `constructor` or `prototype` key, so nothing downstream meets one.
 * @example const backup = parseBackup(await file.text());
 */
export function parseBackup(text: string): Backup {
  if (text.length > MAX_IMPORT_BYTES || byteLength(text) > MAX_IMPORT_BYTES) {
    throw new ImportError(tooLarge());
  }
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (err) {
    if (err instanceof ForbiddenKey) {
      throw new ImportError(
        `This file contains a key named “${err.key}”, which Offprint never writes. It was not imported.`,
      );
    }
    throw new ImportError("This file is not valid JSON, so it cannot be Offprint data.");
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new ImportError("This file is not Offprint data.");
  }
  const head = data as { app?: unknown; schemaVersion?: unknown };
  if (head.app !== "offprint") throw new ImportError("This file is not Offprint data.");
  if (head.schemaVersion !== SCHEMA_VERSION) {
    throw new ImportError(
      `This file has data version ${JSON.stringify(head.schemaVersion) ?? "none"}; this Offprint reads version ${SCHEMA_VERSION}. It was not imported.`,
    );
  }
  const parsed = v.safeParse(Backup, data);
  if (!parsed.success) {
    throw new ImportError(
      `This file does not hold valid Offprint data (${describeIssue(parsed.issues[0])}). It was not imported.`,
    );
  }
  return parsed.output;
}

/** The message for a file over the limit (also used before reading a too-large File at all). */
export function tooLarge(): string {
  return `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, so it cannot be Offprint data. It was not imported.`;
}

interface Write {
  kind: Kind;
  key: string;
  value: unknown;
  /** The record it replaces, undefined when there was none. */
  before: unknown;
}

export type ImportCounts = Record<BackupKind, { add: number; change: number }>;

export interface ImportPlan {
  counts: ImportCounts;
  writes: Write[];
}

/** Compares two JSON values whatever the order of their keys. */
function same(a: unknown, b: unknown): boolean {
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

/**
 * What importing `backup` would add and change on this device, and the writes that do it.
 * Import merges: records the file does not hold are kept.
 * @example const { counts } = await planImport(parseBackup(text));
 */
export async function planImport(backup: Backup): Promise<ImportPlan> {
  const counts = Object.fromEntries(
    BACKUP_KINDS.map((k) => [k, { add: 0, change: 0 }]),
  ) as ImportCounts;
  const writes: Write[] = [];
  const [reads, bookmarks, drafts, outbox, positions, identity, settings] = await Promise.all([
    readAll("reads"),
    readAll("bookmarks"),
    readAll("drafts"),
    readAll("outbox"),
    readAll("positions"),
    read("identity", DRAFT_KEYS.identity),
    read("settings", SETTINGS_KEYS.record),
  ]);
  const count = (kind: BackupKind, existed: boolean) => counts[kind][existed ? "change" : "add"]++;

  // Read marks live many to a chunk record: merge the file's marks into each chunk.
  const chunks = new Map<string, Record<string, number>>();
  for (const [s, at] of Object.entries(backup.reads)) {
    const key = chunkOf(s);
    if (!chunks.has(key)) {
      const current = v.safeParse(ReadChunk, reads.get(key));
      chunks.set(key, current.success ? { ...current.output.marks } : {});
    }
    const marks = chunks.get(key) as Record<string, number>;
    if (marks[s] === at) continue;
    count("reads", Object.prototype.hasOwnProperty.call(marks, s));
    marks[s] = at;
  }
  for (const [key, marks] of chunks) {
    const current = v.safeParse(ReadChunk, reads.get(key));
    if (current.success && same(current.output.marks, marks)) continue;
    const value: ReadChunk = { v: 1, marks };
    writes.push({ kind: "reads", key, value, before: reads.get(key) });
  }

  for (const [s, savedAt] of Object.entries(backup.bookmarks)) {
    const current = v.safeParse(Bookmark, bookmarks.get(s));
    if (current.success && current.output.savedAt === savedAt) continue;
    count("bookmarks", current.success);
    const value: Bookmark = { v: 1, slug: s, savedAt };
    writes.push({ kind: "bookmarks", key: s, value, before: bookmarks.get(s) });
  }

  for (const [s, draft] of Object.entries(backup.drafts)) {
    const current = v.safeParse(Draft, drafts.get(s));
    if (current.success && sameFields(current.output.fields, draft.fields)) continue;
    count("drafts", current.success);
    // Revisions only grow, so other tabs take the imported text as the newer one.
    const rev = current.success ? Math.max(draft.rev, current.output.rev + 1) : draft.rev;
    writes.push({ kind: "drafts", key: s, value: { ...draft, rev }, before: drafts.get(s) });
  }

  for (const [key, record] of Object.entries(backup.outbox)) {
    if (same(outbox.get(key), record)) continue;
    count("outbox", outbox.has(key));
    writes.push({ kind: "outbox", key, value: record, before: outbox.get(key) });
  }

  for (const [s, position] of Object.entries(backup.positions)) {
    const current = v.safeParse(Position, positions.get(s));
    if (current.success && current.output.progress === position.progress) continue;
    count("positions", current.success);
    writes.push({ kind: "positions", key: s, value: position, before: positions.get(s) });
  }

  const single = (kind: "identity" | "settings", key: string, value: unknown, before: unknown) => {
    if (value === null || same(before, value)) return;
    count(kind, before !== null && before !== undefined);
    writes.push({ kind, key, value, before: before ?? undefined });
  };
  single("identity", DRAFT_KEYS.identity, backup.identity, identity);
  single("settings", SETTINGS_KEYS.record, backup.settings, settings);

  return { counts, writes };
}

/**
 * Imports a backup: all of it or nothing. Works out the writes against the device as it is now,
 * writes them in turn, and if one fails puts back every record already replaced, then throws an
 * ImportWriteError. Other tabs hear of every written record.
 * @example const { counts } = await applyImport(parseBackup(text));
 */
export async function applyImport(backup: Backup): Promise<ImportPlan> {
  const plan = await planImport(backup);
  const done: Write[] = [];
  try {
    for (const w of plan.writes) {
      done.push(w); // before the write: a half-finished one is put back too
      await write(w.kind, w.key, w.value);
    }
  } catch (err) {
    let restored = true;
    for (const w of done.reverse()) {
      try {
        if (w.before === undefined) await remove(w.kind, w.key);
        else await write(w.kind, w.key, w.before);
      } catch {
        restored = false;
      }
    }
    throw new ImportWriteError(err, restored);
  }
  const rev = Date.now();
  for (const w of plan.writes) announce({ kind: w.kind, key: w.key, rev });
  // An imported reply still waiting to be sent goes out at the next start, from any page.
  const waiting = plan.writes.some(
    (w) => w.kind === "outbox" && isPending(w.value as OutboxRecord),
  );
  if (waiting) setPendingFlag(true);
  return plan;
}

function clearWebStorage(storage: () => Storage): void {
  try {
    const s = storage();
    const keys: string[] = [];
    for (let i = 0; i < s.length; i++) {
      const k = s.key(i);
      if (k?.startsWith(WEB_STORAGE_PREFIX)) keys.push(k);
    }
    for (const k of keys) s.removeItem(k);
  } catch {
    // Web Storage blocked: there is nothing of ours in it.
  }
}

/**
 * Deletes everything Offprint keeps on this device: every database, and the settings mirror,
 * draft safety copies and scroll positions in Web Storage. Other tabs hear of each removed record.
 * Rejects (after deleting all it could) if a database could not be cleared.
 * @example await deleteAllData();
 */
export async function deleteAllData(): Promise<void> {
  const kinds = Object.keys(DATABASES) as Kind[];
  const keys = await Promise.all(
    kinds.map((k) =>
      readAll(k).then(
        (all) => [...all.keys()],
        () => [] as string[],
      ),
    ),
  );
  const results = await Promise.allSettled(kinds.map((k) => clear(k)));
  clearWebStorage(() => localStorage);
  clearWebStorage(() => sessionStorage);
  const rev = Date.now();
  kinds.forEach((kind, i) => {
    for (const key of keys[i]) announce({ kind, key, rev });
  });
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}
