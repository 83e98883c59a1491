// Reply drafts, one record per article in the `offprint-drafts` database, keyed by the article's
// slug: `{ v: 2, rev, fields, updatedAt, title? }`. `rev` grows with every write, so two tabs can
// tell whose text is newer; version 2 added the article's title as it was, so a draft of an
// article no longer in the edition can still be named. The synchronous safety copies kept while
// typing are in ./safety-copies.ts; writes are in ./draft-writes.ts (start-up only reads).
import * as v from "valibot";
import { TIME, isSlug, loadAll, loadOne, secondVersion } from "./records.ts";

/** The longest comment the form accepts; longer text is kept, flagged, never cut. */
export const COMMENT_LIMIT = 20_000;

const rev = v.pipe(v.number(), v.integer(), v.minValue(0));
// Generous bounds: a comment past the limit must still be kept, but not without end.
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const DraftFields = v.object({
  comment: text(1_000_000),
  name: text(10_000),
  email: text(10_000),
  website: text(10_000),
});
export type DraftFields = v.InferOutput<typeof DraftFields>;

const DraftV1 = v.object({ v: v.literal(1), rev, fields: DraftFields, updatedAt: TIME });
/** A stored draft. A draft whose fields are all empty is a discarded one (its rev lives on). */
const DraftV2 = v.object({
  v: v.literal(2),
  rev,
  fields: DraftFields,
  updatedAt: TIME,
  title: v.optional(text(1000)),
});
export type Draft = v.InferOutput<typeof DraftV2>;
/** The version every draft is written as. */
export const DRAFT_VERSION = 2 as const;

/** Version 2 added the optional title. */
export const DraftAdapter = secondVersion<Draft>("drafts", DraftV1, DraftV2, isSlug);

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
export function loadDrafts(): Promise<Map<string, Draft>> {
  return loadAll(DraftAdapter);
}

/** One article's draft record, or undefined. */
export function loadDraft(key: string): Promise<Draft | undefined> {
  return loadOne(DraftAdapter, key);
}
