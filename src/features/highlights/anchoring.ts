// Finding a highlight again in an article's text: the rules, over plain strings (the body's text as
// its text nodes hold it, which is what a TextPositionSelector counts), so each case is a line of a
// unit test. The DOM side (text ↔ nodes, painting) is ./text-map.ts and ./paint.ts.
//
// In order: the stored position still holds the exact quote (the usual case: the same edition);
// else the exact quote elsewhere, the occurrence whose prefix and suffix fit best and nearest the
// old position (text added or removed before it); else a fuzzy match with diff-match-patch's
// Bitap `match_main` near the old position (a typo fixed in or near the quote). A quote that
// matches none of these is unplaced: it stays stored and is listed, never dropped.
import { diffLevenshtein, diffMain, matchMain } from "diff-match-patch-es";
import { CONTEXT_LENGTH, type TextPosition, type TextQuote } from "../../storage/highlights.ts";

export type Placement =
  | { state: "placed"; start: number; end: number; how: "exact" | "moved" | "fuzzy" }
  | { state: "unplaced" };

/** Bitap matches patterns of at most this many characters (the bits of a JS number it uses). */
const BITAP_BITS = 32;
/** A fuzzy match may differ from the quote by at most this share of its characters. */
const MAX_CHANGE = 0.25;

/**
 * The selectors that describe `text.slice(start, end)`.
 * @example describe("a b c", 2, 3) // quote {exact: "b", prefix: "a ", suffix: " c"}, position {2, 3}
 */
export function describe(
  text: string,
  start: number,
  end: number,
): { quote: TextQuote; position: TextPosition } {
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}

/** How many characters two strings share at their end (a) and start (b): context agreement. */
function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Every occurrence of the exact quote, scored by fitting context, then nearness. */
function findMoved(text: string, quote: TextQuote, near: number): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const context =
      sharedEnd(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      sharedStart(text.slice(at + quote.exact.length), quote.suffix);
    // Context decides; distance only breaks ties (a fraction below one character of context).
    const score = context - Math.abs(at - near) / (text.length + 1);
    if (score > bestScore) [best, bestScore] = [at, score];
  }
  return best;
}

const distance = (a: string, b: string) => diffLevenshtein(diffMain(a, b));

/** Bitap for a pattern of any length: its first BITAP_BITS characters, near `loc`. */
function bitap(text: string, pattern: string, loc: number): number {
  return matchMain(text, pattern.slice(0, BITAP_BITS), Math.max(0, Math.min(loc, text.length)), {
    matchThreshold: 0.4,
    matchDistance: Math.max(1000, text.length),
  });
}

/** The quote changed a little: its start and end found fuzzily, the span checked as a whole. */
function findFuzzy(
  text: string,
  quote: TextQuote,
  near: number,
): { start: number; end: number } | undefined {
  const exact = quote.exact;
  const allowed = Math.max(1, Math.floor(exact.length * MAX_CHANGE));
  const start = bitap(text, exact, near);
  if (start < 0) return undefined;
  let end: number;
  if (exact.length <= BITAP_BITS) {
    end = start + exact.length;
  } else {
    const tail = exact.slice(-BITAP_BITS);
    const at = bitap(text, tail, start + exact.length - BITAP_BITS);
    if (at < 0) return undefined;
    end = at + BITAP_BITS;
  }
  if (end <= start) return undefined;
  // The end found may be a few characters off (a word added or dropped at the end): take the
  // nearest end that makes the span closest to the quote.
  let bestEnd = end;
  let best = distance(exact, text.slice(start, end));
  for (let d = -allowed; d <= allowed; d++) {
    const e = end + d;
    if (d === 0 || e <= start || e > text.length) continue;
    const dist = distance(exact, text.slice(start, e));
    if (dist < best) [best, bestEnd] = [dist, e];
  }
  return best <= allowed ? { start, end: bestEnd } : undefined;
}

/**
 * Where a highlight's selectors fall in `text`, or unplaced.
 * @example anchor(bodyText, h.quote, h.position) // { state: "placed", start, end, how: "exact" }
 */
export function anchor(text: string, quote: TextQuote, position: TextPosition): Placement {
  const { start, end } = position;
  if (text.slice(start, end) === quote.exact) return { state: "placed", start, end, how: "exact" };
  const moved = findMoved(text, quote, start);
  if (moved !== undefined) {
    return { state: "placed", start: moved, end: moved + quote.exact.length, how: "moved" };
  }
  const fuzzy = findFuzzy(text, quote, start);
  return fuzzy ? { state: "placed", ...fuzzy, how: "fuzzy" } : { state: "unplaced" };
}
