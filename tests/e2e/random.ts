// A small seeded generator for the storms, so a failing run can be replayed with the same choices.

/**
 * Numbers in [0, 1), the same sequence for the same seed.
 * @example const next = random(4); const delayMs = Math.floor(next() * 400);
 */
export function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
