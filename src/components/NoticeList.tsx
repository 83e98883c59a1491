import { For, Show } from "solid-js";

/** A notice as shown: state/notices.ts keeps them in this shape. */
interface Notice {
  id: number;
  text: string;
  tone: "info" | "error";
  action?: { label: string; run: () => void };
}

/** The reader's notices: a polite live region for news, an assertive one for failures. */
export function NoticeList(props: { notices: Notice[]; onDismiss: (id: number) => void }) {
  const item = (n: Notice) => (
    <li class={`notice notice-${n.tone}`}>
      <span>{n.text}</span>
      <Show when={n.action}>
        {(action) => (
          <button
            type="button"
            onClick={() => {
              props.onDismiss(n.id);
              action().run();
            }}
          >
            {action().label}
          </button>
        )}
      </Show>
      <button
        type="button"
        class="dismiss"
        aria-label="Dismiss"
        onClick={() => props.onDismiss(n.id)}
      >
        ×
      </button>
    </li>
  );
  return (
    <div class="notices">
      <div role="status" aria-live="polite">
        <ul>
          <For each={props.notices.filter((n) => n.tone === "info")}>{item}</For>
        </ul>
      </div>
      <div role="alert">
        <ul>
          <For each={props.notices.filter((n) => n.tone === "error")}>{item}</For>
        </ul>
      </div>
    </div>
  );
}
