// Highlights as text to paste elsewhere: one passage, or an article's as Markdown.
import type { Highlight } from "../../storage/highlights.ts";
import { notify } from "../../state/notices.ts";

/** A passage as a Markdown quote, each line prefixed, with its note below when it has one. */
export function quoteAsMarkdown(h: Pick<Highlight, "quote" | "note">): string {
  const quote = h.quote.exact
    .split("\n")
    .map((line) => `> ${line}`.trimEnd())
    .join("\n");
  return h.note.trim() ? `${quote}\n\n${h.note.trim()}` : quote;
}

/**
 * An article's highlights as Markdown: its title linked, then each passage and note.
 * @example articleAsMarkdown("Night trains", "https://x.example/articles/night", highlights)
 */
export function articleAsMarkdown(
  title: string,
  url: string,
  highlights: readonly Highlight[],
): string {
  return (
    [`## [${title.replace(/([[\]])/g, "\\$1")}](${url})`, ...highlights.map(quoteAsMarkdown)].join(
      "\n\n",
    ) + "\n"
  );
}

/** Copies text and says so (or says it could not). */
export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify(`${what} copied`);
  } catch {
    notify(`Could not copy the ${what.toLowerCase()}: this browser did not allow it.`, {
      tone: "error",
    });
  }
}
