// Keyboard shortcuts: which key asks for what, and the one document listener that hears them.
// Keys are ignored while the reader types in a field, inside a dialog, or with Ctrl, Alt or Meta
// held (those belong to the browser: components/page-keys.ts). What each action does is in
// shortcut-actions.ts.
import { pageKeyTarget } from "../../components/page-keys.ts";

export type Action =
  "next" | "previous" | "open" | "bookmark" | "read" | "list" | "search" | "help" | "highlight";

/** The event the `h` shortcut sends for the open article's highlights to act on. */
export const HIGHLIGHT_EVENT = "offprint:highlight";

/** Every key and its action; the "?" dialog lists them with words (shortcut-actions.ts). */
export const KEYS: Readonly<Record<string, Action>> = {
  j: "next",
  k: "previous",
  o: "open",
  Enter: "open",
  s: "bookmark",
  m: "read",
  h: "highlight",
  u: "list",
  "/": "search",
  "?": "help",
};

const INTERACTIVE = "a[href], button, summary, [role='button'], [role='link']";

/** The shortcut a key press asks for, or undefined when it is not one (or not ours now). */
export function actionFor(e: KeyboardEvent): Action | undefined {
  const target = pageKeyTarget(e);
  // Enter on a link or button already does what it says.
  if (!target || (e.key === "Enter" && target.closest(INTERACTIVE))) return undefined;
  return Object.hasOwn(KEYS, e.key) ? KEYS[e.key] : undefined;
}

/**
 * Listens for shortcuts on the document and hands each to `run`; the key's default (typing "/"
 * into the box it focuses, the browser's quick find) is prevented. Returns the function that stops.
 * @example onCleanup(installShortcuts((action) => action === "help" && openHelp()));
 */
export function installShortcuts(run: (action: Action) => void): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = actionFor(e);
    if (!action) return;
    e.preventDefault();
    run(action);
  };
  document.addEventListener("keydown", onKey);
  return () => document.removeEventListener("keydown", onKey);
}
