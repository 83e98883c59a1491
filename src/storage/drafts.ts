// Reply drafts, one record per article in the `offprint-drafts` database, keyed by the article's
// slug: `{ v, rev, fields, updatedAt }`. `rev` grows with every write, so two tabs can tell whose
// text is newer. Beside it, a synchronous safety copy per article in localStorage holds the fields
// being edited until IndexedDB has them (a debounced write can be cut short by a reload or a kill).
// The remembered identity (name, email, website) lives in the `offprint-identity` database.
import * as v from "valibot";
import { read, readAll, remove, write } from "./db.ts";
import { validRecords } from "./schema.ts";
import { withLock } from "./locks.ts";
import { announce } from "./sync.ts";

/** Every storage key this file uses, in one place. */
export const DRAFT_KEYS = {
  /** localStorage key prefix of a safety copy; the slug follows. */
  safetyPrefix: "offprint-draft-safety:",
  /** The one record of the `offprint-identity` database. */
  identity: "identity",
} as const;

/** The longest comment the form accepts; longer text is kept, flagged, never cut. */
export const COMMENT_LIMIT = 20_000;

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(200));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const rev = v.pipe(v.number(), v.integer(), v.minValue(0));
// Generous bounds: a comment past the limit must still be kept, but not without end.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const DraftFields = v.object({
  comment: text(1_000_000),
  name: text(10_000),
  email: text(10_000),
  website: text(10_000),
});
export type DraftFields = v.InferOutput<typeof DraftFields>;

/** A stored draft. A draft whose fields are all empty is a discarded one (its rev lives on). */
export const Draft = v.object({ v: v.literal(1), rev, fields: DraftFields, updatedAt: time });
export type Draft = v.InferOutput<typeof Draft>;

/**
 * The localStorage safety copy: the fields this tab is about to write as `rev`. `base` is the
 * newest stored rev the text was built on, `inflight` a rev this tab had started writing: a stored
 * rev that is neither came from another writer, so it is not overwritten without asking.
 */
const SafetyCopy = v.object({
  v: v.literal(1),
  slug,
  rev,
  base: rev,
  inflight: v.optional(rev),
  fields: DraftFields,
  updatedAt: time,
});
export type SafetyCopy = Omit<v.InferOutput<typeof SafetyCopy>, "v" | "slug">;

export const Identity = v.object({
  v: v.literal(1),
  name: text(10_000),
  email: text(10_000),
  website: text(10_000),
});
export type Identity = v.InferOutput<typeof Identity>;

export const EMPTY_FIELDS: DraftFields = Object.freeze({
  comment: "",
  name: "",
  email: "",
  website: "",
});

/** Whether two sets of fields hold exactly the same text. */
export function sameFields(a: DraftFields, b: DraftFields): boolean {
  return (
    a.comment === b.comment && a.name === b.name && a.email === b.email && a.website === b.website
  );
}

/** Whether a draft is worth listing: it has a comment. */
export function hasComment(fields: DraftFields): boolean {
  return fields.comment.trim() !== "";
}

/**
 * Every draft record on the device (discarded ones included), slug → draft.
 * @example const drafts = await loadDrafts(); drafts.get("some-slug")?.fields.comment;
 */
export async function loadDrafts(): Promise<Map<string, Draft>> {
  const records = validRecords("drafts", await readAll("drafts"), Draft);
  for (const key of records.keys()) if (!v.is(slug, key)) records.delete(key);
  return records;
}

/** One article's draft record, or undefined. */
export async function loadDraft(key: string): Promise<Draft | undefined> {
  const parsed = v.safeParse(Draft, await read("drafts", key));
  return parsed.success ? parsed.output : undefined;
}

export type SaveResult = { saved: Draft } | { conflict: Draft };

/**
 * Writes a draft unless another writer got there first: when the stored rev is newer than `base`
 * (the rev this writer last saw) and holds other text, nothing is written and the stored draft
 * comes back as a conflict. Resolves once IndexedDB has the record; rejects when it cannot.
 * @example const r = await saveDraft("some-slug", 3, { v: 1, rev: 4, fields, updatedAt: Date.now() });
 */
