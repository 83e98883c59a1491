import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { DraftVersions, type VersionItem } from "./DraftVersions.tsx";

export interface DraftItem {
  slug: string;
  /** The article's title, or undefined when the edition no longer has the article. */
  title?: string;
  /** The current draft, or undefined when only other versions of it are kept. */
  draft?: { firstLine: string; edited: string };
  /** Other versions of the draft, the newest first. */
  versions: VersionItem[];
}

interface Actions {
  onDiscard: (slug: string) => void;
  onCopyVersion: (id: string) => void;
  /** Resolve once done: focus then goes back to the article's heading. */
  onUseVersion: (id: string) => Promise<void>;
  onDiscardVersion: (id: string) => Promise<void>;
}

/**
 * The reader's drafts: article link, first line of the comment (as text), when, and Discard; under
 * each, its other versions in full. Keyed by slug, so an article's entry (and focus) outlives a
 * change to its draft.
 */
export function DraftList(props: Actions & { drafts: DraftItem[] }) {
  return (
    <ol class="drafts" aria-label="Drafts">
      <For each={props.drafts.map((d) => d.slug)}>
        {(slug) => (
          <Show when={props.drafts.find((d) => d.slug === slug)}>
            {(item) => <DraftEntry item={item()} {...props} />}
          </Show>
        )}
      </For>
    </ol>
  );
}

function DraftEntry(props: Actions & { item: DraftItem }) {
  let heading: HTMLHeadingElement | undefined;
  // The button pressed goes away with its version: focus goes back to the article's heading.
  const thenFocus = (run: (id: string) => Promise<void>) => async (id: string) => {
    await run(id);
    if (heading?.isConnected) heading.focus();
  };
  const name = () => props.item.title ?? props.item.slug;
  return (
    <li class="draft">
      <h2 tabindex="-1" ref={heading}>
        <Show when={props.item.title} fallback={<>{props.item.slug} (no longer in this edition)</>}>
          {(title) => <A href={`/articles/${props.item.slug}`}>{title()}</A>}
        </Show>
      </h2>
      <Show when={props.item.draft} fallback={<p class="draft-when">No current draft</p>}>
        {(draft) => (
          <>
            <p class="draft-line">{draft().firstLine}</p>
            <p class="draft-when">Last edited {draft().edited}</p>
            <button
              type="button"
              aria-label={`Discard draft: ${name()}`}
              onClick={() => props.onDiscard(props.item.slug)}
            >
              Discard draft
            </button>
          </>
        )}
      </Show>
      <Show when={props.item.versions.length > 0}>
        <DraftVersions
          title={name()}
          versions={props.item.versions}
          onCopy={(id) => props.onCopyVersion(id)}
          onUse={thenFocus((id) => props.onUseVersion(id))}
          onDiscard={thenFocus((id) => props.onDiscardVersion(id))}
        />
      </Show>
    </li>
  );
}
