// A bounded number of tasks at a time: enough to keep the disk busy, without opening thousands of
// files at once.

/**
 * Runs `task` over 0…n-1, at most `lanes` at a time.
 * @example await inLanes(misses.length, 16, (k) => renderOne(misses[k]));
 */
export async function inLanes(n: number, lanes: number, task: (i: number) => Promise<void>) {
  let next = 0;
  const lane = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(lanes, n) }, lane));
}
