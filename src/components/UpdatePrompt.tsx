import { Show } from "solid-js";

/**
 * "A new version is available" with its "Reload" button, or, when this tab met data saved by a
 * newer version and no update is waiting yet, why it should reload. It never reloads by itself.
 */
export function UpdatePrompt(props: { show: boolean; newerData?: boolean; onReload: () => void }) {
  return (
    <div class="update-prompt" role="status">
      <Show when={props.show || props.newerData}>
        <div class="update-bar">
          <p>
            {props.show
              ? "A new version is available"
              : "This data was saved by a newer version of Offprint. Reload to use it."}
          </p>
          <button type="button" onClick={() => props.onReload()}>
            Reload
          </button>
        </div>
      </Show>
    </div>
  );
}
