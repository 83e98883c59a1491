import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { Dynamic } from "solid-js/web";
import { DraftVersions, type VersionItem } from "./DraftVersions.tsx";

export interface DraftItem {
  slug: string;
  /** The article's title; for an article gone from the edition, the title it had when saved. */
  title?: string;
  /** The article is no longer in the edition: no link, and the draft's text shown in full. */
  gone?: boolean;
  /** The current draft, or undefined when only other versions of it are kept. */
  draft?: { firstLine: string; text: string; edited: string };
  /** Other versions of the draft, the newest first. */
  versions: VersionItem[];
}

interface Actions {
  onDiscard: (slug: string) => void;
  /** Copies a draft's whole comment (offered for articles gone from the edition). */
  onCopy: (slug: string) => void;
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
export function DraftList(props: Actions & { drafts: DraftItem[]; label?: string; level?: 2 | 3 }) {
  return (
    <ol class="drafts" aria-label={props.label ?? "Drafts"}>
      <For each={props.drafts.map((d) => d.slug)}>
        {(slug) => (
          <Show when={props.drafts.find((d) => d.slug === slug)}>
            {(item) => <DraftEntry item={item()} level={props.level ?? 2} {...props} />}
          </Show>
        )}
      </For>
    </ol>
  );
}

function DraftEntry(props: Actions & { item: DraftItem; level: 2 | 3 }) {
  let heading: HTMLHeadingElement | undefined;
  // The button pressed goes away with its version: focus goes back to the article's heading.
  const thenFocus = (run: (id: string) => Promise<void>) => async (id: string) => {
    await run(id);
    if (heading?.isConnected) heading.focus();
  };
  const name = () => props.item.title ?? props.item.slug;
  return (
    <li class="draft">
      <Dynamic component={`h${props.level}`} class="draft-title" tabindex="-1" ref={heading}>
        <Show
          when={!props.item.gone && props.item.title}
          fallback={props.item.gone ? name() : `${name()} (no longer in this edition)`}
        >
          {(title) => <A href={`/articles/${props.item.slug}`}>{title()}</A>}
        </Show>
      </Dynamic>
      <Show when={props.item.draft} fallback={<p class="draft-when">No current draft</p>}>
        {(draft) => (
          <>
            <Show when={props.item.gone} fallback={<p class="draft-line">{draft().firstLine}</p>}>
              <p class="draft-version-text">{draft().text}</p>
            </Show>
            <p class="draft-when">Last edited {draft().edited}</p>
            <div class="draft-version-actions">
              <Show when={props.item.gone}>
                <button
                  type="button"
                  aria-label={`Copy draft: ${name()}`}
                  onClick={() => props.onCopy(props.item.slug)}
                >
                  Copy
                </button>
              </Show>
              <button
                type="button"
                aria-label={`Discard draft: ${name()}`}
                onClick={() => props.onDiscard(props.item.slug)}
              >
                Discard draft
              </button>
            </div>
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
