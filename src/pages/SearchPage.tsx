import { A, createAsync, useSearchParams } from "@solidjs/router";
import {
  createEffect,
  createMemo,
  createResource,
  createSignal,
  Match,
  on,
  Show,
  Switch,
} from "solid-js";
import { isServer } from "solid-js/web";
import { loadManifest } from "../catalog/pages.ts";
import type { ArticleSummary } from "../catalog/types.ts";
import { Ranking } from "../catalog/search-shards.ts";
import { loadSearch, type Answer, type Hit } from "../state/search.ts";
import { SearchFilters, type SearchFilterValues } from "../components/SearchFilters.tsx";
import { RESULTS_PAGE, SearchResults, type Result } from "../components/SearchResults.tsx";
import { documentTitle, usePageTitle } from "../state/page.ts";
import { isSaved, readSlugs, savedSlugs, toggleBookmark } from "../state/library.ts";
import { markersFor } from "../state/markers.ts";
import { place, placed } from "../state/placed.ts";
import "./SearchPage.css";
import { LoadFailed } from "../components/LoadFailed.tsx";

/** Results named before the rest of a page of results: a screenful, from a few files. */
const NAMED_FIRST = 8;

type Params = { q?: string; unread?: string; saved?: string; short?: string; category?: string };

/** `/search?q=...`: full-text search over the edition, with filters kept in the URL too. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams<Params>();
  // The catalog's manifest names the categories; the search never reads the whole catalog.
  const manifest = createAsync(() => loadManifest());
  const query = () => (params.q ?? "").trim();
  // The search's manifest is fetched on the first non-empty query, not when the page opens.
  const [searcher, { refetch }] = createResource(() => query() !== "", loadSearch);
  const ready = () => (searcher.state === "ready" ? searcher() : undefined);
  // Each query fetches the shards it needs; the previous answer stays shown meanwhile.
  const [answer, { refetch: retry }] = createResource(
    () => {
      const s = ready();
      const q = query();
      return s && q ? { s, q } : false;
    },
    async ({ s, q }) => ({ ...(await s.search(q)), query: q }),
  );
  const latest = () => (answer.state === "errored" ? undefined : answer.latest);
  const filters = (): SearchFilterValues => ({
    unread: params.unread === "1",
    saved: params.saved === "1",
    short: params.short === "1",
    category: params.category ?? "",
  });
  // A category or length filter reads the facets file; read and saved, the reader's own slugs
  // placed through the catalog's shards (as the list's counts do).
  const [facets, { refetch: retryFacets }] = createResource(
    () => {
      const f = filters();
      const s = ready();
      return s && (f.short || f.category !== "") ? s : false;
    },
    (s) => s.facets(),
  );
  createEffect(() => {
    const f = filters();
    if (f.unread) place(readSlugs());
    if (f.saved) place(savedSlugs());
  });
  /** The ids of the articles of `slugs` placed so far. */
  const idsOf = (slugs: string[]) => {
    const s = ready();
    const ids = new Set<number>();
    if (!s) return ids;
    for (const slug of slugs) {
      const at = placed().get(slug);
      if (at) ids.add(s.idOf(at.number));
    }
    return ids;
  };
  const found = () => (query() ? latest()?.ranking : undefined);
  // The matches the filters keep, still unordered: a common word matches most of the archive.
  const kept = createMemo((): Ranking => {
    const f = filters();
    const ranking = found() ?? Ranking.none;
    if (!f.unread && !f.saved && !f.short && !f.category) return ranking;
    const read = f.unread ? idsOf(readSlugs()) : undefined;
    const saved = f.saved ? idsOf(savedSlugs()) : undefined;
    const facet = f.short || f.category ? facets.latest : undefined;
    // Until the facets come, a length or category filter shows nothing rather than everything.
    if ((f.short || f.category) && !facet) return Ranking.none;
    return ranking.only(
      (id) =>
        (!read || !read.has(id)) &&
        (!saved || saved.has(id)) &&
        (!f.short || facet!.short(id)) &&
        (!f.category || facet!.category(id) === f.category),
    );
  });
  // Fifty at a time; a new query or filter starts again from the first fifty.
  const [limit, setLimit] = createSignal(RESULTS_PAGE);
  createEffect(
    on([query, () => JSON.stringify(filters()), latest], () => setLimit(RESULTS_PAGE), {
      defer: true,
    }),
  );
  // The summaries of the results shown, from the few result files holding them, by article id
  // (null: its file could not be fetched offline; tried again with the next answer).
  const named = new Map<number, ArticleSummary | null>();
  // The best of the kept ones, as many as the page shows.
  const shown = createMemo((): Hit[] => kept().best(limit()));
  const [namedCount, setNamedCount] = createSignal(0);
  createEffect(
    on(latest, () => {
      for (const [id, a] of named) if (a === null) named.delete(id);
    }),
  );
  const [naming, { refetch: retryNames }] = createResource(
    () => {
      const s = ready();
      namedCount();
      const ids = shown()
        .map((h) => h.id)
        .filter((id) => !named.has(id));
      return s && ids.length > 0 ? { s, ids } : false;
    },
    async ({ s, ids }) => {
      // The first few first: they show while the rest of the page's files come.
      for (const part of [ids.slice(0, NAMED_FIRST), ids.slice(NAMED_FIRST)]) {
        if (part.length === 0) continue;
        const got = await s.summaries(part);
        part.forEach((id, i) => named.set(id, got[i] ?? null));
        setNamedCount(named.size);
      }
      return ids.length;
    },
  );
  /**
   * The results shown: the leading ones of the filtered hits whose summaries are in, so the list
   * never shows a result the query or the filters no longer hold; the rest follow as they come.
   */
  const results = (): Result[] => {
    namedCount();
    const out: Result[] = [];
    for (const hit of shown()) {
      if (!named.has(hit.id)) break;
      const article = named.get(hit.id);
      // `terms` is read only for the results shown: a common word matches most of the archive.
      if (article)
        out.push({
          article,
          get terms() {
            return hit.terms;
          },
        });
    }
    return out;
  };
  const count = (a: Answer & { query: string }) => {
    const n = kept().count;
    const hidden = (found()?.count ?? 0) - n;
    return (
      `${n === 1 ? "1 result" : `${n} results`} for “${a.query}”` +
      (hidden > 0 ? ` (${hidden} more hidden by the filters)` : "") +
      (a.unreachable > 0
        ? `; ${a.exact ? "" : "up to "}${a.unreachable} more need a connection`
        : "")
    );
  };
  const change = (c: Partial<SearchFilterValues>) =>
    setParams(
      Object.fromEntries(
        Object.entries(c).map(([k, v]) => [
          k,
          v === true ? "1" : v === false || v === "" ? undefined : v,
        ]),
      ),
      { replace: true, scroll: false },
    );

  usePageTitle(() => manifest() && "Search");
  createEffect(() => {
    if (manifest()) document.title = documentTitle(query() ? `Search: ${query()}` : "Search");
  });

  return (
    <section class="list search-page">
      <h1>Search</h1>
      <SearchFilters
        values={filters()}
        categories={manifest()?.categories ?? []}
        onChange={change}
      />
      {/* Always in the page, so screen readers announce each new count. */}
      <p class="result-count" role="status">
        {latest() && query() ? count(latest()!) : ""}
      </p>
      <Switch>
        <Match when={!query()}>
          {/* The static page (build/prerender.ts) of a reader without JavaScript: the header's
              box leads here, and says why nothing is found. */}
          <Show when={isServer}>
            <noscript>
              <p class="search-help">
                Searching needs JavaScript, which is off or blocked in this browser. Every article
                is still{" "}
                <A href="/" end>
                  listed here
                </A>
                , newest first.
              </p>
            </noscript>
          </Show>
          <p class="search-help">
            Type in the search box above to search the titles, excerpts and text of every article,
            even offline. Press <kbd>/</kbd> on any page to search, <kbd>?</kbd> for every keyboard
            shortcut.
          </p>
        </Match>
        <Match when={searcher.error || answer.error || naming.error || facets.error}>
          <LoadFailed
            online="The search could not be loaded."
            offline="The search isn't available offline yet."
            onRetry={() =>
              searcher.error
                ? refetch()
                : answer.error
                  ? retry()
                  : facets.error
                    ? retryFacets()
                    : retryNames()
            }
          />
        </Match>
        <Match when={!latest()}>
          <p class="loading">Loading the search…</p>
        </Match>
        <Match when={latest()}>
          <Show when={results().length > 0}>
            <SearchResults
              results={results()}
              more={Math.min(RESULTS_PAGE, kept().count - limit())}
              onShowMore={() => setLimit(limit() + RESULTS_PAGE)}
              markers={markersFor}
              saved={isSaved}
              onToggleBookmark={toggleBookmark}
            />
          </Show>
          <p class="search-help">
            Not what you wanted? Try fewer words, or <A href="/">browse every article</A>.
          </p>
        </Match>
      </Switch>
    </section>
  );
}
