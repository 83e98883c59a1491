// "N highlights" on list cards. The highlights store and its code are fetched only on a device
// that keeps highlights (storage/highlights-kept.ts), so `/` loads nothing more for a reader who
// never highlighted.
import { createSignal } from "solid-js";
import { isServer } from "solid-js/web";
import { mayHaveHighlights } from "../storage/highlights-kept.ts";

const [count, setCount] = createSignal<(slug: string) => number>(() => 0);
let loading = false;

/** How many highlights an article has (0 until the store has loaded, which this starts). */
export function highlightCountOf(slug: string): number {
  // A page rendered at build time shows a first visit: nothing kept, nothing to fetch.
  if (!isServer && !loading && mayHaveHighlights()) {
    loading = true;
    import("./highlights.ts").then(
      async (m) => {
        await m.startHighlights();
        setCount(() => m.highlightCount);
      },
      () => (loading = false), // the next list tries again
    );
  }
  return count()(slug);
}
