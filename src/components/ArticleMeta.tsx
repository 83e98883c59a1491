import { A } from "@solidjs/router";
import type { ArticleSummary } from "../catalog/types.ts";
import { formatDate, readingTime } from "../catalog/format.ts";

/** Category (a link), date and reading time of an article. */
export function ArticleMeta(props: { article: ArticleSummary }) {
  return (
    <p class="meta">
      <A class="category" href={`/category/${props.article.categorySlug}`}>
        {props.article.category}
      </A>
      <span aria-hidden="true"> · </span>
      <time datetime={props.article.date}>{formatDate(props.article.date)}</time>
      <span aria-hidden="true"> · </span>
      <span>{readingTime(props.article.minutes)}</span>
    </p>
  );
}
