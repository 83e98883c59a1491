// Carrying a renamed article's records over from its old slug (front matter `aliases`) to its new
// one, on the first start that sees the rename: bookmarks, read marks, drafts, their other
// versions and positions. Every move holds the locks of both keys and reads both records again
// under them, so a second tab starting at the same time finds nothing left to move; a record
// this code cannot read, or one from a newer version, on either side, is left exactly as it is.
// The merge rules are in ./moves.ts.
import { read, remove, write, type Kind } from "./db.ts";
import { lockName } from "./keys.ts";
import { withLocks } from "./locks.ts";
import { decode, type Adapter, type Versioned } from "./records.ts";
import { announce } from "./sync.ts";
import { BookmarkAdapter, loadBookmarkRecords } from "./bookmarks.ts";
import { DraftAdapter, loadDrafts } from "./drafts.ts";
import { PositionAdapter, loadPositions } from "./positions.ts";
import { ReadChunkAdapter, chunkOf, goodMarks, loadReadMarks } from "./reads.ts";
import { VersionAdapter, keepVersion, loadVersions } from "./versions.ts";
import { mergeBookmark, mergeDraft, mergePosition, mergeReadMark } from "./moves.ts";

/** How many records of each kind were moved to their article's new slug. */
export type Carried = Record<"bookmarks" | "reads" | "drafts" | "versions" | "positions", number>;

/**
 * Moves one record from key `from` to key `to`, merged with what `to` holds, under both locks.
 * Resolves to whether it moved (false: nothing there, or a side this code must not touch).
 */
async function moveRecord<T extends Versioned>(
  adapter: Adapter<T>,
  from: string,
  to: string,
  merge: (old: T, now: T | undefined) => Promise<T> | T,
): Promise<boolean> {
  const kind = adapter.kind;
  const moved = await withLocks([lockName(kind, from), lockName(kind, to)], async () => {
    const [oldRaw, nowRaw] = await Promise.all([read(kind, from), read(kind, to)]);
    const old = decode(adapter, oldRaw);
    const now = decode(adapter, nowRaw);
    if (old.state !== "ok" || (now.state !== "ok" && now.state !== "missing")) return false;
    const merged = await merge(old.value, now.state === "ok" ? now.value : undefined);
    // The new key first: a tab closed in between leaves both, and the next start merges again.
    await write(kind, to, { ...merged, v: adapter.version });
    await remove(kind, from);
    return true;
  });
  if (moved) announceMove(kind, from, to);
  return moved;
}

function announceMove(kind: Kind, from: string, to: string): void {
  const rev = Date.now();
  announce({ kind, key: to, rev });
  if (from !== to) announce({ kind, key: from, rev });
}

/** Moves one read mark between (possibly the same) chunk records, under both chunks' locks. */
async function moveReadMark(from: string, to: string): Promise<boolean> {
  const [fromChunk, toChunk] = [chunkOf(from), chunkOf(to)];
  const moved = await withLocks(
    [lockName("reads", fromChunk), lockName("reads", toChunk)],
    async () => {
      const a = decode(ReadChunkAdapter, await read("reads", fromChunk));
      const b = fromChunk === toChunk ? a : decode(ReadChunkAdapter, await read("reads", toChunk));
      if (a.state !== "ok" || (b.state !== "ok" && b.state !== "missing")) return false;
      const old = goodMarks(a.value).marks.get(from);
      if (old === undefined) return false; // gone, or an entry this code cannot read: left as is
      const target = b.state === "ok" ? b.value : undefined;
      // Entries this code cannot read stay in their chunk as they are.
      const toMarks: Record<string, unknown> = { ...target?.marks };
      toMarks[to] = mergeReadMark(old, goodMarks(target).marks.get(to));
      if (fromChunk === toChunk) delete toMarks[from];
      await write("reads", toChunk, { v: 1, marks: toMarks });
      if (fromChunk !== toChunk) {
        const fromMarks: Record<string, unknown> = { ...a.value.marks };
        delete fromMarks[from];
        await write("reads", fromChunk, { v: 1, marks: fromMarks });
      }
      return true;
    },
  );
  if (moved) announceMove("reads", fromChunk, toChunk);
  return moved;
}

/**
 * Moves every record kept under an old slug to the new slug, for each `old → new` in `aliases`.
 * Safe to run again, and in two tabs at once. Resolves to how many records moved.
 * @example const carried = await carryOver(new Map([["old-name", "new-name"]]));
 */
export async function carryOver(aliases: ReadonlyMap<string, string>): Promise<Carried> {
  const carried: Carried = { bookmarks: 0, reads: 0, drafts: 0, versions: 0, positions: 0 };
  if (aliases.size === 0) return carried;
  const [bookmarks, marks, drafts, versions, positions] = await Promise.all([
    loadBookmarkRecords(),
    loadReadMarks(),
    loadDrafts(),
    loadVersions(),
    loadPositions(),
  ]);
  const count = (kind: keyof Carried) => (moved: boolean) => void (moved && carried[kind]++);
  for (const [from, to] of aliases) {
    if (bookmarks.has(from)) {
      await moveRecord(BookmarkAdapter, from, to, (old, now) => mergeBookmark(old, now, to)).then(
        count("bookmarks"),
      );
    }
    if (marks.has(from)) await moveReadMark(from, to).then(count("reads"));
    if (positions.has(from)) {
      await moveRecord(PositionAdapter, from, to, mergePosition).then(count("positions"));
    }
    if (drafts.has(from)) {
      await moveRecord(DraftAdapter, from, to, async (old, now) => {
        const { draft, keep } = mergeDraft(old, now);
        // The text that is not the draft is kept before the draft is written: never lost.
        if (keep) await keepVersion(to, keep, "replaced", draft.title);
        return draft;
      }).then(count("drafts"));
    }
    for (const [id, version] of versions) {
      if (version.slug !== from) continue;
      const newId = `${to}:${id.slice(id.indexOf(":") + 1)}`;
      await moveRecord(VersionAdapter, id, newId, (old) => ({ ...old, id: newId, slug: to })).then(
        count("versions"),
      );
    }
  }
  return carried;
}
