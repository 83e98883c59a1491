import { Show } from "solid-js";

/**
 * "Offline" in the header while the network is gone. The live region is always there, so that
 * screen readers announce the word when it appears.
 */
export function OfflineStatus(props: { offline: boolean }) {
  return (
    <div class="offline-status" role="status">
      <Show when={props.offline}>
        <span class="offline-badge">Offline</span>
      </Show>
    </div>
  );
}
