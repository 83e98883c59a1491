import {
  createAsync,
  useBeforeLeave,
  useLocation,
  useParams,
  useSearchParams,
} from "@solidjs/router";
import { createEffect, lazy, Show, Suspense } from "solid-js";
import { getListStart } from "../catalog/queries.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { FilterNav } from "../components/FilterNav.tsx";
import { pageShown } from "../state/page.ts";
import { restoreScroll, saveScroll } from "../state/scroll.ts";
import { isSaved, toggleBookmark } from "../state/library.ts";
import { createListView, type FilterName } from "../state/list-view.ts";
import { markersFor } from "../state/markers.ts";
import { startPositions, unfinished } from "../state/positions.ts";

// Shown only to a reader with articles started and not finished: its own chunk, fetched then.
const ContinueReading = lazy(() =>
  import("../components/ContinueReading.tsx").then((m) => ({ default: m.ContinueReading })),
);

// Only an unknown category shows it.
const NotFound = lazy(() => import("./NotFoundPage.tsx").then((m) => ({ default: m.NotFound })));

/** `/` and `/category/<slug>`, with `?filter=unread|saved`: the edition's articles, newest first. */
export default function ListPage() {
  const params = useParams<{ category?: string }>();
  const [search] = useSearchParams<{ filter?: string }>();
  const location = useLocation();
  const start = createAsync(() => getListStart(params.category));
  const category = () => {
    const slug = params.category;
    return slug === undefined
      ? undefined
      : start()?.manifest.categories.find((c) => c.slug === slug);
  };
  const missing = () => params.category !== undefined && start() !== undefined && !category();
  const filter = (): FilterName =>
    search.filter === "unread" || search.filter === "saved" ? search.filter : "all";
  const view = createListView({
    manifest: () => start()?.manifest,
    category: () => params.category,
    filter,
    seed: () => start()?.seed,
  });
  const shown = view.items;
  const heading = () => category()?.name ?? "Latest articles";
  const base = () => (category() ? `/category/${category()?.slug}` : "/");
  const filters = () =>
    (
      [
        ["All", "all"],
        ["Unread", "unread"],
        ["Saved", "saved"],
      ] as const
    ).map(([label, name]) => ({
      label,
      count: view.counts()[name],
      href: name === "all" ? base() : `${base()}?filter=${name}`,
      current: filter() === name,
    }));
  const url = () => location.pathname + location.search;
  // Only on the unfiltered front page: articles started and not finished, still in the edition.
  void startPositions();
  const started = createAsync(async () => {
    const list = unfinished();
    if (list.length === 0) return [];
    const { findSummary } = await import("../catalog/find.ts");
    const found = await Promise.all(
      list.map(({ slug }) => findSummary(slug).catch(() => undefined)),
    );
    return list.flatMap(({ slug, progress }, i) => {
      const a = found[i];
      return a && a.slug === slug ? [{ slug, title: a.title, progress }] : [];
    });
  });
  // `latest`: positions arrive after the list (and change while it shows, from other tabs); a
  // new answer pending must not suspend the page, which would take the list out of the document
  // and the focus off the card the reader is on.
  const continuing = () =>
    !start() || params.category !== undefined || filter() !== "all" ? [] : (started.latest ?? []);

  createEffect(() => {
    if (!start() || missing()) return;
    const f = filter();
    pageShown(
      [category()?.name, f === "all" ? "" : f === "unread" ? "Unread" : "Saved"]
        .filter(Boolean)
        .join(" · ") || undefined,
    );
    restoreScroll(url());
  });
  useBeforeLeave(() => saveScroll(url()));

  return (
    <Show when={!missing()} fallback={<NotFound what="Page" />}>
      <section class="list">
        <h1>{heading()}</h1>
        <Show when={start()}>
          {/* Its own boundary: its chunk loading must not hold the list back or take it away. */}
          <Suspense>
            <Show when={continuing().length > 0}>
              <ContinueReading articles={continuing()} />
            </Show>
          </Suspense>
          <div class="list-tools">
            <FilterNav filters={filters()} />
            <button
              type="button"
              class="mark-all"
              disabled={shown().length === 0}
              onClick={() => void view.markAllRead()}
            >
              Mark all as read
            </button>
          </div>
          <Show
            when={shown().length > 0}
            fallback={
              <p class="empty">
                {filter() === "unread"
                  ? "You have read everything here."
                  : "Nothing saved here yet: press “Bookmark” on an article to keep it."}
              </p>
            }
          >
            <ArticleList
              label={heading()}
              articles={shown()}
              markers={markersFor}
              saved={isSaved}
              onToggleBookmark={toggleBookmark}
              onRange={view.want}
            />
          </Show>
        </Show>
      </section>
    </Show>
  );
}
