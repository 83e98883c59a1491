// Every highlight on the device, in memory: one record per article (storage/highlights.ts),
// followed across tabs. The article page paints its article's; /highlights lists them all; list
// cards count them. Writes go to the device first and show here once stored.
import {
  loadAllHighlights,
  loadArticleHighlights,
  removeHighlight as removeStored,
  saveHighlight as saveStored,
  saveNote as saveStoredNote,
  type ArticleHighlights,
  type Highlight,
} from "../storage/highlights.ts";
import { createSyncedRecords } from "./synced-records.ts";

const store = createSyncedRecords<ArticleHighlights>({
  kind: "highlights",
  loadAll: loadAllHighlights,
  loadOne: loadArticleHighlights,
});

/** Loads every highlight once and follows other tabs. */
export const startHighlights = (): Promise<void> => store.start();

/** Shows what the device now holds (after an import or after deleting all data). */
export async function reloadHighlights(): Promise<void> {
  await store.reload().catch(() => store.replaceAll(new Map()));
}

/** An article's highlights, oldest first (empty when it has none). */
export function highlightsOf(slug: string): readonly Highlight[] {
  return store.records[slug]?.highlights ?? [];
}

/** How many highlights an article has (0 before the store has loaded). */
export const highlightCount = (slug: string): number => highlightsOf(slug).length;

/** Every article with highlights: slug → record. */
export const allHighlights = (): Readonly<Record<string, ArticleHighlights>> => store.records;

/** Keeps a new highlight (or a changed one); resolves once it is on the device. */
export async function keepHighlight(
  slug: string,
  title: string | undefined,
  highlight: Highlight,
): Promise<void> {
  store.set(slug, await saveStored(slug, title, highlight));
}

/** Keeps a highlight's note as of `at`; resolves once it is on the device. */
export async function keepNote(slug: string, id: string, note: string, at: number): Promise<void> {
  const stored = await saveStoredNote(slug, id, note, at);
  if (stored) store.set(slug, stored);
}

/** Removes a highlight; resolves to it (for Undo) once it is gone from the device. */
export async function dropHighlight(slug: string, id: string): Promise<Highlight | undefined> {
  const removed = highlightsOf(slug).find((h) => h.id === id);
  store.set(slug, await removeStored(slug, id));
  return removed;
}
