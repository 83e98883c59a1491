import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { highlight } from "../catalog/highlight.ts";
import { ArticleMeta } from "./ArticleMeta.tsx";
import { BookmarkButton } from "./BookmarkButton.tsx";
import { Highlighted } from "./Highlighted.tsx";
import { Markers } from "./Markers.tsx";

export interface Result {
  article: ArticleSummary;
  /** The article's words that matched, lower case. */
  terms: string[];
}

const words = (text: string) => new Set(text.toLowerCase().split(/[\n\r\p{Z}\p{P}]+/u));

/** Ranked search results, the matched words marked; words found only in the body are named. */
export function SearchResults(props: {
  results: Result[];
  markers: (a: ArticleSummary) => string[];
  saved: (slug: string) => boolean;
  onToggleBookmark: (slug: string) => void;
}) {
  return (
    <ol class="articles search-results" aria-label="Search results">
      <For each={props.results}>
        {(r) => {
          const shown = () => words(`${r.article.title} ${r.article.excerpt}`);
          const inBody = () => r.terms.filter((t) => !shown().has(t));
          return (
            <li classList={{ unread: props.markers(r.article).includes("Unread") }}>
              <article class="card">
                <div class="card-text">
                  <ArticleMeta article={r.article} />
                  <h2>
                    <A href={`/articles/${r.article.slug}`}>
                      <Highlighted parts={highlight(r.article.title, r.terms)} />
                    </A>
                  </h2>
                  <Markers labels={props.markers(r.article)} />
                  <p class="excerpt">
                    <Highlighted parts={highlight(r.article.excerpt, r.terms)} />
                  </p>
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
                </div>
              </article>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
