// Read-modify-write of a shared record must not interleave, within this tab or across tabs:
// Web Locks where the browser has them, else a queue per name in this tab.
const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `fn` while holding the lock `name`.
 * @example await withLock("offprint-reads-chunk-3", () => rewriteChunk());
 */
export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks?.request) {
    return navigator.locks.request(name, fn) as Promise<T>;
  }
  const before = queues.get(name) ?? Promise.resolve();
  const next = before.then(fn, fn);
  queues.set(
    name,
    next.catch(() => undefined),
  );
  return next;
}

/**
 * Runs `fn` holding every lock of `names`, taken one after another in one (sorted) order, so two
 * tabs taking overlapping sets never wait on each other in a circle.
 * @example await withLocks([lockName("drafts", "a"), lockName("drafts", "b")], () => move());
 */
export function withLocks<T>(names: string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(names)].sort();
  const take = (i: number): Promise<T> =>
    i === sorted.length ? fn() : withLock(sorted[i], () => take(i + 1));
  return take(0);
}
