import { A } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleMeta } from "./ArticleMeta.tsx";
import { ArticleImage } from "./ArticleImage.tsx";
import { Highlighted } from "./Highlighted.tsx";
import { highlight } from "../catalog/highlight.ts";

/**
 * One article in a list: title link, meta, excerpt, picture; `children` holds its actions.
 * Search results pass the matched `terms` (marked in the title and excerpt) and no picture.
 */
export function ArticleCard(props: {
  article: ArticleSummary;
  markers?: JSX.Element;
  terms?: string[];
  picture?: boolean;
  children?: JSX.Element;
}) {
  const marked = (text: string) =>
    props.terms ? <Highlighted parts={highlight(text, props.terms)} /> : text;
  return (
    <article class="card">
      <Show when={props.picture !== false && props.article.image}>
        {(image) => (
          <div class="card-image">
            <ArticleImage image={image()} />
          </div>
        )}
      </Show>
      <div class="card-text">
        <ArticleMeta article={props.article} />
        <h2>
          <A href={`/articles/${props.article.slug}`}>{marked(props.article.title)}</A>
        </h2>
        {props.markers}
        <p class="excerpt">{marked(props.article.excerpt)}</p>
        {props.children}
      </div>
    </article>
  );
}
