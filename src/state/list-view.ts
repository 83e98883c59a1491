// A list page's articles (all, or one category's; all, unread or saved) read from the paged
// catalog: the manifest gives every count and the list's length, pages are read as the rows that
// show need them, and the reader's own read and saved slugs are placed through their shards, so
// the counts are exact at any size while the cost grows with what the reader did, not the archive.
import { createEffect, createMemo, createSignal } from "solid-js";
import { listOf, loadPage } from "../catalog/pages.ts";
import { pageLengths, type CatalogManifest, type PagedList } from "../catalog/paged.ts";
import type { ArticleSummary } from "../catalog/types.ts";
import { isRead, isSaved, markAllRead as markSlugsRead, readSlugs, savedSlugs } from "./library.ts";
import { place, placed } from "./placed.ts";

export type FilterName = "all" | "unread" | "saved";
/** A row of the list: the article, or the page (counted from the oldest) it is on, not read yet. */
export type ListItem = ArticleSummary | number;

/** Page files read so far, by hash. */
const [pages, setPages] = createSignal(new Map<string, ArticleSummary[]>(), { equals: false });

/** Reads the given pages of `list` (not yet read) into the shared page map. */
async function readPages(list: PagedList, wanted: Iterable<number>): Promise<void> {
  const todo = [...new Set(wanted)].filter((k) => !pages().has(list.pages[k]));
  const read = await Promise.all(todo.map((k) => loadPage(list, k).then((a) => [k, a] as const)));
  if (read.length === 0) return;
  const map = pages();
  for (const [k, articles] of read) map.set(list.pages[k], articles);
  setPages(map);
}

/**
 * The rows, counts and actions of one list view. `seed` holds pages already read (the route's
 * preload, the same on the server), by hash.
 * @example const view = createListView({ manifest, category: () => params.category, filter, seed });
 */
export function createListView(props: {
  manifest: () => CatalogManifest | undefined;
  category: () => string | undefined;
  filter: () => FilterName;
  seed: () => Map<string, ArticleSummary[]> | undefined;
}) {
  const list = () => {
    const m = props.manifest();
    return m && listOf(m, props.category());
  };
  const categoryIndex = () =>
    props.category() === undefined
      ? -1
      : (props.manifest()?.categories.findIndex((c) => c.slug === props.category()) ?? -1);
  createEffect(() => place([...readSlugs(), ...savedSlugs()]));

  /** Per page (from the oldest): how many of its articles are read, and saved. */
  const perPage = createMemo(() => {
    const l = list();
    const n = l?.pages.length ?? 0;
    const read = new Int32Array(n);
    const saved = new Int32Array(n);
    const ci = categoryIndex();
    const count = (slugs: string[], into: Int32Array) => {
      for (const slug of slugs) {
        const at = placed().get(slug);
        if (at && (ci < 0 || at.category === ci)) into[ci < 0 ? at.allPage : at.categoryPage]++;
      }
    };
    count(readSlugs(), read);
    count(savedSlugs(), saved);
    return { read, saved };
  });
  const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0);
  const counts = () => {
    const total = list()?.count ?? 0;
    return { all: total, unread: total - sum(perPage().read), saved: sum(perPage().saved) };
  };
  const pageOf = (hash: string) => pages().get(hash) ?? props.seed()?.get(hash);
  const keep = (f: FilterName) => (a: ArticleSummary) =>
    f === "all" || (f === "unread" ? !isRead(a.slug) : isSaved(a.slug));

  /** The view's rows, newest first: articles of pages read, page numbers for the rest. */
  const items = createMemo((): ListItem[] => {
    const l = list();
    const m = props.manifest();
    if (!l || !m) return [];
    const f = props.filter();
    const lengths = pageLengths(l, m.pageSize);
    const { read, saved } = perPage();
    const out: ListItem[] = [];
    for (let k = l.pages.length - 1; k >= 0; k--) {
      const page = pageOf(l.pages[k]);
      if (page) {
        for (const a of page) if (keep(f)(a)) out.push(a);
        continue;
      }
      const n = f === "all" ? lengths[k] : f === "unread" ? lengths[k] - read[k] : saved[k];
      for (let i = 0; i < n; i++) out.push(k);
    }
    return out;
  });

  return {
    items,
    counts,
    /** Reads the pages rows `start` to `end` (exclusive) are on. */
    want(start: number, end: number): void {
      const l = list();
      if (!l) return;
      const wanted = items()
        .slice(start, end)
        .filter((i): i is number => typeof i === "number");
      void readPages(l, wanted).catch(() => undefined);
    },
    /**
     * Marks every article of the view read (with Undo): All and Unread through the slug shards,
     * Saved through the pages holding saved articles.
     */
    async markAllRead(): Promise<void> {
      const l = list();
      if (!l) return;
      const f = props.filter();
      if (f !== "saved") {
        // All or Unread: every article of the list, named by the slug shards, not its pages.
        const { slugsOf } = await import("../catalog/find.ts");
        await markSlugsRead(await slugsOf(categoryIndex()));
        return;
      }
      const { saved } = perPage();
      // Its own chunk: only a reader's click needs it.
      const { markViewRead } = await import("./mark-view-read.ts");
      await markViewRead(
        l.pages.flatMap((_, k) => (f !== "saved" || saved[k] > 0 ? [l.pages[k]] : [])),
        (hashes) =>
          readPages(
            l,
            hashes.map((h) => l.pages.indexOf(h)),
          ),
        (hash) => (pageOf(hash) ?? []).filter(keep(f)),
      );
    },
  };
}
