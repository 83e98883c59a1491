import { A, createAsync, revalidate, useLocation, useNavigate, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, Match, Show, Switch, untrack } from "solid-js";
import { Dynamic } from "solid-js/web";
import { getArticle, getBody } from "../catalog/article-queries.ts";
import { ArticleMeta } from "../components/ArticleMeta.tsx";
import { ArticleImage } from "../components/ArticleImage.tsx";
import { usePageTitle } from "../state/page.ts";
import { NotFound } from "./NotFoundPage.tsx";
import { keepOffline } from "../state/offline.ts";
import { BookmarkButton } from "../components/BookmarkButton.tsx";
import { ReplyEditor } from "../features/replies/ReplyEditor.tsx";
import { ReadingProgress } from "../components/ReadingProgress.tsx";
import { trackReading } from "../features/reading/reading-tracker.ts";
import { isRead, isSaved, markRead, toggleBookmark, toggleRead } from "../state/library.ts";
import { shareLink } from "../features/reading/share.ts";
import { LoadFailed } from "../components/LoadFailed.tsx";
import { notifyFailure } from "../state/notices.ts";

type Highlights = (typeof import("../features/highlights/ArticleHighlights.tsx"))["default"];
/** `/articles/<slug>`: one article. The slug is untrusted: it only ever selects from the catalog. */
export default function ArticlePage() {
  const params = useParams<{ slug: string }>();
  const found = createAsync(() => getArticle(params.slug));
  // A renamed article's old address shows the article at once, and its address becomes the new
  // one in place of the old in the history (Back goes to the page before, not to the old address
  // again). The article stays the same object throughout, so nothing on the page is rebuilt.
  const slug = () => found()?.article?.slug ?? params.slug;
  const article = () => found()?.article;
  const navigate = useNavigate();
  const here = useLocation();
  createEffect(() => {
    const now = slug();
    if (now !== params.slug) {
      navigate(`/articles/${now}${here.search}${here.hash}`, { replace: true });
    }
  });
  // The body through its query: the fetch a hovered or focused link started is the one read here.
  // A failed fetch stays failed in the query until "Try again" revalidates it.
  const [body, { refetch }] = createResource(
    () => article()?.slug,
    async (slug) => (await getBody(slug)) ?? Promise.reject(new Error(`No article ${slug}`)),
  );
  const retry = () => {
    void revalidate(getBody.keyFor(slug()), true); // forgets the failure at once
    void refetch();
  };
  const around = () => found() ?? {};

  // Shown once its body is in (or cannot be had): the static page's first screen, which carries
  // the body, gives way only then, so nothing moves.
  usePageTitle(() => (body.state === "ready" || body.state === "errored") && article()?.title);
  createEffect(() => {
    const a = article();
    // Only a new article re-runs this: marking unread by hand must not be undone here.
    if (a) untrack(() => markRead(a.slug));
  });

  // An opened article stays readable offline, and its "Available offline" marker says so.
  createEffect(() => {
    const a = article();
    const b = body.state === "ready" ? body() : undefined;
    // The body in hand is the one kept: opening an article fetches it once.
    if (a && b) void keepOffline(a.slug, b);
  });

  // Back to where the reader left this article once its body is in the page; then follow along.
  const reading = trackReading(() => article()?.slug);
  const [prose, setProse] = createSignal<HTMLDivElement>();
  createEffect(() => {
    const p = prose();
    if (article() && body.state === "ready" && p) reading.shown(p);
  });

  // Highlights come with their own chunk, fetched once a body is in the page, from the body's own
  // ref: an effect waiting on the body would not run again when a link followed in the app brings
  // the body in during the router's transition, and a lazy() part would hold the whole article
  // back (under the router's Suspense) until the highlights' code arrived.
  const [highlights, setHighlights] = createSignal<Highlights>();
  const loadHighlights = () => {
    if (highlights()) return;
    import("../features/highlights/ArticleHighlights.tsx").then(
      (m) => setHighlights(() => m.default),
      (err: unknown) => notifyFailure("Loading highlights", err),
    );
  };
  let proseElement: HTMLDivElement | undefined;

  return (
    <Show when={found()}>
      <Show when={article()} fallback={<NotFound what="Article" />}>
        {(a) => (
          <article class="article">
            <ReadingProgress value={reading.progress()} />
            <header>
              <ArticleMeta article={a()} />
              <h1>{a().title}</h1>
              <Show when={a().author}>{(author) => <p class="byline">By {author()}</p>}</Show>
              <div class="article-actions">
                <BookmarkButton
                  pressed={isSaved(a().slug)}
                  onToggle={() => toggleBookmark(a().slug)}
                />
                <button type="button" class="toggle" onClick={() => toggleRead(a().slug)}>
                  {isRead(a().slug) ? "Mark as unread" : "Mark as read"}
                </button>
                <button
                  type="button"
                  class="toggle"
                  onClick={() => shareLink(a().title, location.href.split("#")[0])}
                >
                  Share
                </button>
              </div>
            </header>
            <Show when={a().image}>
              {(image) => (
                <figure>
                  <ArticleImage image={image()} eager />
                  <Show when={image().credit}>
                    {(credit) => <figcaption>Photo credit: {credit()}</figcaption>}
                  </Show>
                </figure>
              )}
            </Show>
            <Switch>
              <Match when={body.error}>
                <LoadFailed
                  online="This article could not be loaded."
                  offline="This article isn't available offline yet."
                  onRetry={retry}
                />
              </Match>
              <Match when={body()}>
                {/* The only innerHTML in the app: sanitized at build time (build/markdown.ts). */}
                {(b) => (
                  <>
                    <div
                      class="prose"
                      data-slug={b().slug}
                      ref={(el) => {
                        proseElement = el;
                        setProse(el);
                        loadHighlights();
                      }}
                      // eslint-disable-next-line solid/no-innerhtml
                      innerHTML={b().html}
                    />
                    {/* A new body (another article) is a new layer: its marks are painted afresh. */}
                    <Show when={highlights() && b()} keyed>
                      <Dynamic
                        component={highlights()}
                        slug={a().slug}
                        title={a().title}
                        prose={proseElement!}
                      />
                    </Show>
                  </>
                )}
              </Match>
              <Match when={body.loading}>
                <p class="loading">Loading the article…</p>
              </Match>
            </Switch>
            <nav class="neighbours" aria-label="More articles">
              <Neighbour article={around().older} rel="prev" label="Previous article" />
              <Neighbour article={around().newer} rel="next" label="Next article" />
            </nav>
            <ReplyEditor slug={a().slug} title={a().title} />
          </article>
        )}
      </Show>
    </Show>
  );
}

/** A link to the article before or after this one in the edition, when there is one. */
function Neighbour(props: {
  article: { slug: string; title: string } | undefined;
  rel: "prev" | "next";
  label: string;
}) {
  return (
    <Show when={props.article}>
      {(a) => (
        <A href={`/articles/${a().slug}`} rel={props.rel}>
          <span class="label">{props.label}</span> {a().title}
        </A>
      )}
    </Show>
  );
}
