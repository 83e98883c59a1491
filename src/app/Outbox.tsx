import { onMount, Show } from "solid-js";
import { formatDay, formatTime } from "../catalog/format.ts";
import { firstLine } from "../catalog/first-line.ts";
import { OutboxList, type OutboxItem } from "../components/OutboxList.tsx";
import type { OutboxRecord } from "../storage/outbox.ts";
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

/**
 * The outbox under a heading: one article's replies (`slug`), or all of them with their titles.
 * Opening it also tries what is due, so a reply left waiting goes out when the reader comes back.
 */
export function Outbox(props: { slug?: string; title?: (slug: string) => string | undefined }) {
  onMount(() => void flushOutbox());
  const items = (): OutboxItem[] =>
    listOutbox(props.slug).map((r) => ({
      id: r.id,
      title: props.title ? (props.title(r.slug) ?? r.slug) : undefined,
      firstLine: firstLine(r.fields.comment),
      state: stateText(r),
      kind: r.state,
    }));
  return (
    <Show when={items().length > 0}>
      <section class="outbox-section" aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">Outbox</h2>
        <OutboxList
          items={items()}
          onRetry={(id) => void retryNow(id)}
          onEdit={(id) => void editReply(id)}
          onDiscard={(id) => void discardReply(id)}
        />
      </section>
    </Show>
  );
}
