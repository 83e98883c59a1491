import { createUniqueId, For, onMount, Show } from "solid-js";

export interface OutboxItem {
  id: string;
  /** The article's title (on the drafts page), or undefined under the article itself. */
  title?: string;
  firstLine: string;
  /** "Waiting to send", "Sending", "Sent at …" or "Not accepted: …", as text. */
  state: string;
  kind: "waiting" | "sending" | "sent" | "rejected";
}

/** The reader's answer when Edit would put a refused reply over a draft with other text. */
export type EditAnswer = "keep" | "replace" | "both";

/**
 * Edit's question, in place under the reply: it takes the focus when shown (on the safe answer),
 * and Escape answers "Keep the draft".
 */
function EditQuestion(props: { onAnswer: (answer: EditAnswer) => void }) {
  const id = createUniqueId();
  let first!: HTMLButtonElement;
  onMount(() => first.focus());
  return (
    <div
      class="edit-question"
      role="group"
      aria-labelledby={id}
      onKeyDown={(e) => e.key === "Escape" && props.onAnswer("keep")}
    >
      <p id={id}>This article already has a draft with other text.</p>
      <div class="reply-actions">
        <button type="button" ref={first} onClick={() => props.onAnswer("keep")}>
          Keep the draft
        </button>
        <button type="button" onClick={() => props.onAnswer("replace")}>
          Replace with the refused reply
        </button>
        <button type="button" onClick={() => props.onAnswer("both")}>
          Keep both
        </button>
      </div>
    </div>
  );
}

/**
 * Replies on their way to the comment service, with their state and what the reader can do.
 * `asking`: the reply whose Edit waits for an answer (its question shows under it).
 */
export function OutboxList(props: {
  items: OutboxItem[];
  asking?: string;
  onRetry: (id: string) => void;
  onEdit: (id: string) => void;
  onAnswer: (id: string, answer: EditAnswer) => void;
  onDiscard: (id: string) => void;
}) {
  return (
    <ol class="outbox" aria-label="Outbox">
      <For each={props.items}>
        {(item) => {
          let edit: HTMLButtonElement | undefined;
          // The focus goes back to Edit before the question goes (and stays there if the reply does).
          const answer = (a: EditAnswer) => {
            edit?.focus();
            props.onAnswer(item.id, a);
          };
          return (
            <li class="panel outbox-item">
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
                  <button type="button" ref={edit} onClick={() => props.onEdit(item.id)}>
                    Edit
                  </button>
                </Show>
                <Show when={item.kind !== "sending"}>
                  <button type="button" onClick={() => props.onDiscard(item.id)}>
                    Discard
                  </button>
                </Show>
              </div>
              <Show when={props.asking === item.id}>
                <EditQuestion onAnswer={answer} />
              </Show>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
