import { createUniqueId, For } from "solid-js";
import "./DraftVersions.css";

export interface VersionItem {
  id: string;
  /** When it was kept, in words ("March 4, 2026 at 2:30 PM"). */
  kept: string;
  /** Where it came from ("from another tab"). */
  from: string;
  /** The whole comment, shown as text. */
  text: string;
}

const ACTIONS = [
  ["Copy", "onCopy"],
  ["Use this version", "onUse"],
  ["Discard", "onDiscard"],
] as const;

/** An article's other versions of its draft, each in full, with Copy, Use this version, Discard. */
export function DraftVersions(props: {
  title: string;
  versions: VersionItem[];
  onCopy: (id: string) => void;
  onUse: (id: string) => void;
  onDiscard: (id: string) => void;
}) {
  return (
    <ul class="draft-versions" aria-label={`Other versions: ${props.title}`}>
      <For each={props.versions}>
        {(version) => {
          const id = createUniqueId();
          return (
            <li class="draft-version">
              <p id={id} class="draft-version-when">
                Another version, kept {version.kept} ({version.from})
              </p>
              <p class="draft-version-text">{version.text}</p>
              <div class="draft-version-actions">
                <For each={ACTIONS}>
                  {([label, action]) => (
                    <button
                      type="button"
                      aria-describedby={id}
                      onClick={() => props[action](version.id)}
                    >
                      {label}
                    </button>
                  )}
                </For>
              </div>
            </li>
          );
        }}
      </For>
    </ul>
  );
}
