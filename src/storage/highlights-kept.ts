// A synchronous hint that this device keeps highlights, so the list can show "N highlights" on
// its cards without fetching the highlights' code at start-up on a device that has none. Set
// when a highlight is written (or imported), by `noteHighlightsKept` in ./highlights.ts (kept
// there, out of the start-up file); "Delete all my data" clears it with every other key.
import { WEB_KEYS } from "./keys.ts";

/** Whether this device may keep highlights (true when storage cannot say: then look). */
export function mayHaveHighlights(): boolean {
  try {
    return localStorage.getItem(WEB_KEYS.highlightsKept) !== null;
  } catch {
    return true;
  }
}
