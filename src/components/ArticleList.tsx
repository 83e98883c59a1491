import { createEffect, For, lazy, Show } from "solid-js";
import { isServer } from "solid-js/web";
import { articleCount } from "virtual:offprint/edition";
import { ArticleRow, type ArticleListProps } from "./ArticleRow.tsx";

/**
 * Lists longer than this render only the rows near the viewport; shorter ones render every card,
 * so find-in-page sees them all. The windowing code is its own chunk, fetched only for a long list.
 */
export const WINDOW_FROM = 60;
const WindowedList = lazy(() => import("./WindowedList.tsx"));
// A long edition fetches it alongside the catalog, not after.
if (articleCount > WINDOW_FROM && !isServer) void WindowedList.preload();

/**
 * How much of a long list a static page shows (build/prerender.ts): its newest screenful, as
 * links, so the page of `/` does not grow with the edition. The app draws the rest.
 */
export const STATIC_ROWS = 30;

/** A list of article cards, each with its status markers and bookmark toggle. */
export function ArticleList(props: ArticleListProps) {
  const long = () => props.articles.length > WINDOW_FROM;
  // Every row of a short list shows: all of them load (a long list asks for what is in view).
  createEffect(() => {
    if (props.articles.length <= WINDOW_FROM) props.onRange?.(0, props.articles.length);
  });
  return (
    <Show
      when={long() && !isServer}
      fallback={
        <ol class="articles" aria-label={props.label}>
          {/* Rows not loaded yet come in once they are (a short list asks for all of them). */}
          <For each={long() ? props.articles.slice(0, STATIC_ROWS) : props.articles}>
            {(article) =>
              typeof article === "object" && <ArticleRow list={props} article={article} />
            }
          </For>
        </ol>
      }
    >
      <WindowedList
        list={props}
        row={(article, pos) => <ArticleRow list={props} article={article} pos={pos()} />}
      />
    </Show>
  );
}
