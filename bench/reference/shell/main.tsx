// The reference shell (B2): the smallest two-route Solid + @solidjs/router + localforage app that
// lists the same catalog index and opens an article (marking it read in IndexedDB). Offprint's
// start-up bytes are compared with this one's, built in the same run with the same Vite.
import { render } from "solid-js/web";
import { A, Route, Router, createAsync, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import localforage from "localforage";

declare const __INDEX_URL__: string;

interface Summary {
  slug: string;
  title: string;
  body: string;
}

let index: Promise<Summary[]> | undefined;
const load = () =>
  (index ??= fetch(__INDEX_URL__)
    .then((r) => r.json())
    .then((j: { articles: Summary[] }) => j.articles));

const reads = localforage.createInstance({ name: "shell-reads", driver: localforage.INDEXEDDB });

function List() {
  const articles = createAsync(load);
  return (
    <ol>
      <For each={articles()}>
        {(a) => (
          <li>
            <article>
              <A href={`/articles/${a.slug}`}>{a.title}</A>
            </article>
          </li>
        )}
      </For>
    </ol>
  );
}

function Article() {
  const params = useParams<{ slug: string }>();
  const article = createAsync(async () => {
    const found = (await load()).find((a) => a.slug === params.slug);
    if (!found) return undefined;
    await reads.setItem(found.slug, Date.now());
    const body = (await (await fetch(`/${found.body}`)).json()) as { html: string };
    return { title: found.title, html: body.html };
  });
  return (
    <Show when={article()}>
      {(a) => (
        <article>
          <h1>{a().title}</h1>
          <div innerHTML={a().html} />
        </article>
      )}
    </Show>
  );
}

const root = document.getElementById("app");
if (root) {
  render(
    () => (
      <Router base="/shell">
        <Route path="/" component={List} />
        <Route path="/articles/:slug" component={Article} />
      </Router>
    ),
    root,
  );
}
