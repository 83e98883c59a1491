import { A } from "@solidjs/router";
import { For } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import "./ContinueReading.css";

/** An article started and not finished, and how far the reader got (0–1). */
export type Unfinished = Pick<ArticleSummary, "slug" | "title"> & { progress: number };

/** Articles the reader started and did not finish, each a link back to where they stopped. */
export function ContinueReading(props: { articles: Unfinished[] }) {
  return (
    <section class="panel continue-reading" aria-labelledby="continue-reading-heading">
      <h2 id="continue-reading-heading">Continue reading</h2>
      <ul>
        <For each={props.articles}>
          {(a) => (
            <li>
              <A href={`/articles/${a.slug}`}>{a.title}</A>{" "}
              <span class="continue-progress">{Math.round(a.progress * 100)}% read</span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
