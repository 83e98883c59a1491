import { A } from "@solidjs/router";
import { For, Show } from "solid-js";

export interface DraftItem {
  slug: string;
  /** The article's title, or undefined when the edition no longer has the article. */
  title?: string;
  firstLine: string;
  edited: string;
}

/** The reader's drafts: article link, first line of the comment (as text), when, and Discard. */
export function DraftList(props: { drafts: DraftItem[]; onDiscard: (slug: string) => void }) {
  return (
    <ol class="drafts" aria-label="Drafts">
      <For each={props.drafts}>
        {(d) => (
          <li class="draft">
            <h2>
              <Show when={d.title} fallback={<>{d.slug} (no longer in this edition)</>}>
                {(title) => <A href={`/articles/${d.slug}`}>{title()}</A>}
              </Show>
            </h2>
            <p class="draft-line">{d.firstLine}</p>
            <p class="draft-when">Last edited {d.edited}</p>
            <button
              type="button"
              aria-label={`Discard draft: ${d.title ?? d.slug}`}
              onClick={() => props.onDiscard(d.slug)}
            >
              Discard draft
            </button>
          </li>
        )}
      </For>
    </ol>
  );
}
