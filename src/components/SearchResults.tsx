import { createEffect, createSignal, For, Show } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleCard } from "./ArticleCard.tsx";
import { BookmarkButton } from "./BookmarkButton.tsx";
import { Markers } from "./Markers.tsx";

export interface Result {
  article: ArticleSummary;
  /** The article's words that matched, lower case. */
  terms: string[];
}

/** Results shown at first, and added by each "Show more results". */
export const RESULTS_PAGE = 50;

const words = (text: string) => new Set(text.toLowerCase().split(/[\n\r\p{Z}\p{P}]+/u));

/** Ranked search results, the matched words marked; words found only in the body are named. */
export function SearchResults(props: {
  /** The results shown (the page names them fifty at a time: a common word matches thousands). */
  results: Result[];
  /** How many more "Show more results" would add. */
  more: number;
  onShowMore: () => void;
  markers: (a: ArticleSummary) => string[];
  saved: (slug: string) => boolean;
  onToggleBookmark: (slug: string) => void;
}) {
  let list!: HTMLOListElement;
  // The reader goes on from the first result added, once its summary has come.
  const [focusAt, setFocusAt] = createSignal<number>();
  createEffect(() => {
    const at = focusAt();
    if (at === undefined || props.results.length <= at) return;
    list.children[at]?.querySelector<HTMLElement>("h2 a")?.focus();
    setFocusAt(undefined);
  });
  const showMore = () => {
    setFocusAt(props.results.length);
    props.onShowMore();
  };
  return (
    <>
      <ol class="articles search-results" aria-label="Search results" ref={list}>
        <For each={props.results}>
          {(r) => {
            const shown = () => words(`${r.article.title} ${r.article.excerpt}`);
            const inBody = () => r.terms.filter((t) => !shown().has(t));
            return (
              <li classList={{ unread: props.markers(r.article).includes("Unread") }}>
                <ArticleCard
                  article={r.article}
                  terms={r.terms}
                  picture={false}
                  markers={<Markers labels={props.markers(r.article)} />}
                >
                  <Show when={inBody().length > 0}>
                    <p class="found-in">
                      In the text: <mark>{inBody().join(", ")}</mark>
                    </p>
                  </Show>
                  <div class="card-actions">
                    <BookmarkButton
                      title={r.article.title}
                      pressed={props.saved(r.article.slug)}
                      onToggle={() => props.onToggleBookmark(r.article.slug)}
                    />
                  </div>
                </ArticleCard>
              </li>
            );
          }}
        </For>
      </ol>
      <Show when={props.more > 0}>
        <button type="button" class="show-more" onClick={showMore}>
          Show {props.more} more results
        </button>
      </Show>
    </>
  );
}
