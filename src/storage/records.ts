// How every kind of record is read and written: an adapter names its kind's current version, a
// valibot schema per version it can read, and the migrations from each version to the next. Reads
// migrate older records (and write them back under the record's lock); a record from a newer
// version is never overwritten, deleted or "repaired" (the write is refused with NewerRecordError
// and the app asks the reader to reload); a record nobody can read is set aside under another key,
// never destroyed, and counted so Settings → Your data can say so.
import { SLUG_PATTERN } from "../catalog/slug.ts";
import * as v from "valibot";
import { read, readAll, remove, write } from "./db.ts";
import { lockName, type Kind } from "./keys.ts";
import { withLock } from "./locks.ts";

/** A stored record: every one carries the version of the code that wrote it. */
export interface Versioned {
  v: number;
}

export interface Adapter<T extends Versioned> {
  kind: Kind;
  /** The version this code writes. */
  version: T["v"];
  /** The schema of each version this code reads, from 1 to `version`. */
  schemas: Readonly<Record<number, v.GenericSchema>>;
  /** `migrations[n]` turns a valid version-n record into a version-(n+1) one; pure functions. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step has its own shape
  migrations: Readonly<Record<number, (record: any) => unknown>>;
  /** Which keys hold this kind's records (others are counted as skipped). Default: any. */
  validKey?: (key: string) => boolean;
}

/**
 * The adapter of a kind still at its first version (no migrations yet): the one schema, and which
 * keys hold its records (any, when not given).
 * @example export const PositionAdapter = firstVersion<Position>("positions", PositionV1, isSlug);
 */
export function firstVersion<T extends Versioned>(
  kind: Kind,
  schema: v.GenericSchema,
  validKey?: (key: string) => boolean,
): Adapter<T> {
  return { kind, version: 1, schemas: { 1: schema }, migrations: {}, validKey };
}

/**
 * The adapter of a kind whose version 2 only widened version 1 (an optional field added, a list
 * of values grown): every version-1 record is a version-2 record once it says so.
 * @example export const DraftAdapter = secondVersion<Draft>("drafts", DraftV1, DraftV2, isSlug);
 */
export function secondVersion<T extends Versioned>(
  kind: Kind,
  v1: v.GenericSchema,
  v2: v.GenericSchema,
  validKey?: (key: string) => boolean,
): Adapter<T> {
  const migrations = { 1: (record: object) => ({ ...record, v: 2 }) };
  return { kind, version: 2 as T["v"], schemas: { 1: v1, 2: v2 }, migrations, validKey };
}

export type Decoded<T> =
  | { state: "missing" }
  | { state: "ok"; value: T; from: number }
  | { state: "newer"; version: number }
  | { state: "bad"; reason: string };

/**
 * Reads a stored value as the current version of an adapter's record, migrating older ones.
 * @example const d = decode(DraftAdapter, raw); if (d.state === "ok") use(d.value);
 */
export function decode<T extends Versioned>(adapter: Adapter<T>, raw: unknown): Decoded<T> {
  if (raw === null || raw === undefined) return { state: "missing" };
  const version =
    typeof raw === "object" && !Array.isArray(raw) ? (raw as { v?: unknown }).v : undefined;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { state: "bad", reason: "it has no version" };
  }
  if (version > adapter.version) return { state: "newer", version };
  let record: unknown = raw;
  for (let n = version; ; n++) {
    const schema = adapter.schemas[n];
    if (!schema) return { state: "bad", reason: `version ${n} is not known` };
    const parsed = v.safeParse(schema, record);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = (issue.path ?? []).map((p) => String(p.key)).join(".");
      return { state: "bad", reason: path ? `${path}: ${issue.message}` : issue.message };
    }
    if (n === adapter.version) return { state: "ok", value: parsed.output as T, from: version };
    record = adapter.migrations[n](parsed.output);
  }
}

/** Thrown when a write would touch a record saved by a newer version of Offprint. */
export class NewerRecordError extends Error {
  constructor(
    readonly kind: Kind,
    readonly key: string,
  ) {
    super("This data was saved by a newer version of Offprint. Reload to use it.");
    this.name = "NewerRecordError";
  }
}

/** What the loads so far set aside, per kind: records (or entries) unreadable, or newer. */
export const recordProblems: {
  skipped: Partial<Record<Kind, number>>;
  newer: Partial<Record<Kind, number>>;
} = { skipped: {}, newer: {} };

const newerListeners = new Set<() => void>();

/**
 * Calls `fn` whenever a record from a newer version is met (read past, or a write refused).
 * @example onNewerRecord(() => setNewerData(true));
 */
