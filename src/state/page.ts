// What happens when a page's content is ready: the document title, the announcement for screen
// readers, and focus on the new page's h1 (but not on the very first page, which the browser
// already announces and where the skip link should stay the first tab stop).
import { createEffect, createSignal, untrack } from "solid-js";
import { siteName } from "virtual:offprint/edition";

const [announcement, setAnnouncement] = createSignal("");
export { announcement };

/** The page last shown; the first page is taken as shown, with no focus move. */
let shown: { title: string; h1: Element | null } | undefined;

/** The document title for a page: "<title> · <site name>", or the site name alone. */
export function documentTitle(title?: string): string {
  return title ? `${title} · ${siteName}` : siteName;
}

/**
 * The app has drawn a page: the page's static first screen (build/prerender.ts) gives way,
 * and what the reader typed into its search box moves to the app's.
 */
export function firstScreenDone(): void {
  const first = document.getElementById("first-screen");
  const typed = first?.querySelector("input")?.value;
  first?.remove();
  const box = document.querySelector<HTMLInputElement>("#app input[type=search]");
  if (typed && box) {
    box.value = typed;
    box.dispatchEvent(new Event("input", { bubbles: true }));
    box.focus();
  }
}

/**
 * Marks a page as shown: sets the title, announces it and moves focus to its h1.
 * @example onMount(() => pageShown("Saved"));
 */
export function pageShown(title?: string): void {
  firstScreenDone();
  document.title = documentTitle(title);
  setAnnouncement(document.title);
  // The first page, and the same page shown again (same title, same h1: its data changed), keep
  // the focus where it is: a reader moving through cards with j/k must not be sent to the top.
  const h1 = document.querySelector<HTMLElement>("main h1");
  const stay = !shown || (shown.title === document.title && shown.h1 === h1);
  shown = { title: document.title, h1 };
  if (h1 && !stay) {
    h1.tabIndex = -1;
    h1.focus({ preventScroll: true });
  }
}

/**
 * A page's one way to be shown: once `title` returns a string (undefined or false while its data
 * loads; "" for the site name alone), sets the title, announces it and moves focus, and again
 * each time the title changes.
 * @example usePageTitle(() => catalog() && "Saved");
 */
export function usePageTitle(title: () => string | false | undefined): void {
  createEffect(() => {
    const shown = title();
    if (shown === false || shown === undefined) return;
    untrack(() => pageShown(shown || undefined));
  });
}
