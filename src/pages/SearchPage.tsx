import { A, createAsync, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, Match, Show, Switch } from "solid-js";
import { isServer } from "solid-js/web";
import { getCatalog } from "../catalog/whole-catalog.ts";
import { loadSearch, type Answer } from "../state/search.ts";
import { SearchFilters, type SearchFilterValues } from "../components/SearchFilters.tsx";
import { SearchResults } from "../components/SearchResults.tsx";
import { documentTitle, usePageTitle } from "../state/page.ts";
import { isRead, isSaved, toggleBookmark } from "../state/library.ts";
import { markersFor } from "../state/markers.ts";
import "./SearchPage.css";
import { LoadFailed } from "../components/LoadFailed.tsx";

type Params = { q?: string; unread?: string; saved?: string; short?: string; category?: string };

/** `/search?q=...`: full-text search over the edition, with filters kept in the URL too. */
export default function SearchPage() {
  const [params, setParams] = useSearchParams<Params>();
  const catalog = createAsync(() => getCatalog());
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
  const found = createMemo(() => {
    const a = latest();
    const c = catalog();
    if (!a || !c || !query()) return [];
    return a.hits.flatMap((hit) => {
      const article = c.bySlug.get(hit.slug);
      // `terms` is read only for the results shown: a common word matches most of the archive.
      return article
        ? [
            {
              article,
              get terms() {
                return hit.terms;
              },
            },
          ]
        : [];
    });
  });
  const shown = () => {
    const f = filters();
    return found().filter(
      ({ article: a }) =>
        (!f.unread || !isRead(a.slug)) &&
        (!f.saved || isSaved(a.slug)) &&
        (!f.short || a.minutes <= 5) &&
        (!f.category || a.categorySlug === f.category),
    );
  };
  const count = (a: Answer & { query: string }) => {
    const n = shown().length;
    const hidden = found().length - n;
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

  usePageTitle(() => catalog() && "Search");
  createEffect(() => {
    if (catalog()) document.title = documentTitle(query() ? `Search: ${query()}` : "Search");
  });

  return (
    <section class="list search-page">
      <h1>Search</h1>
      <SearchFilters
        values={filters()}
        categories={catalog()?.categories ?? []}
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
        <Match when={searcher.error || answer.error}>
          <LoadFailed
            online="The search could not be loaded."
            offline="The search isn't available offline yet."
            onRetry={() => (searcher.error ? refetch() : retry())}
          />
        </Match>
        <Match when={!latest()}>
          <p class="loading">Loading the search…</p>
        </Match>
        <Match when={latest()}>
          <Show when={shown().length > 0}>
            <SearchResults
              results={shown()}
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
