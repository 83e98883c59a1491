// The rules of carrying a renamed article's records over from its old slug to its new one, as
// pure functions (./carry-over.ts applies them under the records' locks). Each rule gives the
// same result when applied again to its own result, so a move cut short and run again by the
// next start (or by a second tab) ends the same way.
import { hasComment, sameFields, type Draft, type DraftFields } from "./drafts.ts";
import type { Bookmark } from "./bookmarks.ts";
import type { Position } from "./positions.ts";

/** A bookmark under the new slug: the later of the two save times, the newer title. */
export function mergeBookmark(old: Bookmark, now: Bookmark | undefined, slug: string): Bookmark {
  const title = now?.title ?? old.title;
  return {
    v: 2,
    slug,
    savedAt: Math.max(old.savedAt, now?.savedAt ?? 0),
    ...(title ? { title } : {}),
  };
}

/** A read mark under the new slug: when the article was first read, by either name. */
export function mergeReadMark(old: number, now: number | undefined): number {
  return now === undefined ? old : Math.min(old, now);
}

/** A position under the new slug: the one written last. */
export function mergePosition(old: Position, now: Position | undefined): Position {
  return now && now.updatedAt >= old.updatedAt ? now : old;
}

/**
 * A draft under the new slug, and the text to keep as another version (never dropped): when both
 * names hold a comment, the one edited last is the draft and the other is kept; a draft with a
 * comment wins over a discarded (empty) one. The rev passes both, so every tab and editor takes
 * the result as newer than what it holds.
 */
export function mergeDraft(
  old: Draft,
  now: Draft | undefined,
): { draft: Draft; keep?: DraftFields } {
  if (!now) return { draft: { ...old, rev: old.rev + 1 } };
  const rev = Math.max(old.rev, now.rev) + 1;
  const oldText = hasComment(old.fields);
  const nowText = hasComment(now.fields);
  const oldWins = oldText !== nowText ? oldText : old.updatedAt > now.updatedAt;
  const [winner, loser] = oldWins ? [old, now] : [now, old];
  const title = now.title ?? old.title;
  const draft: Draft = { ...winner, rev, ...(title ? { title } : {}) };
  const keep =
    hasComment(loser.fields) && !sameFields(loser.fields, winner.fields) ? loser.fields : undefined;
  return keep ? { draft, keep } : { draft };
}
