// An article's body as its page's static copy already shows it (build/prerender.ts renders the
// same sanitized HTML): the article page takes it from there instead of fetching it again. Its own
// module, beside the article's queries, so the start-up file does not carry it.
import { restoreIds } from "./own-ids.ts";
import type { ArticleBody } from "./types.ts";

/**
 * The body of `slug` from the static copy in the page, with the ids the copy renamed given back;
 * undefined when the page is not that article's static page (or has been taken over).
 * @example bodyInPage("tide")?.html
 */
export function bodyInPage(slug: string): ArticleBody | undefined {
  if (typeof document === "undefined") return undefined;
  const prose = document.querySelector(`:root:not(.deep) #first-screen .prose[data-slug]`);
  if (!prose || prose.getAttribute("data-slug") !== slug) return undefined;
  const copy = prose.cloneNode(true) as Element;
  restoreIds(copy);
  return { slug, html: copy.innerHTML };
}
