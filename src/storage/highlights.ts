// Highlights and their notes, one record per article in the `offprint-highlights` database, keyed
// by slug: `{ v: 1, slug, title?, highlights: [...] }`. Each highlight carries the W3C Web
// Annotation selectors it was made with (a TextQuoteSelector: the exact text with up to 32
// characters either side; a TextPositionSelector: its offsets in the body's text), so it can be
// found again in a later edition of the article; a highlight that cannot be placed stays here.
import * as v from "valibot";
import {
  firstVersion,
  isSlug,
  loadAll,
  loadOne,
  REMOVE,
  SLUG,
  TIME,
  update,
  KEEP,
} from "./records.ts";
import { announce } from "./sync.ts";
import { WEB_KEYS } from "./keys.ts";

/** A note holds at most this many characters. */
export const NOTE_LIMIT = 10_000;
/** A highlighted passage holds at most this many characters (a whole long article is not one). */
export const QUOTE_LIMIT = 20_000;
/** How much text either side of the quote is kept to tell it apart and find it after edits. */
export const CONTEXT_LENGTH = 32;

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/));

const TextQuoteSelector = v.object({
  type: v.literal("TextQuoteSelector"),
  exact: v.pipe(v.string(), v.minLength(1), v.maxLength(QUOTE_LIMIT)),
  prefix: v.pipe(v.string(), v.maxLength(CONTEXT_LENGTH)),
  suffix: v.pipe(v.string(), v.maxLength(CONTEXT_LENGTH)),
});

const TextPositionSelector = v.pipe(
  v.object({
    type: v.literal("TextPositionSelector"),
    start: v.pipe(v.number(), v.integer(), v.minValue(0)),
    end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  v.check((p) => p.end > p.start, "end must come after start"),
);

const HighlightV1 = v.object({
  id: ID,
  quote: TextQuoteSelector,
  position: TextPositionSelector,
  note: v.pipe(v.string(), v.maxLength(NOTE_LIMIT)),
  createdAt: TIME,
  updatedAt: TIME,
});

const ArticleHighlightsV1 = v.pipe(
  v.object({
    v: v.literal(1),
    slug: SLUG,
    title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    // Each item checked with v.is rather than v.array: build/start-up-chunk.ts keeps every valibot
    // function any page uses in the start-up file, and nothing at start-up needs v.array.
    highlights: v.pipe(
      v.custom<v.InferOutput<typeof HighlightV1>[]>(
        (list) => Array.isArray(list) && list.every((h) => v.is(HighlightV1, h)),
        "each highlight needs an id, quote and position selectors, a note and its two times",
      ),
      v.maxLength(5000),
    ),
  }),
  v.check(
    (r) => new Set(r.highlights.map((h) => h.id)).size === r.highlights.length,
    "two highlights have the same id",
  ),
);

export type TextQuote = v.InferOutput<typeof TextQuoteSelector>;
export type TextPosition = v.InferOutput<typeof TextPositionSelector>;
export type Highlight = v.InferOutput<typeof HighlightV1>;
export type ArticleHighlights = v.InferOutput<typeof ArticleHighlightsV1>;

export const HighlightsAdapter = firstVersion<ArticleHighlights>(
  "highlights",
  ArticleHighlightsV1,
  isSlug,
);

/** Notes that this device keeps highlights (storage/highlights-kept.ts reads it). */
export function noteHighlightsKept(): void {
  try {
    localStorage.setItem(WEB_KEYS.highlightsKept, "1");
  } catch {
    // Storage blocked: the counts load whenever the list is shown, as mayHaveHighlights says.
  }
}

/**
 * Every article's highlights on the device, slug → record.
 * @example const all = await loadAllHighlights(); all.get("some-slug")?.highlights.length;
 */
export async function loadAllHighlights(): Promise<Map<string, ArticleHighlights>> {
  const records = await loadAll(HighlightsAdapter);
  for (const [key, r] of records) if (r.slug !== key) records.delete(key);
  return records;
}

/** One article's highlights, or undefined (for another tab's change). */
export async function loadArticleHighlights(slug: string): Promise<ArticleHighlights | undefined> {
  const r = await loadOne(HighlightsAdapter, slug);
  return r?.slug === slug ? r : undefined;
}

/**
 * Two lists of one article's highlights as one: every id once, the later `updatedAt` winning
 * (the device's on a tie), oldest first. Import and the stores use it, so no side loses the newer.
 * @example mergeHighlights(device.highlights, file.highlights)
 */
export function mergeHighlights(
  ours: readonly Highlight[],
  theirs: readonly Highlight[],
): Highlight[] {
  const byId = new Map<string, Highlight>();
  for (const h of ours) byId.set(h.id, h);
  for (const h of theirs) {
    const mine = byId.get(h.id);
    if (!mine || h.updatedAt > mine.updatedAt) byId.set(h.id, h);
  }
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/**
 * Changes one article's highlights under its lock: `change` gets the current list and returns the
 * new one (an empty list removes the record). Resolves to the record now stored.
 */
async function changeHighlights(
  slug: string,
  title: string | undefined,
  change: (current: readonly Highlight[]) => Highlight[] | undefined,
): Promise<ArticleHighlights | undefined> {
  noteHighlightsKept();
  const stored = await update(HighlightsAdapter, slug, (current) => {
    const next = change(current?.highlights ?? []);
    if (next === undefined) return KEEP;
    if (next.length === 0) return REMOVE;
    const name = title ?? current?.title;
    return { v: 1 as const, slug, ...(name ? { title: name } : {}), highlights: next };
  });
  announce({ kind: "highlights", key: slug, rev: Date.now() });
  return stored;
}

/** Adds (or, same id, replaces) a highlight; resolves once it is on the device. */
export function saveHighlight(
  slug: string,
  title: string | undefined,
  highlight: Highlight,
): Promise<ArticleHighlights | undefined> {
  return changeHighlights(slug, title, (current) => mergeHighlights(current, [highlight]));
}

/** Sets a highlight's note (a newer note never loses to an older write). */
export function saveNote(
  slug: string,
  id: string,
  note: string,
  at: number,
): Promise<ArticleHighlights | undefined> {
  return changeHighlights(slug, undefined, (current) => {
    const h = current.find((x) => x.id === id);
    if (!h || h.updatedAt > at || h.note === note) return undefined;
    return current.map((x) => (x.id === id ? { ...x, note, updatedAt: at } : x));
  });
}

/** Removes a highlight; resolves once it is gone from the device. */
export function removeHighlight(slug: string, id: string): Promise<ArticleHighlights | undefined> {
  return changeHighlights(slug, undefined, (current) =>
    current.some((h) => h.id === id) ? current.filter((h) => h.id !== id) : undefined,
  );
}
