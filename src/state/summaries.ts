// The summaries of a changing set of the reader's own slugs (saved articles, drafts, replies
// waiting), looked up through the catalog's slug shards and pages (catalog/find.ts), never the
// whole catalog. Each slug is looked up once per page: what the edition says of it does not
// change while the page is open, and a slug coming back (Undo) is known at once. The answers
// are a store, so a view reading one slug's is not run again when another slug's comes.
import { createEffect, createMemo, createResource, createSignal, onCleanup } from "solid-js";
import { isServer } from "solid-js/web";
import { createStore } from "solid-js/store";
import { summariesOf } from "../catalog/find.ts";
import type { ArticleSummary } from "../catalog/types.ts";

export interface Summaries {
  /**
   * Whether the first look-up has answered (or failed): a page says "nothing here" only then.
   * Later slugs are looked up without hiding what is shown.
   */
  started(): boolean;
  /** Whether `slug` has been looked up (or the look-up failed): a page lists it only then. */
  has(slug: string): boolean;
  /** The summary of the article at `slug` (an old slug gives its article's now). */
  summary(slug: string): ArticleSummary | undefined;
  /** Whether `slug` was looked up and is in neither the edition nor its aliases. */
  gone(slug: string): boolean;
  /** Why the last look-up failed (offline, nothing cached), if it did. */
  error(): unknown;
  retry(): void;
}

/**
 * Looks up `slugs()` as they change; undefined while the slugs themselves are still loading.
 * @example const articles = createSummaries(savedSlugs); articles.summary(slug)?.title
 */
export function createSummaries(slugs: () => string[] | undefined): Summaries {
  const [known, setKnown] = createStore<Record<string, ArticleSummary | null>>({});
  // Asked again only when a slug not yet known comes, not as a draft is typed.
  const unknown = createMemo(() => {
    const all = slugs();
    return all && [...new Set(all.filter((s) => !(s in known)))].sort();
  });
  const [lookup, { refetch }] = createResource(
    () => unknown()?.join("\n"),
    async (key) => {
      const asked = key === "" ? [] : key.split("\n");
      const found = await summariesOf(asked);
      setKnown(Object.fromEntries(asked.map((slug) => [slug, found.get(slug) ?? null])));
      return asked.length;
    },
  );
  const [started, setStarted] = createSignal(false);
  createEffect(() => {
    if (lookup.state === "ready" || lookup.error) setStarted(true);
  });
  const failed = () => lookup.state === "errored";
  // A look-up cut short by the network going is tried again when it comes back.
  if (!isServer) {
    const again = () => void (failed() && refetch());
    window.addEventListener("online", again);
    onCleanup(() => window.removeEventListener("online", again));
  }
  return {
    started,
    has: (slug) => slug in known || failed(),
    summary: (slug) => known[slug] ?? undefined,
    gone: (slug) => known[slug] === null,
    error: () => (failed() ? (lookup.error as unknown) : undefined),
    retry: () => void refetch(),
  };
}
