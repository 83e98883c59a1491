// WordPress keeps titles, excerpts, captions and comments as HTML fragments with entities; the
// front matter and the comments file want plain text.
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import { toString } from "hast-util-to-string";

const parser = unified().use(rehypeParse, { fragment: true });

/**
 * The text of an HTML fragment: markup stripped, entities decoded, white space collapsed.
 * @example plainText("Caf&eacute; <em>au</em> lait") // "Café au lait"
 */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  return toString(parser.parse(html)).replace(/\s+/g, " ").trim();
}

/**
 * The first words of a text, for a title that was left empty.
 * @example firstWords("One two three four", 2) // "One two…"
 */
export function firstWords(text: string, count = 8): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= count) return words.join(" ");
  return `${words.slice(0, count).join(" ")}…`;
}
