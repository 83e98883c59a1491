import { A } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { Highlight } from "../../storage/highlights.ts";
import { markId } from "./paint.ts";

export interface ArticleGroup {
  slug: string;
  title: string;
  highlights: Highlight[];
}

const matches = (h: Highlight, words: string[]) => {
  const text = `${h.quote.exact}\n${h.note}`.toLocaleLowerCase();
  return words.every((w) => text.includes(w));
};

/**
 * Every highlight, grouped by article, with a filter over quotes and notes. Each quote links to
 * its place in the article; each article's can be copied as Markdown.
 */
export function HighlightsList(props: {
  groups: ArticleGroup[];
  onCopy: (group: ArticleGroup) => void;
}) {
  const [filter, setFilter] = createSignal("");
  const shown = () => {
    const words = filter().toLocaleLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return props.groups;
    return props.groups
      .map((g) => ({ ...g, highlights: g.highlights.filter((h) => matches(h, words)) }))
      .filter((g) => g.highlights.length > 0);
  };
  const total = () => shown().reduce((n, g) => n + g.highlights.length, 0);

  return (
    <>
      <p class="search-box">
        <label for="highlights-filter">Filter highlights</label>{" "}
        <input
          id="highlights-filter"
          type="search"
          value={filter()}
          onInput={(e) => setFilter(e.currentTarget.value)}
        />
      </p>
      <p role="status">
        {total()} {total() === 1 ? "highlight" : "highlights"}
        {filter().trim() ? " match" : ""}
      </p>
      <For each={shown()}>
        {(g) => (
          <section class="highlight-group" aria-labelledby={`group-${g.slug}`}>
            <h2 id={`group-${g.slug}`}>
              <A href={`/articles/${g.slug}`}>{g.title}</A>
            </h2>
            <button type="button" onClick={() => props.onCopy(g)}>
              Copy as Markdown<span class="visually-hidden">: {g.title}</span>
            </button>
            <ul class="highlight-items">
              <For each={g.highlights}>
                {(h) => (
                  <li>
                    <blockquote>
                      <A href={`/articles/${g.slug}#${markId(h.id)}`}>{h.quote.exact}</A>
                    </blockquote>
                    <Show when={h.note.trim()}>
                      <p class="highlight-note">{h.note}</p>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
    </>
  );
}
