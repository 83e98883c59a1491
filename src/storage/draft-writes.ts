// Writing drafts (the reply form, start-up's recovery, the drafts page, the outbox): never over
// another writer's newer text without asking. Apart from ./drafts.ts so start-up, which only reads
// drafts, does not carry it.
import { KEEP, update } from "./records.ts";
import { announce } from "./sync.ts";
import { DRAFT_VERSION, DraftAdapter, sameFields, type Draft, type DraftFields } from "./drafts.ts";

export type SaveResult = { saved: Draft } | { conflict: Draft };

/**
 * Writes a draft unless another writer got there first: when the stored rev is newer than `base`
 * (the rev this writer last saw) and holds other text, nothing is written and the stored draft
 * comes back as a conflict. Resolves once IndexedDB has the record; rejects when it cannot.
 * @example const r = await saveDraft("some-slug", 3, { v: 2, rev: 4, fields, updatedAt: Date.now() });
 */
export async function saveDraft(key: string, base: number, draft: Draft): Promise<SaveResult> {
  let conflict: Draft | undefined;
  let wrote = false;
  const stored = await update(DraftAdapter, key, (current) => {
    if (current && current.rev >= draft.rev && sameFields(current.fields, draft.fields)) {
      return KEEP;
    }
    if (current && current.rev > base && !sameFields(current.fields, draft.fields)) {
      conflict = current;
      return KEEP;
    }
    wrote = true;
    // A writer that does not know the article's title (a restored safety copy) keeps the stored one.
    const title = draft.title ?? current?.title;
    return {
      ...draft,
      rev: Math.max(draft.rev, (current?.rev ?? 0) + 1),
      ...(title ? { title } : {}),
    };
  });
  if (conflict) return { conflict };
  const saved = stored as Draft;
  if (wrote) announce({ kind: "drafts", key, rev: saved.rev });
  return { saved };
}

/**
 * Writes `fields` as the newest rev whatever is stored (discard and undo: the reader asked), above
 * `atLeast` too (the rev of a safety copy this page holds).
 * @example const discarded = await replaceDraft("some-slug", EMPTY_FIELDS);
 */
export async function replaceDraft(key: string, fields: DraftFields, atLeast = 0): Promise<Draft> {
  const record = (await update(DraftAdapter, key, (current) => ({
    v: DRAFT_VERSION,
    rev: Math.max(current?.rev ?? 0, atLeast) + 1,
    fields,
    updatedAt: Date.now(),
    ...(current?.title ? { title: current.title } : {}),
  }))) as Draft;
  announce({ kind: "drafts", key, rev: record.rev });
  return record;
}
