import { For, Show } from "solid-js";

export interface OutboxItem {
  id: string;
  /** The article's title (on the drafts page), or undefined under the article itself. */
  title?: string;
  firstLine: string;
  /** "Waiting to send", "Sending", "Sent at …" or "Not accepted: …", as text. */
  state: string;
  kind: "waiting" | "sending" | "sent" | "rejected";
}

/** Replies on their way to the comment service, with their state and what the reader can do. */
export function OutboxList(props: {
  items: OutboxItem[];
  onRetry: (id: string) => void;
  onEdit: (id: string) => void;
  onDiscard: (id: string) => void;
}) {
  return (
    <ol class="outbox" aria-label="Outbox">
      <For each={props.items}>
        {(item) => (
          <li class="outbox-item">
            <Show when={item.title}>{(title) => <h3>{title()}</h3>}</Show>
            <p class="draft-line">{item.firstLine}</p>
            <p class="outbox-state" classList={{ failed: item.kind === "rejected" }}>
              {item.state}
            </p>
            <div class="reply-actions">
              <Show when={item.kind === "waiting"}>
                <button type="button" onClick={() => props.onRetry(item.id)}>
                  Retry now
                </button>
              </Show>
              <Show when={item.kind === "rejected"}>
                <button type="button" onClick={() => props.onEdit(item.id)}>
                  Edit
                </button>
              </Show>
              <Show when={item.kind !== "sending"}>
                <button type="button" onClick={() => props.onDiscard(item.id)}>
                  Discard
                </button>
              </Show>
            </div>
          </li>
        )}
      </For>
    </ol>
  );
}
