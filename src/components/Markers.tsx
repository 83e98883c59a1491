import { For, Show } from "solid-js";

/** Small labels beside an article's title ("Unread", "Draft", "Available offline"). */
export function Markers(props: { labels: string[] }) {
  return (
    <Show when={props.labels.length > 0}>
      <ul class="markers" aria-label="Status">
        <For each={props.labels}>
          {(label) => <li class={`marker marker-${label.split(" ")[0].toLowerCase()}`}>{label}</li>}
        </For>
      </ul>
    </Show>
  );
}
