// The file "Download my data" saves and "Import" reads: its format, its versions and their
// migrations, export, and the checks a file must pass (size, no prototype keys, its schema, every
// record through its kind's adapter, so records of older versions are migrated like stored ones).
// What an import then changes on the device is ./import.ts; deleting everything is ./wipe.ts.
import * as v from "valibot";
import { decode, type Adapter, type Versioned } from "./records.ts";
import { loadReadMarks } from "./reads.ts";
import { BookmarkAdapter, loadBookmarkRecords, type Bookmark } from "./bookmarks.ts";
import { COMMENT_LIMIT, DraftAdapter, loadDrafts, type Draft } from "./drafts.ts";
import { IdentityAdapter, loadIdentity, type Identity } from "./identity.ts";
import { PositionAdapter, loadPositions, type Position } from "./positions.ts";
import { SettingsAdapter, loadSettings, type Settings } from "./settings.ts";
import { OutboxAdapter, isPending, loadOutbox, loadSentIds, type OutboxRecord } from "./outbox.ts";
import { VersionAdapter, loadVersions, type DraftVersion } from "./versions.ts";
import { validateReply } from "./reply-validation.ts";
import { HighlightsAdapter, loadAllHighlights, type ArticleHighlights } from "./highlights.ts";
import { SLUG, TIME } from "./records.ts";

/** The version of the file format this code writes; files of versions 1 … this one import. */
export const BACKUP_VERSION = 3;
/** The largest file Import reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Keys that could reach an object's prototype: a file holding any of them is refused. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  "__proto__",
  "constructor",
  "prototype",
]);

const recordKey = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  v.check((k) => !FORBIDDEN_KEYS.has(k), "reserved key"),
);

/** A JSON object of entries (valibot's record alone would also take an array). */
function dict<K extends v.GenericSchema<string>, V extends v.GenericSchema>(key: K, value: V) {
  return v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === "object" && x !== null && !Array.isArray(x),
      "Invalid type: Expected an object of records",
    ),
    v.record(key, value),
  );
}

/** Any value: each record is checked by its kind's adapter afterwards. */
const anyRecord = v.custom<unknown>(() => true);

/** Version 1 (Offprint before per-kind record versions): bookmarks were slug → time. */
const BackupV1 = v.object({
  app: v.literal("offprint"),
  schemaVersion: v.literal(1),
  exportedAt: v.string(),
  settings: v.nullable(anyRecord),
  bookmarks: dict(SLUG, TIME),
  reads: dict(SLUG, TIME),
  drafts: dict(SLUG, anyRecord),
  outbox: dict(recordKey, anyRecord),
  positions: v.optional(dict(SLUG, anyRecord), {}),
  identity: v.optional(v.nullable(anyRecord), null),
});

/** Version 2: every record as stored, with its own version; sent clientIds; second versions. */
const BackupV2 = v.object({
  app: v.literal("offprint"),
  schemaVersion: v.literal(2),
  exportedAt: v.string(),
  settings: v.nullable(anyRecord),
  bookmarks: dict(SLUG, anyRecord),
  reads: dict(SLUG, TIME),
  drafts: dict(SLUG, anyRecord),
  outbox: dict(recordKey, anyRecord),
  positions: dict(SLUG, anyRecord),
  identity: v.nullable(anyRecord),
  sent: dict(recordKey, TIME),
  versions: dict(recordKey, anyRecord),
});

/** Version 3: highlights and their notes (an older Offprint refuses the file, never drops them). */
const BackupV3 = v.object({
  ...BackupV2.entries,
  schemaVersion: v.literal(3),
  highlights: dict(SLUG, anyRecord),
});

const FILE_SCHEMAS: Record<number, v.GenericSchema> = { 1: BackupV1, 2: BackupV2, 3: BackupV3 };

/** File migrations: `FILE_MIGRATIONS[n]` turns a version-n file into a version-(n+1) one. */
export const FILE_MIGRATIONS: Record<number, (file: never) => unknown> = {
  1: (file: v.InferOutput<typeof BackupV1>) => ({
    ...file,
    schemaVersion: 2,
    bookmarks: Object.fromEntries(
      Object.entries(file.bookmarks).map(([slug, savedAt]) => [slug, { v: 1, slug, savedAt }]),
    ),
    positions: file.positions ?? {},
    identity: file.identity ?? null,
    sent: {},
    versions: {},
  }),
  2: (file: v.InferOutput<typeof BackupV2>) => ({ ...file, schemaVersion: 3, highlights: {} }),
};

/** A backup as this code uses it: every record checked and at its kind's current version. */
export interface Backup {
  app: "offprint";
  schemaVersion: typeof BACKUP_VERSION;
  exportedAt: string;
  settings: Settings | null;
  bookmarks: Record<string, Bookmark>;
  reads: Record<string, number>;
  drafts: Record<string, Draft>;
  outbox: Record<string, OutboxRecord>;
  positions: Record<string, Position>;
  identity: Identity | null;
  sent: Record<string, number>;
  versions: Record<string, DraftVersion>;
  highlights: Record<string, ArticleHighlights>;
  /** Records of the file left out, each with its reason ("outbox.abc: comment: …"). */
  rejected: string[];
}

