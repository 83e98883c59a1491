import { A, createAsync } from "@solidjs/router";
import { createResource, For, Show } from "solid-js";
import { LoadFailed } from "../components/LoadFailed.tsx";
import { createSummaries } from "../state/summaries.ts";
import { formatDay } from "../catalog/format.ts";
import { ArticleList } from "../components/ArticleList.tsx";
import { usePageTitle } from "../state/page.ts";
import { isSaved, savedAt, savedSlugs, startLibrary, toggleBookmark } from "../state/library.ts";
import { markersFor } from "../state/markers.ts";
import { loadBookmarkRecords } from "../storage/bookmarks.ts";

/** `/saved`: bookmarked articles, the most recently saved first; then those no longer in the edition. */
export default function SavedPage() {
  // The saved articles' summaries, from their slug shards and pages: never the whole catalog.
  // Asked once the bookmarks are in, so the page never says "no saved articles" too soon.
  const [loaded] = createResource(() => startLibrary().then(() => true));
  const articles = createSummaries(() =>
    loaded.state === "ready" || loaded.error ? savedSlugs() : undefined,
  );
  const saved = () =>
    savedSlugs()
      .flatMap((slug) => {
        const a = articles.summary(slug);
        // A bookmark under a renamed article's old slug is moved at start-up, not shown twice.
        return a && a.slug === slug ? [a] : [];
      })
      .sort((a, b) => (savedAt(b.slug) ?? 0) - (savedAt(a.slug) ?? 0));
  // Bookmarks of articles the edition no longer has (nor under another name), with the title each
  // was saved with; read again whenever the bookmarks change.
  const records = createAsync(() => {
    savedSlugs();
    return loadBookmarkRecords().catch(() => new Map<string, never>());
  });
  const gone = () => {
    return [...(records()?.values() ?? [])]
      .filter((b) => isSaved(b.slug) && articles.gone(b.slug))
      .sort((a, b) => b.savedAt - a.savedAt);
  };

  usePageTitle(() => articles.started() && "Saved");

  return (
    <section class="list">
      <h1>Saved</h1>
      <Show when={articles.error()}>
        <LoadFailed
          online="Your saved articles could not be loaded."
          offline="Your saved articles aren't available offline yet."
          onRetry={articles.retry}
        />
      </Show>
      <Show
        when={saved().length > 0 || gone().length > 0 || !articles.started()}
        fallback={
          <p class="empty">
            No saved articles yet. Press “Bookmark” on an article, in the <A href="/">list</A> or on
            its page, and it will wait for you here.
          </p>
        }
      >
        <Show when={saved().length > 0}>
          <ArticleList
            label="Saved articles"
            articles={saved()}
            markers={markersFor}
            saved={isSaved}
            onToggleBookmark={toggleBookmark}
            extra={(a) => `Saved ${formatDay(savedAt(a.slug) ?? 0)}`}
          />
        </Show>
      </Show>
      <Show when={gone().length > 0}>
        <section class="gone" aria-labelledby="saved-gone">
          <h2 id="saved-gone">No longer in this edition</h2>
          <p class="gone-note">These articles were removed from the edition.</p>
          <ul class="drafts" aria-label="Saved articles no longer in this edition">
            <For each={gone()}>
              {(bookmark) => (
                <li class="draft">
                  <h3 class="draft-title">{bookmark.title ?? bookmark.slug}</h3>
                  <p class="draft-when">Saved {formatDay(bookmark.savedAt)}</p>
                  <button
                    type="button"
                    aria-label={`Remove bookmark: ${bookmark.title ?? bookmark.slug}`}
                    onClick={() => void toggleBookmark(bookmark.slug)}
                  >
                    Remove
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </section>
  );
}
