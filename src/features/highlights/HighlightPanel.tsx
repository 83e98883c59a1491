import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { NOTE_LIMIT, type Highlight } from "../../storage/highlights.ts";

/** How long typing pauses before a note is saved (a blur or closing saves at once). */
const SAVE_AFTER_MS = 400;
const count = (n: number) => n.toLocaleString("en-US");

/**
 * One highlight's panel: its passage, its note (saved as it is typed), Copy, Remove and Close.
 * Escape closes it.
 */
export function HighlightPanel(props: {
  highlight: Highlight;
  focusNote: boolean;
  onNote: (note: string, at: number) => void;
  onCopy: (note: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  // eslint-disable-next-line solid/reactivity -- the note as the panel opened; typing owns it after
  const [note, setNote] = createSignal(props.highlight.note);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { note: string; at: number } | undefined;
  let textarea!: HTMLTextAreaElement;
  let panel!: HTMLElement;

  const flush = () => {
    clearTimeout(timer);
    if (pending) props.onNote(pending.note, pending.at);
    pending = undefined;
  };
  const type = (value: string) => {
    setNote(value);
    pending = { note: value, at: Date.now() };
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_AFTER_MS);
  };
  const close = () => {
    flush();
    props.onClose();
  };
  window.addEventListener("pagehide", flush);
  onCleanup(() => {
    window.removeEventListener("pagehide", flush);
    flush();
  });
  onMount(() => (props.focusNote ? textarea : panel).focus());

  return (
    <section
      ref={panel}
      class="panel highlight-panel"
      aria-labelledby="highlight-panel-title"
      tabindex="-1"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          close();
        }
      }}
    >
      <h2 id="highlight-panel-title">Highlight</h2>
      <blockquote>{props.highlight.quote.exact}</blockquote>
      <label for="highlight-note">Note</label>
      <textarea
        id="highlight-note"
        ref={textarea}
        maxLength={NOTE_LIMIT}
        aria-describedby="highlight-note-count"
        value={note()}
        onInput={(e) => type(e.currentTarget.value)}
        onBlur={flush}
      />
      <p id="highlight-note-count" class="counter">
        {count(note().length)} / {count(NOTE_LIMIT)} characters
      </p>
      <Show when={note().length >= NOTE_LIMIT}>
        <p class="counter" role="status">
          A note holds at most {count(NOTE_LIMIT)} characters.
        </p>
      </Show>
      <div class="actions">
        <button type="button" onClick={() => props.onCopy(note())}>
          Copy
        </button>
        <button type="button" onClick={() => props.onRemove()}>
          Remove highlight
        </button>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </section>
  );
}
