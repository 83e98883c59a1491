// Whether this start is still carrying records over from renamed articles' old slugs (./moved.ts):
// the open article waits for it before returning to the reader's place, which may be moving.
let pending: Promise<void> = Promise.resolve();

/** Resolves once the records of renamed articles are under their new slugs (or could not be). */
export function movesSettled(): Promise<void> {
  return pending;
}

/**
 * Remembers the start's carry-over, for `movesSettled`.
 * @example whileMoving(import("./moved.ts").then((m) => m.settleMovedArticles()));
 */
export function whileMoving(work: Promise<unknown>): void {
  pending = work.then(
    () => undefined,
    () => undefined,
  );
}
