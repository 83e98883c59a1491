// One row of an article list, shared by the full list (./ArticleList.tsx) and the windowed one
// (./WindowedList.tsx), so neither imports the other.
import { Show } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleCard } from "./ArticleCard.tsx";
import { BookmarkButton } from "./BookmarkButton.tsx";
import { Markers } from "./Markers.tsx";

export interface ArticleListProps {
  label: string;
  /** The rows; a number stands for an article not loaded yet (the page it is on). */
  articles: (ArticleSummary | number)[];
  markers: (a: ArticleSummary) => string[];
  saved: (slug: string) => boolean;
  onToggleBookmark: (slug: string) => void;
  extra?: (a: ArticleSummary) => string | undefined;
  /** Told which rows (start, end exclusive) are about to show, so their articles load. */
  onRange?: (start: number, end: number) => void;
}

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
