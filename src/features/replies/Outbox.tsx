import { createSignal, onMount, Show } from "solid-js";
import { formatDay, formatTime } from "../../catalog/format.ts";
import { firstLine } from "../../catalog/first-line.ts";
import { OutboxList, type EditAnswer, type OutboxItem } from "./OutboxList.tsx";
import type { OutboxRecord } from "../../storage/outbox.ts";
import { discardReply, editReply, flushOutbox, listOutbox, retryNow } from "./outbox.ts";

/** A reply's state in the reader's words. */
export function stateText(r: OutboxRecord): string {
  switch (r.state) {
    case "waiting":
      return "Waiting to send";
    case "sending":
      return "Sending";
    case "sent": {
      const at = r.sentAt ?? r.updatedAt;
      const day = formatDay(at) === formatDay(Date.now()) ? "" : ` on ${formatDay(at)}`;
      return `Sent${day} at ${formatTime(at)}`;
    }
    case "rejected":
      return `Not accepted: ${r.error ?? "the service refused it"}`;
  }
}

/** Moves the focus to the reply form's comment (under an article), else to the page's main. */
function focusDraft(): void {
  const comment = document.querySelector<HTMLElement>(".reply textarea");
  (comment ?? document.getElementById("main"))?.focus();
}

/**
 * The outbox under a heading: one article's replies (`slug`), or all of them with their titles
 * (`title`: a reply's article's title, or undefined while it is being looked up).
 * Opening it also tries what is due, so a reply left waiting goes out when the reader comes back.
 */
export function Outbox(props: { slug?: string; title?: (slug: string) => string | undefined }) {
  onMount(() => void flushOutbox());
  // The reply whose Edit asks what to do with a draft that holds other text.
  const [asking, setAsking] = createSignal<string>();
  async function edit(id: string, answer?: EditAnswer): Promise<void> {
    if (answer === "keep") return void setAsking(undefined);
    const result = await editReply(id, answer);
    setAsking(result === "ask" ? id : undefined);
    // The reply is in the draft now: the focus follows it to the form when the page has one.
    if (result === "done") focusDraft();
  }
  // With `title`, a reply whose title is not known yet (undefined) waits to be listed.
  const items = (): OutboxItem[] =>
    listOutbox(props.slug).flatMap((r) => {
      const title = props.title?.(r.slug);
      if (props.title && title === undefined) return [];
      return [
        {
          id: r.id,
          title,
          firstLine: firstLine(r.fields.comment),
          state: stateText(r),
          kind: r.state,
        },
      ];
    });
  return (
    <Show when={items().length > 0}>
      <section class="outbox-section" aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">Outbox</h2>
        <OutboxList
          items={items()}
          onRetry={(id) => void retryNow(id)}
          asking={asking()}
          onEdit={(id) => void edit(id)}
          onAnswer={(id, answer) => void edit(id, answer)}
          onDiscard={(id) => void discardReply(id)}
        />
      </section>
    </Show>
  );
}