export function saveDraft(key: string, base: number, draft: Draft): Promise<SaveResult> {
  return withLock(`offprint-drafts-${key}`, async () => {
    const current = await loadDraft(key);
    if (current && current.rev >= draft.rev && sameFields(current.fields, draft.fields)) {
      return { saved: current };
    }
    if (current && current.rev > base && !sameFields(current.fields, draft.fields)) {
      return { conflict: current };
    }
    const record: Draft = { ...draft, rev: Math.max(draft.rev, (current?.rev ?? 0) + 1) };
    await write("drafts", key, record);
    announce({ kind: "drafts", key, rev: record.rev });
    return { saved: record };
  });
}

/**
 * Writes `fields` as the newest rev whatever is stored (discard and undo: the reader asked).
 * @example const discarded = await replaceDraft("some-slug", EMPTY_FIELDS);
 */
export function replaceDraft(key: string, fields: DraftFields): Promise<Draft> {
  return withLock(`offprint-drafts-${key}`, async () => {
    const current = await loadDraft(key);
    const safety = readSafetyCopy(key);
    const newest = Math.max(current?.rev ?? 0, safety?.rev ?? 0);
    const record: Draft = { v: 1, rev: newest + 1, fields, updatedAt: Date.now() };
    await write("drafts", key, record);
    clearSafetyCopy(key, record.rev, true);
    announce({ kind: "drafts", key, rev: record.rev });
    return record;
  });
}

function safetyKey(key: string): string {
  return DRAFT_KEYS.safetyPrefix + key;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // access itself can throw where storage is blocked
  }
}

/**
 * Synchronously keeps the fields being edited, before any await; returns false if it could not.
 * @example writeSafetyCopy("some-slug", { rev: 5, base: 4, fields, updatedAt: Date.now() });
 */
export function writeSafetyCopy(key: string, copy: SafetyCopy): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(safetyKey(key), JSON.stringify({ v: 1, slug: key, ...copy }));
    return true;
  } catch {
    return false;
  }
}

/** The safety copy of one article's draft, or undefined. */
export function readSafetyCopy(key: string): SafetyCopy | undefined {
  try {
    const raw = storage()?.getItem(safetyKey(key));
    if (!raw) return undefined;
    const parsed = v.safeParse(SafetyCopy, JSON.parse(raw));
    if (!parsed.success || parsed.output.slug !== key) return undefined;
    const { rev, base, inflight, fields, updatedAt } = parsed.output;
    return { rev, base, inflight, fields, updatedAt };
  } catch {
    return undefined;
  }
}

/**
 * How a safety copy relates to the stored draft: "newer" (it holds unsaved text built on what is
 * stored: take it), "stored" (IndexedDB already has it or newer: drop it), or "conflict" (another
 * writer stored other text after it was made: ask the reader).
 */
export function compareSafetyCopy(
  copy: SafetyCopy,
  stored: Draft | undefined,
): "newer" | "stored" | "conflict" {
  if (!stored) return "newer";
  if (sameFields(copy.fields, stored.fields)) return "stored";
  const ours = stored.rev <= copy.base || stored.rev === copy.inflight;
  if (!ours) return "conflict";
  return copy.rev > stored.rev ? "newer" : "stored";
}

/** Every article slug that has a safety copy. */
export function safetyCopySlugs(): string[] {
  const s = storage();
  if (!s) return [];
  const slugs: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(DRAFT_KEYS.safetyPrefix)) slugs.push(k.slice(DRAFT_KEYS.safetyPrefix.length));
  }
  return slugs.filter((k) => v.is(slug, k));
}

/**
 * Drops the safety copy once IndexedDB holds its rev (or a newer one), never a newer copy;
 * `force` drops it whatever it holds (the reader chose the other text, or discarded).
 */
export function clearSafetyCopy(key: string, storedRev: number, force = false): void {
  const copy = readSafetyCopy(key);
  if (copy && copy.rev > storedRev && !force) return;
  try {
    storage()?.removeItem(safetyKey(key));
  } catch {
    // Nothing to do: a stale copy is harmless, the next load compares revs.
  }
}

/** The remembered name, email and website, or undefined when the reader has not ticked the box. */
export async function loadIdentity(): Promise<Identity | undefined> {
  const parsed = v.safeParse(Identity, await read("identity", DRAFT_KEYS.identity));
  return parsed.success ? parsed.output : undefined;
}

/** Remembers name, email and website for the next reply. */
export async function saveIdentity(identity: Omit<Identity, "v">): Promise<void> {
  await write("identity", DRAFT_KEYS.identity, { v: 1, ...identity } satisfies Identity);
}

/** Forgets the remembered name, email and website on this device. */
export async function forgetIdentity(): Promise<void> {
  await remove("identity", DRAFT_KEYS.identity);
}
