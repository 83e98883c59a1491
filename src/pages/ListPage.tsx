import {
  createAsync,
  useBeforeLeave,
  useLocation,
  useParams,
  useSearchParams,
} from "@solidjs/router";
import { createEffect, Show } from "solid-js";
import { getCatalog } from "../catalog/queries.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { FilterNav } from "../components/FilterNav.tsx";
import { pageShown } from "../state/page.ts";
import { restoreScroll, saveScroll } from "../state/scroll.ts";
import { isRead, isSaved, markAllRead, toggleBookmark } from "../state/library.ts";
import { markersFor } from "../state/markers.ts";
import { NotFound } from "./NotFoundPage.tsx";
import { ContinueReading } from "../components/ContinueReading.tsx";
import { startPositions, unfinished } from "../state/positions.ts";

type FilterName = "all" | "unread" | "saved";

/** `/` and `/category/<slug>`, with `?filter=unread|saved`: the edition's articles, newest first. */
export default function ListPage() {
  const params = useParams<{ category?: string }>();
  const [search] = useSearchParams<{ filter?: string }>();
  const location = useLocation();
  const catalog = createAsync(() => getCatalog());
  const category = () => {
    const slug = params.category;
    return slug === undefined ? undefined : catalog()?.categories.find((c) => c.slug === slug);
  };
  const missing = () => params.category !== undefined && catalog() !== undefined && !category();
  const filter = (): FilterName =>
    search.filter === "unread" || search.filter === "saved" ? search.filter : "all";
  const inCategory = () => {
    const c = catalog();
    if (!c) return [];
    const slug = category()?.slug;
    return slug ? c.articles.filter((a) => a.categorySlug === slug) : c.articles;
  };
  const unread = () => inCategory().filter((a) => !isRead(a.slug));
  const saved = () => inCategory().filter((a) => isSaved(a.slug));
  const shown = () => ({ all: inCategory, unread, saved })[filter()]();
  const heading = () => category()?.name ?? "Latest articles";
  const base = () => (category() ? `/category/${category()?.slug}` : "/");
  const filters = () =>
    (
      [
        ["All", "all", inCategory().length],
        ["Unread", "unread", unread().length],
        ["Saved", "saved", saved().length],
      ] as const
    ).map(([label, name, count]) => ({
      label,
      count,
      href: name === "all" ? base() : `${base()}?filter=${name}`,
      current: filter() === name,
    }));
  const url = () => location.pathname + location.search;
  // Only on the unfiltered front page: articles started and not finished, still in the edition.
  void startPositions();
  const continuing = () => {
    const c = catalog();
    if (!c || category() || params.category !== undefined || filter() !== "all") return [];
    return unfinished().flatMap(({ slug, progress }) => {
      const a = c.bySlug.get(slug);
      return a ? [{ slug, title: a.title, progress }] : [];
    });
  };

  createEffect(() => {
    if (!catalog() || missing()) return;
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
        <Show when={catalog()}>
          <Show when={continuing().length > 0}>
            <ContinueReading articles={continuing()} />
          </Show>
          <div class="list-tools">
            <FilterNav filters={filters()} />
            <button
              type="button"
              class="mark-all"
              disabled={shown().length === 0}
              onClick={() => markAllRead(shown().map((a) => a.slug))}
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
            />
          </Show>
        </Show>
      </section>
    </Show>
  );
}