export function onNewerRecord(fn: () => void): () => void {
  newerListeners.add(fn);
  return () => newerListeners.delete(fn);
}

function metNewer(): void {
  for (const fn of newerListeners) fn();
}

/** Where an unreadable record is moved before its key is written again. */
export const SET_ASIDE_PREFIX = "set-aside:";

/**
 * Every record of a kind, as the current version, key → record. Older records are migrated (and
 * written back in the background); newer and unreadable ones are left where they are, counted.
 * @example const bookmarks = await loadAll(BookmarkAdapter);
 */
export async function loadAll<T extends Versioned>(adapter: Adapter<T>): Promise<Map<string, T>> {
  const records = new Map<string, T>();
  let bad = 0;
  let newer = 0;
  for (const [key, raw] of await readAll(adapter.kind)) {
    const d = decode(adapter, raw);
    if (d.state === "ok" && (adapter.validKey?.(key) ?? true)) {
      records.set(key, d.value);
      if (d.from < adapter.version) void migrateInPlace(adapter, key);
    } else if (d.state === "newer") newer++;
    else bad++;
  }
  recordProblems.skipped[adapter.kind] = bad;
  recordProblems.newer[adapter.kind] = newer;
  if (newer > 0) metNewer();
  return records;
}

/**
 * One record as the current version, or undefined (missing, unreadable, or newer: a write to it
 * will say so).
 */
export async function loadOne<T extends Versioned>(
  adapter: Adapter<T>,
  key: string,
): Promise<T | undefined> {
  const d = decode(adapter, await read(adapter.kind, key));
  if (d.state === "newer") metNewer();
  return d.state === "ok" ? d.value : undefined;
}

/** Writes a migrated record back, under its lock, unless something changed it meanwhile. */
function migrateInPlace<T extends Versioned>(adapter: Adapter<T>, key: string): Promise<unknown> {
  return update(adapter, key, (current, from) =>
    current && from < adapter.version ? current : KEEP,
  ).catch(() => undefined); // read again, and migrated again, next time
}

/** Returned by an update function: leave the record as it is. */
export const KEEP: unique symbol = Symbol("keep");
/** Returned by an update function: remove the record. */
export const REMOVE: unique symbol = Symbol("remove");

export type Update<T> = (current: T | undefined, from: number) => T | typeof KEEP | typeof REMOVE;

/**
 * Read-modify-write of one record under its Web Lock: `fn` gets the current record (migrated)
 * and returns the new one, KEEP or REMOVE. A newer record is refused (NewerRecordError); an
 * unreadable one is set aside under another key before its key is written. `lockHeld`: the caller
 * already holds the record's lock (Web Locks are not reentrant).
 * Resolves to the record now stored (undefined when removed or absent).
 * @example await update(BookmarkAdapter, slug, () => ({ v: 2, slug, savedAt: Date.now() }));
 */
export function update<T extends Versioned>(
  adapter: Adapter<T>,
  key: string,
  fn: Update<T>,
  options: { lockHeld?: boolean } = {},
): Promise<T | undefined> {
  const locked = (body: () => Promise<T | undefined>) =>
    options.lockHeld ? body() : withLock(lockName(adapter.kind, key), body);
  return locked(async () => {
    const raw = await read(adapter.kind, key);
    const d = decode(adapter, raw);
    if (d.state === "newer") {
      metNewer();
      throw new NewerRecordError(adapter.kind, key);
    }
    const current = d.state === "ok" ? d.value : undefined;
    const next = fn(current, d.state === "ok" ? d.from : adapter.version);
    if (next === KEEP) return current;
    if (d.state === "bad") await setAside(adapter.kind, key, raw);
    if (next === REMOVE) {
      if (d.state !== "missing") await remove(adapter.kind, key);
      return undefined;
    }
    const record = { ...next, v: adapter.version } as T;
    await write(adapter.kind, key, record);
    return record;
  });
}

/** Keeps an unreadable record under a key of its own (counted as skipped by every load). */
export async function setAside(kind: Kind, key: string, raw: unknown): Promise<void> {
  await write(kind, `${SET_ASIDE_PREFIX}${key}:${Date.now()}`, raw);
}

/** The validation of a record's key, when the key is an article's slug. */
export const SLUG = v.pipe(v.string(), v.regex(SLUG_PATTERN), v.maxLength(200));
/** A time in milliseconds since 1970. */
export const TIME = v.pipe(v.number(), v.finite(), v.minValue(0));
/** Whether a key is an article's slug. */
export const isSlug = (key: string): boolean => v.is(SLUG, key);
