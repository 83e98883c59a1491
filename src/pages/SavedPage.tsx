import { A, createAsync } from "@solidjs/router";
import { Show } from "solid-js";
import { loadCatalog } from "../catalog/catalog.ts";
import { formatDay } from "../catalog/format.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { usePageTitle } from "../state/page.ts";
import { isSaved, savedAt, toggleBookmark } from "../state/library.ts";
import { markersFor } from "../state/markers.ts";

/** `/saved`: bookmarked articles, the most recently saved first. */
export default function SavedPage() {
  const catalog = createAsync(() => loadCatalog());
  const saved = () =>
    (catalog()?.articles ?? [])
      .filter((a) => isSaved(a.slug))
      .sort((a, b) => (savedAt(b.slug) ?? 0) - (savedAt(a.slug) ?? 0));

  usePageTitle(() => catalog() && "Saved");

  return (
    <section class="list">
      <h1>Saved</h1>
      <Show
        when={saved().length > 0}
        fallback={
          <p class="empty">
            No saved articles yet. Press “Bookmark” on an article, in the <A href="/">list</A> or on
            its page, and it will wait for you here.
          </p>
        }
      >
        <ArticleList
          label="Saved articles"
          articles={saved()}
          markers={markersFor}
          saved={isSaved}
          onToggleBookmark={toggleBookmark}
          extra={(a) => `Saved ${formatDay(savedAt(a.slug) ?? 0)}`}
        />
      </Show>
    </section>
  );
}
