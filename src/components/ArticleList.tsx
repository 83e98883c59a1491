import { For, Show } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleCard } from "./ArticleCard.tsx";
import { BookmarkButton } from "./BookmarkButton.tsx";
import { Markers } from "./Markers.tsx";

/** A list of article cards, each with its status markers and bookmark toggle. */
export function ArticleList(props: {
  label: string;
  articles: ArticleSummary[];
  markers: (a: ArticleSummary) => string[];
  saved: (slug: string) => boolean;
  onToggleBookmark: (slug: string) => void;
  extra?: (a: ArticleSummary) => string | undefined;
}) {
  return (
    <ol class="articles" aria-label={props.label}>
      <For each={props.articles}>
        {(article) => (
          <li classList={{ unread: props.markers(article).includes("Unread") }}>
            <ArticleCard article={article} markers={<Markers labels={props.markers(article)} />}>
              <div class="card-actions">
                <BookmarkButton
                  title={article.title}
                  pressed={props.saved(article.slug)}
                  onToggle={() => props.onToggleBookmark(article.slug)}
                />
                <Show when={props.extra?.(article)}>
                  {(text) => <span class="extra">{text()}</span>}
                </Show>
              </div>
            </ArticleCard>
          </li>
        )}
      </For>
    </ol>
  );
}
