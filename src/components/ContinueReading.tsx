import { A } from "@solidjs/router";
import { For } from "solid-js";
import "./ContinueReading.css";

export interface Unfinished {
  slug: string;
  title: string;
  /** 0–1 */
  progress: number;
}

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
