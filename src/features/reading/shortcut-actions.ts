// What each keyboard shortcut does. In a list the keys act on the card that has the focus; on an
// article page, on the open article.
import type { Navigator } from "@solidjs/router";
import { findNeighbours } from "../../catalog/find.ts";
import { isRead, isSaved, toggleBookmark, toggleRead } from "../../state/library.ts";
import { notify } from "../../state/notices.ts";
import { HIGHLIGHT_EVENT, type Action } from "./keyboard.ts";

export interface Shortcut {
  keys: string[];
  does: string;
}

/** Every shortcut, in the order the "?" dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ["j"], does: "Next article: down the list, or the older article" },
  { keys: ["k"], does: "Previous article: up the list, or the newer article" },
  { keys: ["o", "Enter"], does: "Open the selected article" },
  { keys: ["s"], does: "Bookmark or unbookmark the article" },
  { keys: ["m"], does: "Mark the article read or unread" },
  { keys: ["h"], does: "Highlight the text selected in the article" },
  { keys: ["u"], does: "Back to the list" },
  { keys: ["/"], does: "Search" },
  { keys: ["?"], does: "Show these shortcuts" },
];

/** The title links of the article cards on the page, top to bottom. */
export function cardLinks(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>("main .card h2 a[href]")];
}

/** The title link of the card that holds the focus, if any. */
export function currentCard(): HTMLAnchorElement | undefined {
  const card = document.activeElement?.closest("main .card");
  return card?.querySelector<HTMLAnchorElement>("h2 a[href]") ?? undefined;
}

/** Moves the focus to the next (1) or previous (-1) card; the first card when none has it. */
export function moveCardFocus(step: 1 | -1): void {
  const links = cardLinks();
  if (links.length === 0) return;
  const current = currentCard();
  const i = current ? links.indexOf(current) + step : 0;
  links[Math.min(Math.max(i, 0), links.length - 1)].focus();
}

/** The article slug a card's title link points to. */
export function slugOf(link: HTMLAnchorElement): string | undefined {
  const m = /\/articles\/([^/?#]+)$/.exec(new URL(link.href, location.href).pathname);
  return m ? decodeURIComponent(m[1]) : undefined;
}

async function toggle(slug: string | undefined, kind: "bookmark" | "read"): Promise<void> {
  if (!slug) return;
  const state = kind === "bookmark" ? isSaved : isRead;
  const before = state(slug);
  await (kind === "bookmark" ? toggleBookmark(slug) : toggleRead(slug));
  if (state(slug) === before) return; // the write failed: the library has said why
  if (kind === "bookmark") notify(before ? "Bookmark removed" : "Bookmarked");
  else notify(before ? "Marked as unread" : "Marked as read");
}

/**
 * Does what a shortcut asks; `article` is the open article's slug on an article page.
 * ("/" and "?" are handled where the search box and the dialog live.)
 */
export async function runShortcut(
  action: Action,
  page: { navigate: Navigator; article?: string },
): Promise<void> {
  const card = currentCard();
  const target = page.article ?? (card && slugOf(card));
  switch (action) {
    case "next":
    case "previous": {
      const older = action === "next";
      if (!page.article) return moveCardFocus(older ? 1 : -1);
      const next = (await findNeighbours(page.article))[older ? "older" : "newer"];
      if (next) page.navigate(`/articles/${next.slug}`);
      return;
    }
    case "open":
      card?.click();
      return;
    case "bookmark":
    case "read":
      return toggle(target, action);
    case "list":
      page.navigate("/");
      return;
    case "highlight":
      // The article's highlights (loaded with its body) listen for this; elsewhere it does nothing.
      document.dispatchEvent(new CustomEvent(HIGHLIGHT_EVENT));
      return;
  }
}
