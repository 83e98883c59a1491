import { Show } from "solid-js";

/** "A new version is available" with its "Reload" button; it never reloads by itself. */
export function UpdatePrompt(props: { show: boolean; onReload: () => void }) {
  return (
    <div class="update-prompt" role="status">
      <Show when={props.show}>
        <div class="update-bar">
          <p>A new version is available</p>
          <button type="button" onClick={() => props.onReload()}>
            Reload
          </button>
        </div>
      </Show>
    </div>
  );
}
