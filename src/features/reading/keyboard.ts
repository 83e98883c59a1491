// Keyboard shortcuts: which key asks for what, and the one document listener that hears them.
// Keys are ignored while the reader types in a field, inside a dialog, or with Ctrl, Alt or Meta
// held (those belong to the browser). What each action does is in shortcut-actions.ts.

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

const FIELD = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";
const INTERACTIVE = "a[href], button, summary, [role='button'], [role='link']";

/** Is the reader typing or choosing in a field, where letters must stay letters? */
export function isTyping(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(FIELD) !== null;
}

/** The shortcut a key press asks for, or undefined when it is not one (or not ours now). */
export function actionFor(e: KeyboardEvent): Action | undefined {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return undefined;
  const target = e.target instanceof Element ? e.target : null;
  if (isTyping(target) || target?.closest("dialog")) return undefined;
  // Enter on a link or button already does what it says.
  if (e.key === "Enter" && target?.closest(INTERACTIVE)) return undefined;
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
