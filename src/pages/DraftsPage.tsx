import { A } from "@solidjs/router";
import { createResource, onCleanup, Show } from "solid-js";
import { LoadFailed } from "../components/LoadFailed.tsx";
import { listOutbox } from "../features/replies/outbox.ts";
import { createSummaries } from "../state/summaries.ts";
import { formatDay, formatTime } from "../catalog/format.ts";
import { firstLine } from "../catalog/first-line.ts";
import { DraftList, type DraftItem } from "../components/DraftList.tsx";
import { usePageTitle } from "../state/page.ts";
import { discardDraft, listDrafts, startDrafts } from "../state/drafts.ts";
import {
  copyText,
  copyVersion,
  discardVersion,
  followVersions,
  reloadVersions,
  useVersion,
  versionsBySlug,
} from "../state/versions.ts";
import { Outbox } from "../features/replies/Outbox.tsx";
import type { VersionReason } from "../storage/versions.ts";

const FROM: Record<VersionReason, string> = {
  import: "from an import",
  conflict: "from another tab",
  closed: "from a closed page",
  edit: "from Edit",
  replaced: "replaced by another version",
};

const at = (ms: number) => `${formatDay(ms)} at ${formatTime(ms)}`;

/** `/drafts`: every reply draft on this device, the most recently edited first, and its other versions. */
export default function DraftsPage() {
  onCleanup(followVersions());
  // The articles of every draft, version and reply waiting, through their slug shards and pages
  // (never the whole catalog). When they cannot be looked up (offline, nothing cached), the
  // drafts are still listed, and none is taken for gone.
  // Asked once the drafts and versions are in, so the page opens with all of them named.
  const [loaded] = createResource(() =>
    Promise.all([startDrafts(), reloadVersions()]).then(() => true),
  );
  const articles = createSummaries(() =>
    loaded.state === "ready" || loaded.error
      ? [
          ...listDrafts().map((d) => d.slug),
          ...versionsBySlug().keys(),
          ...listOutbox().map((r) => r.slug),
        ]
      : undefined,
  );
  const items = (): DraftItem[] => {
    const drafts = new Map(listDrafts().map(({ slug, draft }) => [slug, draft]));
    const kept = versionsBySlug();
    const newest = (slug: string) =>
      Math.max(drafts.get(slug)?.updatedAt ?? 0, kept.get(slug)?.[0]?.savedAt ?? 0);
    return [...new Set([...drafts.keys(), ...kept.keys()])]
      .filter(articles.has) // listed once its article is looked up
      .sort((a, b) => newest(b) - newest(a))
      .map((slug) => {
        const draft = drafts.get(slug);
        const versions = kept.get(slug) ?? [];
        const gone = articles.gone(slug);
        return {
          slug,
          gone,
          // An article gone from the edition is named by the title it had when the text was saved.
          title: gone
            ? (draft?.title ?? versions.find((k) => k.title)?.title)
            : articles.summary(slug)?.title,
          draft: draft && {
            firstLine: firstLine(draft.fields.comment),
            text: draft.fields.comment,
            edited: at(draft.updatedAt),
          },
          versions: versions.map((version) => ({
            id: version.id,
            kept: at(version.savedAt),
            from: FROM[version.reason],
            text: version.fields.comment,
          })),
        };
      });
  };
  const here = () => items().filter((item) => !item.gone);
  const gone = () => items().filter((item) => item.gone);
  const actions = {
    onDiscard: (slug: string) => void discardDraft(slug).catch(() => undefined),
    onCopy: (slug: string) => {
      const text = listDrafts().find((d) => d.slug === slug)?.draft.fields.comment;
      if (text !== undefined) void copyText(text);
    },
    onCopyVersion: (id: string) => void copyVersion(id),
    onUseVersion: useVersion,
    onDiscardVersion: discardVersion,
  };

  usePageTitle(() => articles.started() && "Drafts");

  return (
    <section class="list">
      <h1>Drafts</h1>
      <Show when={articles.error()}>
        <LoadFailed
          online="Your drafts' articles could not be loaded."
          offline="Your drafts' articles aren't available offline yet."
          onRetry={articles.retry}
        />
      </Show>
      <Show when={articles.started()}>
        <Show
          when={items().length > 0}
          fallback={
            <p class="empty">
              No drafts. Start a reply under any article in the <A href="/">list</A>: it is kept on
              this device, and listed here, until you discard it.
            </p>
          }
        >
          <Show when={here().length > 0}>
            <DraftList drafts={here()} {...actions} />
          </Show>
        </Show>
        <Show when={gone().length > 0}>
          <section class="gone" aria-labelledby="drafts-gone">
            <h2 id="drafts-gone">No longer in this edition</h2>
            <p class="gone-note">
              These articles were removed from the edition. Your text stays on this device until you
              discard it: copy it to keep it elsewhere.
            </p>
            <DraftList
              drafts={gone()}
              label="Drafts of articles no longer in this edition"
              level={3}
              {...actions}
            />
          </section>
        </Show>
        {/* A reply is listed once its article is looked up, under its title (or slug, if gone). */}
        <Outbox
          title={(slug) =>
            articles.has(slug) ? (articles.summary(slug)?.title ?? slug) : undefined
          }
        />
      </Show>
    </section>
  );
}
