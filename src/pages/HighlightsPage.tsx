import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { isServer } from "solid-js/web";
import { assetUrl } from "../catalog/catalog.ts";
import { usePageTitle } from "../state/page.ts";
import { allHighlights, startHighlights } from "../state/highlights.ts";
import { HighlightsList, type ArticleGroup } from "../features/highlights/HighlightsList.tsx";
import { articleAsMarkdown, copyText } from "../features/highlights/copy.ts";
import "../features/highlights/highlights.css";

/** `/highlights`: every highlight on the device, by article, the most recent first. */
export default function HighlightsPage() {
  const [ready, setReady] = createSignal(false);
  void startHighlights().then(() => setReady(true));
  const groups = (): ArticleGroup[] => {
    return Object.values(allHighlights())
      .map((r) => ({
        slug: r.slug,
        // The title kept with the highlights: there also for an article since removed.
        title: r.title ?? r.slug,
        highlights: [...r.highlights].sort((a, b) => b.createdAt - a.createdAt),
      }))
      .filter((g) => g.highlights.length > 0)
      .sort((a, b) => b.highlights[0].createdAt - a.highlights[0].createdAt);
  };

  usePageTitle(() => ready() && "Highlights");

  return (
    <section class="list highlights-page">
      <h1>Highlights</h1>
      {/* The static page of a reader without JavaScript: the highlights are in the browser's
          storage, which only the app reads. */}
      <Show when={isServer}>
        <noscript>
          <p class="empty">
            Your highlights are kept in this browser, and showing them needs JavaScript, which is
            off or blocked here. Every article is still{" "}
            <A href="/" end>
              listed here
            </A>
            .
          </p>
        </noscript>
      </Show>
      <Show when={ready()}>
        <Show
          when={groups().length > 0}
          fallback={
            <p class="empty">
              No highlights yet. Select text in an <A href="/">article</A> and choose “Highlight”.
            </p>
          }
        >
          <HighlightsList
            groups={groups()}
            onCopy={(g) =>
              void copyText(
                articleAsMarkdown(
                  g.title,
                  new URL(assetUrl(`articles/${g.slug}`), location.origin).href,
                  g.highlights,
                ),
                "Highlights",
              )
            }
          />
        </Show>
      </Show>
    </section>
  );
}