/** The kinds of data a file holds, in the order the preview lists them. */
export const BACKUP_KINDS = [
  "bookmarks",
  "reads",
  "drafts",
  "outbox",
  "positions",
  "identity",
  "settings",
  "versions",
  "highlights",
] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A file Import refuses, with words for the reader. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
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
  const [
    settings,
    bookmarks,
    reads,
    drafts,
    outbox,
    positions,
    identity,
    sent,
    versions,
    highlights,
  ] = await Promise.all([
    loadSettings(),
    loadBookmarkRecords(),
    loadReadMarks(),
    loadDrafts(),
    loadOutbox(),
    loadPositions(),
    loadIdentity(),
    loadSentIds(),
    loadVersions(),
    loadAllHighlights(),
  ]);
  return {
    app: "offprint",
    schemaVersion: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: settings ?? null,
    bookmarks: Object.fromEntries(bookmarks),
    reads: Object.fromEntries(reads),
    drafts: Object.fromEntries(drafts),
    outbox: Object.fromEntries(outbox),
    positions: Object.fromEntries(positions),
    identity: identity ?? null,
    sent: Object.fromEntries(sent),
    versions: Object.fromEntries(versions),
    highlights: Object.fromEntries(highlights),
    rejected: [],
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
 * Every record of a section through its adapter. A record that fails is left out, and the reason
 * (naming the record) goes to `rejected`: the rest of the file still imports.
 */
function records<T extends Versioned>(
  rejected: string[],
  section: string,
  adapter: Adapter<T>,
  entries: Record<string, unknown>,
  check: (key: string, record: T) => string | undefined = () => undefined,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, raw] of Object.entries(entries)) {
    const d = decode(adapter, raw);
    const reason =
      d.state === "ok"
        ? check(key, d.value)
        : d.state === "newer"
          ? `saved by a newer version of Offprint (record version ${d.version})`
          : d.state === "bad"
            ? d.reason
            : "empty";
    if (reason) rejected.push(`${section}.${key}: ${reason}`);
    else if (d.state === "ok") out[key] = d.value;
  }
  return out;
}

function single<T extends Versioned>(
  rejected: string[],
  section: string,
  adapter: Adapter<T>,
  raw: unknown,
): T | null {
  if (raw === null) return null;
  return records(rejected, section, adapter, { record: raw }).record ?? null;
}

/** What keeps an imported reply from the outbox: the same rules as the form's, and its key. */
function replyProblem(key: string, r: OutboxRecord): string | undefined {
  if (r.id !== key) return `the key is not the reply's id (${r.id})`;
  if (!isPending(r)) return undefined; // sent or refused: kept to be read, never sent
  const errors = validateReply(r.fields, COMMENT_LIMIT);
  const first = Object.entries(errors)[0];
  return first ? `${first[0]}: ${first[1]}` : undefined;
}

/**
 * Reads a file's text as a backup, or throws an ImportError that says what is wrong. Files of
 * older format versions are migrated; a file from a newer version is refused. JSON.parse only
 * ever creates own properties, and the reviver refuses the whole file at the first `__proto__`,
 * `constructor` or `prototype` key, so nothing downstream meets one.
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
  const version = head.schemaVersion;
  if (typeof version === "number" && Number.isInteger(version) && version > BACKUP_VERSION) {
    throw new ImportError(
      `This file was saved by a newer version of Offprint (schema ${version}); update this page and try again.`,
    );
  }
  if (typeof version !== "number" || !FILE_SCHEMAS[version]) {
    throw new ImportError(
      `This file has data version ${JSON.stringify(version) ?? "none"}, which Offprint does not know. It was not imported.`,
    );
  }
  let file: unknown = data;
  for (let n = version; ; n++) {
    const parsed = v.safeParse(FILE_SCHEMAS[n], file);
    if (!parsed.success) {
      throw new ImportError(
        `This file does not hold valid Offprint data (${describeIssue(parsed.issues[0])}). It was not imported.`,
      );
    }
    file = parsed.output;
    if (n === BACKUP_VERSION) break;
    file = FILE_MIGRATIONS[n](file as never);
  }
  const f = file as v.InferOutput<typeof BackupV3>;
  const rejected: string[] = [];
  return {
    app: "offprint",
    schemaVersion: BACKUP_VERSION,
    exportedAt: f.exportedAt,
    settings: single(rejected, "settings", SettingsAdapter, f.settings),
    bookmarks: records(rejected, "bookmarks", BookmarkAdapter, f.bookmarks, (key, b) =>
      b.slug === key ? undefined : `the key is not the bookmark's slug (${b.slug})`,
    ),
    reads: f.reads,
    drafts: records(rejected, "drafts", DraftAdapter, f.drafts),
    outbox: records(rejected, "outbox", OutboxAdapter, f.outbox, replyProblem),
    positions: records(rejected, "positions", PositionAdapter, f.positions),
    identity: single(rejected, "identity", IdentityAdapter, f.identity),
    sent: f.sent,
    versions: records(rejected, "versions", VersionAdapter, f.versions, (key, d) =>
      d.id === key ? undefined : `the key is not the version's id (${d.id})`,
    ),
    highlights: records(rejected, "highlights", HighlightsAdapter, f.highlights, (key, h) =>
      h.slug === key ? undefined : `the key is not the article's slug (${h.slug})`,
    ),
    rejected,
  };
}

/** The message for a file over the limit (also used before reading a too-large File at all). */
export function tooLarge(): string {
  return `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, so it cannot be Offprint data. It was not imported.`;
}
