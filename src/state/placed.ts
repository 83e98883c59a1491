// The reader's own read and saved slugs, placed in the edition through the catalog's slug shards
// (catalog/find.ts): where each article is in the whole list and in its category's. The list's
// exact Unread and Saved counts and the search's "Unread only" and "Saved only" filters read
// them; what it costs grows with what the reader did, not with the archive.
import { createSignal } from "solid-js";
import type { Location } from "../catalog/find.ts";
import { onDispose } from "./synced-records.ts";

/** Slugs placed so far (null: in neither the edition nor its aliases). */
const [placed, setPlaced] = createSignal(new Map<string, Location | null>(), { equals: false });
const placing = new Set<string>();
onDispose(() => {
  setPlaced(new Map());
  placing.clear();
});

export { placed };

/**
 * Places the slugs not placed yet (each shard read once); `placed()` changes when they are.
 * @example createEffect(() => place([...readSlugs(), ...savedSlugs()]));
 */
export function place(slugs: string[]): void {
  const todo = slugs.filter((s) => !placed().has(s) && !placing.has(s));
  if (todo.length === 0) return;
  for (const s of todo) placing.add(s);
  // The shards' code comes with the first slug to place: a first visit to the list never needs it.
  void import("../catalog/find.ts")
    .then((m) => m.locate(todo))
    .then(
      (found) => {
        const map = placed();
        for (const s of todo) map.set(s, found.get(s) ?? null);
        setPlaced(map);
      },
      () => undefined, // offline: the counts stay as they are, and the next change tries again
    )
    .finally(() => todo.forEach((s) => placing.delete(s)));
}
