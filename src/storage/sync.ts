// Tells other tabs of this edition what changed: after each write, `{kind, key, rev}` goes out on
// the BroadcastChannel "offprint"; listeners re-read that key.
import type { Kind } from "./db.ts";
import { CHANNEL } from "./keys.ts";

export interface Change {
  kind: Kind;
  key: string;
  rev: number;
}

let channel: BroadcastChannel | undefined;
const listeners = new Set<(change: Change) => void>();

function ensureChannel(): BroadcastChannel | undefined {
  if (!channel && typeof BroadcastChannel !== "undefined") {
    channel = new BroadcastChannel(CHANNEL);
    // Node has BroadcastChannel too (the build renders pages on the server): there an open
    // channel must not keep the process alive. Browsers have no unref.
    (channel as { unref?: () => void }).unref?.();
    channel.onmessage = (e: MessageEvent<Change>) => {
      const c = e.data;
      if (c && typeof c.kind === "string" && typeof c.key === "string") {
        for (const fn of listeners) fn(c);
      }
    };
  }
  return channel;
}

/** Announces a finished write to the other tabs. */
export function announce(change: Change): void {
  ensureChannel()?.postMessage(change);
}

/**
 * Calls `fn` for each change another tab announces. Returns the unsubscribe function.
 * @example onChange((c) => c.kind === "bookmarks" && reload(c.key));
 */
export function onChange(fn: (change: Change) => void): () => void {
  ensureChannel();
  listeners.add(fn);
  return () => listeners.delete(fn);
}
