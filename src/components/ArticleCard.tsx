import { A } from "@solidjs/router";
import { Show, type JSX } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import { ArticleMeta } from "./ArticleMeta.tsx";
import { ArticleImage } from "./ArticleImage.tsx";

/** One article in a list: title link, meta, excerpt, picture; `children` holds its actions. */
export function ArticleCard(props: {
  article: ArticleSummary;
  markers?: JSX.Element;
  children?: JSX.Element;
}) {
  return (
    <article class="card">
      <Show when={props.article.image}>
        {(image) => (
          <div class="card-image">
            <ArticleImage image={image()} />
          </div>
        )}
      </Show>
      <div class="card-text">
        <ArticleMeta article={props.article} />
        <h2>
          <A href={`/articles/${props.article.slug}`}>{props.article.title}</A>
        </h2>
        {props.markers}
        <p class="excerpt">{props.article.excerpt}</p>
        {props.children}
      </div>
    </article>
  );
}
