import { useHref } from "@solidjs/router";
import { For } from "solid-js";

export interface Filter {
  label: string;
  href: string;
  count: number;
  current: boolean;
}

/** The list's filters as links (the state lives in the URL), each with its count. */
export function FilterNav(props: { filters: Filter[] }) {
  return (
    <nav class="filters" aria-label="Filter articles">
      <ul>
        <For each={props.filters}>
          {(f) => {
            // A plain link (the router still handles its clicks): the router's <A> marks every
            // filter of the same path as the current page, whatever its ?filter.
            const href = useHref(() => f.href);
            return (
              <li>
                <a
                  href={href()}
                  aria-current={f.current ? "page" : undefined}
                  classList={{ current: f.current }}
                >
                  {f.label} <span class="count">({f.count})</span>
                </a>
              </li>
            );
          }}
        </For>
      </ul>
    </nav>
  );
}
