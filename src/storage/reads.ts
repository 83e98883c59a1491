// Read marks, kept in the `offprint-reads` database as a fixed number of chunk records, each holding
// `{ v, marks: { slug: readAt } }`. Start-up reads them all in one cursor pass; marking 1,000 articles
// rewrites at most CHUNKS records, never one transaction per article.
import { readAll, read, write } from "./db.ts";
import { ReadChunk, validRecords } from "./schema.ts";
import { withLock } from "./locks.ts";
import { announce } from "./sync.ts";
import * as v from "valibot";

export const CHUNKS = 32;

/** The chunk record that holds a slug's read mark. */
export function chunkOf(slug: string): string {
  let h = 2166136261;
  for (let i = 0; i < slug.length; i++) h = Math.imul(h ^ slug.charCodeAt(i), 16777619);
  return `chunk-${(h >>> 0) % CHUNKS}`;
}

/**
 * Every read mark on the device: slug → time it was read.
 * @example const marks = await loadReadMarks(); marks.has("some-slug");
 */
export async function loadReadMarks(): Promise<Map<string, number>> {
  const chunks = validRecords("reads", await readAll("reads"), ReadChunk);
  const marks = new Map<string, number>();
  for (const chunk of chunks.values()) {
    for (const [slug, at] of Object.entries(chunk.marks)) marks.set(slug, at);
  }
  return marks;
}

/** The read marks held by one chunk record (for another tab's change). */
export async function loadReadChunk(key: string): Promise<Map<string, number>> {
  const parsed = v.safeParse(ReadChunk, await read("reads", key));
  return new Map(parsed.success ? Object.entries(parsed.output.marks) : []);
}

/**
 * Sets or clears read marks: a number marks read at that time, null marks unread.
 * Resolves when every touched chunk is written; rejects if any write failed.
 * @example await setReadMarks(new Map([["a", Date.now()], ["b", null]]));
 */
export async function setReadMarks(changes: Map<string, number | null>): Promise<void> {
  const byChunk = new Map<string, [string, number | null][]>();
  for (const entry of changes) {
    const key = chunkOf(entry[0]);
    byChunk.set(key, [...(byChunk.get(key) ?? []), entry]);
  }
  await Promise.all(
    [...byChunk].map(([key, entries]) =>
      withLock(`offprint-reads-${key}`, async () => {
        const current = v.safeParse(ReadChunk, await read("reads", key));
        const marks: Record<string, number> = current.success ? { ...current.output.marks } : {};
        for (const [slug, at] of entries) {
          if (at === null) delete marks[slug];
          else marks[slug] = at;
        }
        await write("reads", key, { v: 1, marks } satisfies ReadChunk);
        announce({ kind: "reads", key, rev: Date.now() });
      }),
    ),
  );
}
