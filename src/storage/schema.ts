// Record shapes and their versions. Reads validate every record: one that does not fit (corrupt,
// foreign, from a newer app) is skipped and counted, and the rest loads.
import * as v from "valibot";

/** The version written into every record; older records are migrated when read. */
export const SCHEMA_VERSION = 1;

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/), v.maxLength(200));
const time = v.pipe(v.number(), v.finite(), v.minValue(0));

/** Read marks, many slugs per record: `{ v, marks: { slug: readAt } }`. */
export const ReadChunk = v.object({
  v: v.literal(1),
  marks: v.record(slug, time),
});
export type ReadChunk = v.InferOutput<typeof ReadChunk>;

/** One bookmark per record, keyed by slug. */
export const Bookmark = v.object({ v: v.literal(1), slug, savedAt: time });
export type Bookmark = v.InferOutput<typeof Bookmark>;

/** How many records a load skipped, per kind, so the app can say so. */
export const skipped: Record<string, number> = {};

/**
 * Validates records read from storage, skipping (and counting) those that do not fit.
 * @example const chunks = validRecords("reads", all, ReadChunk);
 */
export function validRecords<S extends v.GenericSchema>(
  kind: string,
  records: Map<string, unknown>,
  schema: S,
): Map<string, v.InferOutput<S>> {
  const valid = new Map<string, v.InferOutput<S>>();
  let bad = 0;
  for (const [key, value] of records) {
    const result = v.safeParse(schema, value);
    if (result.success) valid.set(key, result.output);
    else bad++;
  }
  skipped[kind] = bad;
  return valid;
}
