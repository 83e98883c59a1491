// Read marks, kept in the `offprint-reads` database as a fixed number of chunk records, each holding
// `{ v, marks: { slug: readAt } }`. Start-up reads them all in one cursor pass; marking 1,000 articles
// rewrites at most CHUNKS records, never one transaction per article. Each mark is checked on its
// own: a bad one costs only itself (it stays in the record, untouched, and is counted as skipped).
import * as v from "valibot";
import { loadAll, loadOne, recordProblems, SLUG, TIME, update, firstVersion } from "./records.ts";
import { announce } from "./sync.ts";

export const CHUNKS = 32;

/** A chunk as stored: its marks are checked one by one (see `goodMarks`), not as a whole. */
const ReadChunkV1 = v.object({
  v: v.literal(1),
  marks: v.pipe(
    v.custom<Record<string, unknown>>(
      (x) => typeof x === "object" && x !== null && !Array.isArray(x),
      "marks must be an object",
    ),
  ),
});
export type ReadChunk = v.InferOutput<typeof ReadChunkV1>;

export const ReadChunkAdapter = firstVersion<ReadChunk>("reads", ReadChunkV1, (key) =>
  /^chunk-\d+$/.test(key),
);

/** The chunk record that holds a slug's read mark. */
export function chunkOf(slug: string): string {
  let h = 2166136261;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 16777619);
  return `chunk-${(h >>> 0) % CHUNKS}`;
}

/** The valid marks of a chunk, and how many entries were not valid. */
export function goodMarks(chunk: ReadChunk | undefined): {
  marks: Map<string, number>;
  bad: number;
} {
  const marks = new Map<string, number>();
  let bad = 0;
  for (const [slug, at] of Object.entries(chunk?.marks ?? {})) {
    if (v.is(SLUG, slug) && v.is(TIME, at)) marks.set(slug, at);
    else bad++;
  }
  return { marks, bad };
}

/**
 * Every read mark on the device: slug → time it was read.
 * @example const marks = await loadReadMarks(); marks.has("some-slug");
 */
export async function loadReadMarks(): Promise<Map<string, number>> {
  const chunks = await loadAll(ReadChunkAdapter);
  const marks = new Map<string, number>();
  let bad = 0;
  for (const chunk of chunks.values()) {
    const good = goodMarks(chunk);
    bad += good.bad;
    for (const [slug, at] of good.marks) marks.set(slug, at);
  }
  recordProblems.skipped.reads = (recordProblems.skipped.reads ?? 0) + bad;
  return marks;
}

/** The read marks held by one chunk record (for another tab's change). */
export async function loadReadChunk(key: string): Promise<Map<string, number>> {
  return goodMarks(await loadOne(ReadChunkAdapter, key)).marks;
}

/**
 * Sets or clears read marks: a number marks read at that time, null marks unread. Entries this
 * code cannot read are kept as they are. Resolves when every touched chunk is written; rejects if
 * any write failed (NewerRecordError when a chunk was saved by a newer version).
 * @example await setReadMarks(new Map([["a", Date.now()], ["b", null]]));
 */
export async function setReadMarks(changes: Map<string, number | null>): Promise<void> {
  const byChunk = new Map<string, [string, number | null][]>();
  for (const entry of changes) {
    const key = chunkOf(entry[0]);
    byChunk.set(key, [...(byChunk.get(key) ?? []), entry]);
  }
  await Promise.all(
    [...byChunk].map(async ([key, entries]) => {
      await update(ReadChunkAdapter, key, (current) => {
        const marks: Record<string, unknown> = { ...current?.marks };
        for (const [slug, at] of entries) {
          if (at === null) delete marks[slug];
          else marks[slug] = at;
        }
        return { v: 1 as const, marks };
      });
      announce({ kind: "reads", key, rev: Date.now() });
    }),
  );
}
