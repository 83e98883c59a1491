// Splits text into plain and matched parts, so the page can wrap matches in <mark> as text: the
// query never becomes HTML.

/** What MiniSearch splits words on (its default tokenizer), kept as separate parts here. */
const SEPARATOR = /([\n\r\p{Z}\p{P}]+)/u;

export interface Part {
  text: string;
  match: boolean;
}

/**
 * The text in parts, the words among `terms` (lower case) marked as matches.
 * @example highlight("Talks in Vienna", ["vienna"])
 * // [{ text: "Talks in ", match: false }, { text: "Vienna", match: true }]
 */
export function highlight(text: string, terms: Iterable<string>): Part[] {
  const wanted = new Set(terms);
  const parts: Part[] = [];
  for (const piece of text.split(SEPARATOR)) {
    if (!piece) continue;
    const match = wanted.has(piece.toLowerCase());
    const last = parts[parts.length - 1];
    if (last && !last.match && !match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
