// Second versions of drafts, in the `offprint-versions` database: text that lost to other text
// (a conflict between tabs, an import, an Edit of a refused reply, a page closed mid-conflict) is
// kept here instead of being dropped, until the reader uses or discards it on /drafts.
// `{ v, id, slug, fields, savedAt, reason, title? }`, keyed by id. Version 2 adds the reason
// "replaced": the draft's text when the reader used another version instead.
import * as v from "valibot";
import { DraftFields, hasComment, sameFields, type DraftFields as Fields } from "./drafts.ts";
import { loadAll, REMOVE, SLUG, TIME, update, secondVersion } from "./records.ts";
import { announce } from "./sync.ts";

const REASONS_V1 = ["conflict", "import", "edit", "closed"] as const;
export const VERSION_REASONS = [...REASONS_V1, "replaced"] as const;
export type VersionReason = (typeof VERSION_REASONS)[number];

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9-]+:[0-9a-z-]{1,80}$/));
const Kept = {
  id: ID,
  slug: SLUG,
  fields: DraftFields,
  savedAt: TIME,
  title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
};
const DraftVersionV1 = v.object({ v: v.literal(1), ...Kept, reason: v.picklist(REASONS_V1) });
const DraftVersionV2 = v.object({ v: v.literal(2), ...Kept, reason: v.picklist(VERSION_REASONS) });
export type DraftVersion = v.InferOutput<typeof DraftVersionV2>;
/** The version every kept version is written as. */
export const KEPT_VERSION = 2 as const;

/** Version 2 added the reason `replaced`. */
export const VersionAdapter = secondVersion<DraftVersion>(
  "versions",
  DraftVersionV1,
  DraftVersionV2,
  (key) => v.is(ID, key),
);

/** Every kept version, id → version. */
export async function loadVersions(): Promise<Map<string, DraftVersion>> {
  const all = await loadAll(VersionAdapter);
  for (const [key, version] of all) if (version.id !== key) all.delete(key);
  return all;
}

/**
 * Keeps `fields` as a second version of a slug's draft, unless it has no comment or the same
 * text is already kept for that slug. Resolves to the kept version (or undefined).
 * @example await keepVersion("some-slug", theirs, "conflict");
 */
export async function keepVersion(
  slug: string,
  fields: Fields,
  reason: VersionReason,
  title?: string,
): Promise<DraftVersion | undefined> {
  if (!hasComment(fields)) return undefined;
  const kept = await loadVersions();
  for (const version of kept.values()) {
    if (version.slug === slug && sameFields(version.fields, fields)) return version;
  }
  const savedAt = Date.now();
  const id = `${slug}:${savedAt.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const record: DraftVersion = {
    v: KEPT_VERSION,
    id,
    slug,
    fields: { ...fields },
    savedAt,
    reason,
    ...(title ? { title } : {}),
  };
  await update(VersionAdapter, id, () => record);
  announce({ kind: "versions", key: id, rev: savedAt });
  return record;
}

/** Removes a kept version (the reader used or discarded it). */
export async function removeVersion(id: string): Promise<void> {
  await update(VersionAdapter, id, () => REMOVE);
  announce({ kind: "versions", key: id, rev: Date.now() });
}

/**
 * Puts a removed version back as it was, same id and time (the reader's Undo).
 * @example await removeVersion(kept.id); await putBackVersion(kept);
 */
export async function putBackVersion(version: DraftVersion): Promise<void> {
  await update(VersionAdapter, version.id, () => ({ ...version, fields: { ...version.fields } }));
  announce({ kind: "versions", key: version.id, rev: Date.now() });
}
