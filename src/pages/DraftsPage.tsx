import { A, createAsync } from "@solidjs/router";
import { createEffect, Show } from "solid-js";
import { loadCatalog } from "../catalog/catalog.ts";
import { formatDay, formatTime } from "../catalog/format.ts";
import { firstLine } from "../catalog/first-line.ts";
import { DraftList } from "../components/DraftList.tsx";
import { pageShown } from "../app/page.ts";
import { discardDraft, listDrafts } from "../app/drafts.ts";
import { Outbox } from "../app/Outbox.tsx";

/** `/drafts`: every reply draft on this device, the most recently edited first. */
export default function DraftsPage() {
  const catalog = createAsync(() => loadCatalog());
  const items = () =>
    listDrafts().map(({ slug, draft }) => ({
      slug,
      title: catalog()?.bySlug.get(slug)?.title,
      firstLine: firstLine(draft.fields.comment),
      edited: `${formatDay(draft.updatedAt)} at ${formatTime(draft.updatedAt)}`,
    }));

  createEffect(() => catalog() && pageShown("Drafts"));

  return (
    <section class="list">
      <h1>Drafts</h1>
      <Show when={catalog()}>
        <Show
          when={items().length > 0}
          fallback={
            <p class="empty">
              No drafts. Start a reply under any article in the <A href="/">list</A>: it is kept on
              this device, and listed here, until you discard it.
            </p>
          }
        >
          <DraftList
            drafts={items()}
            onDiscard={(slug) => void discardDraft(slug).catch(() => undefined)}
          />
        </Show>
        <Outbox title={(slug) => catalog()?.bySlug.get(slug)?.title} />
      </Show>
    </section>
  );
}
