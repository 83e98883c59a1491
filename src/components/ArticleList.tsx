import { For, lazy, Show } from "solid-js";
import { articleCount } from "virtual:offprint/edition";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleCard } from "./ArticleCard.tsx";
import { BookmarkButton } from "./BookmarkButton.tsx";
import { Markers } from "./Markers.tsx";

export interface ArticleListProps {
  label: string;
  articles: ArticleSummary[];
  markers: (a: ArticleSummary) => string[];
  saved: (slug: string) => boolean;
  onToggleBookmark: (slug: string) => void;
  extra?: (a: ArticleSummary) => string | undefined;
}

/**
 * Lists longer than this render only the rows near the viewport; shorter ones render every card,
 * so find-in-page sees them all. The windowing code is its own chunk, fetched only for a long list.
 */
export const WINDOW_FROM = 60;
const WindowedList = lazy(() => import("./WindowedList.tsx"));
// A long edition fetches it alongside the catalog, not after.
if (articleCount > WINDOW_FROM) void WindowedList.preload();

/** One row: an article's card with its status markers and bookmark toggle; `pos` is 1-based. */
export function ArticleRow(props: {
  list: ArticleListProps;
  article: ArticleSummary;
  pos?: number;
}) {
  return (
    <li
      classList={{ unread: props.list.markers(props.article).includes("Unread") }}
      aria-posinset={props.pos}
      aria-setsize={props.pos && props.list.articles.length}
    >
      <ArticleCard
        article={props.article}
        markers={<Markers labels={props.list.markers(props.article)} />}
      >
        <div class="card-actions">
          <BookmarkButton
            title={props.article.title}
            pressed={props.list.saved(props.article.slug)}
            onToggle={() => props.list.onToggleBookmark(props.article.slug)}
          />
          <Show when={props.list.extra?.(props.article)}>
            {(text) => <span class="extra">{text()}</span>}
          </Show>
        </div>
      </ArticleCard>
    </li>
  );
}

/** A list of article cards, each with its status markers and bookmark toggle. */
export function ArticleList(props: ArticleListProps) {
  return (
    <Show
      when={props.articles.length > WINDOW_FROM}
      fallback={
        <ol class="articles" aria-label={props.label}>
          <For each={props.articles}>
            {(article) => <ArticleRow list={props} article={article} />}
          </For>
        </ol>
      }
    >
      <WindowedList list={props} />
    </Show>
  );
}
