// Scroll positions of list pages, kept per URL in sessionStorage so "back" returns to the same place,
// even after a reload.
import { WEB_KEYS } from "../storage/keys.ts";

const KEY = WEB_KEYS.scrollPositions;
/** The URL the last back/forward navigation went to; only that URL gets its position back. */
let popped = "";

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => (popped = location.pathname + location.search));
  if ("scrollRestoration" in history) history.scrollRestoration = "manual";
}

function positions(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "{}") as Record<string, number>;
  } catch {
    return {};
  }
}

/** Remembers where the reader was on a page before leaving it. */
export function saveScroll(url: string): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ ...positions(), [url]: window.scrollY }));
  } catch {
    // Storage full or disabled: losing a scroll position is harmless.
  }
}

/** Returns to the remembered position when the page was reached by back/forward. */
export function restoreScroll(url: string): void {
  const y = positions()[url];
  if (popped === url && typeof y === "number") {
    popped = "";
    window.scrollTo(0, y);
  }
}
