import { Show } from "solid-js";

/**
 * "A new version is available" with its "Reload" button, or, when this tab met data saved by a
 * newer version and no update is waiting yet, why it should reload. It never reloads by itself.
 * `unsaved`: a "Reload" waits for a draft that could not be saved; "Reload anyway" does not wait.
 */
export function UpdatePrompt(props: {
  show: boolean;
  newerData?: boolean;
  unsaved?: boolean;
  onReload: () => void;
  onReloadAnyway: () => void;
}) {
  return (
    <div class="update-prompt" role="status">
      <Show when={props.show || props.newerData}>
        <div class="update-bar">
          <p>
            {props.show
              ? "A new version is available"
              : "This data was saved by a newer version of Offprint. Reload to use it."}
          </p>
          <Show when={props.show && props.unsaved}>
            <p>Your draft could not be saved yet: the page reloads once it is.</p>
          </Show>
          <button type="button" onClick={() => props.onReload()}>
            Reload
          </button>
          <Show when={props.show && props.unsaved}>
            <button type="button" onClick={() => props.onReloadAnyway()}>
              Reload anyway
            </button>
          </Show>
        </div>
      </Show>
    </div>
  );
}
