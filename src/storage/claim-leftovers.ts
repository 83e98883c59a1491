// Taking over the safety copies closed pages left behind: the code that does it (./leftovers.ts)
// loads only when another page's copy is there to look at. A module of its own so that
// safety-copies.ts, which leftovers.ts reads, never imports it back.
import { otherPagesCopies } from "./safety-copies.ts";

/**
 * Takes over the copies closed pages left behind (see ./leftovers.ts).
 * @example await claimLeftovers("some-slug"); const copy = readSafetyCopy("some-slug");
 */
export async function claimLeftovers(slug?: string): Promise<void> {
  const left = otherPagesCopies(slug);
  if (left.length > 0) await (await import("./leftovers.ts")).claim(left);
}
