// Whether a key press is the page's to act on. A field keeps its keys (letters stay letters, End
// moves the caret), a dialog owns its keys, and Ctrl, Alt and Meta belong to the browser.

const FIELD = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

/**
 * Where a key press that is the page's to act on came from (the body when no element has the
 * focus); undefined when it is not the page's: handled already, typed in a field or a dialog, or
 * with Ctrl, Alt or Meta held.
 */
export function pageKeyTarget(e: KeyboardEvent): Element | undefined {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return undefined;
  const target = e.target instanceof Element ? e.target : document.body;
  return target.closest(FIELD) || target.closest("dialog") ? undefined : target;
}
