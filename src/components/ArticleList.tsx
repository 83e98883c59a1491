import { For, lazy, Show } from "solid-js";
import { articleCount } from "virtual:offprint/edition";
import { ArticleRow, type ArticleListProps } from "./ArticleRow.tsx";

/**
 * Lists longer than this render only the rows near the viewport; shorter ones render every card,
 * so find-in-page sees them all. The windowing code is its own chunk, fetched only for a long list.
 */
export const WINDOW_FROM = 60;
const WindowedList = lazy(() => import("./WindowedList.tsx"));
// A long edition fetches it alongside the catalog, not after.
if (articleCount > WINDOW_FROM) void WindowedList.preload();

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
      <WindowedList
        list={props}
        row={(article, pos) => <ArticleRow list={props} article={article} pos={pos()} />}
      />
    </Show>
  );
}
