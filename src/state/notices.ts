// Short messages to the reader ("Marked 12 as read · Undo", "Could not save: storage full"),
// shown by the shell in a live region. Errors stay until dismissed; the rest time out.
import { createSignal } from "solid-js";

export interface Notice {
  id: number;
  text: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
}

const [notices, setNotices] = createSignal<Notice[]>([]);
export { notices };

let nextId = 1;

/** How long an Undo stays on screen: the issue asks for at least 5 seconds. */
export const UNDO_MS = 8000;

/** Removes a notice. */
export function dismiss(id: number): void {
  setNotices((list) => list.filter((n) => n.id !== id));
}

/**
 * Shows a notice; info notices go after `ms`, errors stay until dismissed.
 * @example notify("Marked 3 as read", { action: { label: "Undo", run: undo } });
 */
export function notify(
  text: string,
  options: { tone?: Notice["tone"]; action?: Notice["action"]; ms?: number } = {},
): number {
  const id = nextId++;
  const tone = options.tone ?? "info";
  setNotices((list) => [...list.slice(-3), { id, text, tone, action: options.action }]);
  if (tone === "info")
    setTimeout(() => dismiss(id), options.ms ?? (options.action ? UNDO_MS : 4000));
  return id;
}

/** Tells the reader a write failed, in words that say why. */
export function notifyFailure(what: string, err: unknown): void {
  const reason = err instanceof Error ? err.message : String(err);
  notify(`${what} failed: ${reason}`, { tone: "error" });
}
