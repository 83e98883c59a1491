// A long article list, windowed: only the rows near the viewport are in the document, and the
// list's padding stands for the rest. Row heights measured here are kept by slug in this module for
// the page's life, so a list shown again (back from an article) lays out as it was and the saved
// scroll position shows the same articles.
import { createEffect, createMemo, createSignal, For, on, onCleanup, onMount } from "solid-js";
import type { JSX } from "solid-js";
import type { ArticleSummary } from "../catalog/types.ts";
import type { ArticleListProps } from "./ArticleRow.tsx";
import { pageKeyTarget } from "./page-keys.ts";

/** How far past the viewport rows are rendered, in px: a few cards, for j/k, Tab and fast scrolls. */
const OVERSCAN = 1000;
/** A row's height, gap included, until one has been measured. */
const GUESS = 280;

const heights = new Map<string, number>();
let heightSum = 0;
let measuredWidth = 0;

/** Records a row's height; true when it differs from what was known. */
function remember(slug: string, height: number): boolean {
  const old = heights.get(slug);
  if (old !== undefined && Math.abs(old - height) < 0.5) return false;
  heightSum += height - (old ?? 0);
  heights.set(slug, height);
  return true;
}

/** The number of offsets at or above `y` (offsets ascend). */
function countUpTo(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid] > y) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The rendered row that shows in the viewport first, and where it is. */
function anchorIn(list: HTMLElement): { row: Element; top: number } | undefined {
  for (const row of list.children) {
    const box = row.getBoundingClientRect();
    if (box.bottom > 0 && box.top < innerHeight) return { row, top: box.top };
  }
  return undefined;
}

/** How long the view must go without a leap to be at rest, in ms: a few frames of a fling. */
const REST = 150;

/** Does range `a` keep at least half its rows from `b`? Reading does; a leap (a fling, a drag) does not. */
const near = (a: number[], b: number[]) =>
  Math.min(a[1], b[1]) - Math.max(a[0], b[0]) >= (a[1] - a[0]) / 2;

/**
 * The rows whose articles to load: `range` while the reader reads (each range keeps half the rows
 * of the last one loaded), but after a leap past them (a fling, a drag of the scrollbar) only where
 * the view comes to rest, REST ms after the last leap. So the pages passed over are not fetched: a
 * 200,000 px fling over 2,000 articles asked for 6 catalog pages, and offline each failed.
 * (`scrollend` cannot say when it rests: the list's own corrections, `scrollBy`, end a scroll.)
 */
function createRestingRange(range: () => number[]): () => number[] {
  const [wanted, setWanted] = createSignal<number[]>([0, 0], {
    equals: (a, b) => a[0] === b[0] && a[1] === b[1],
  });
  let last: number[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const rest = () => {
    timer = undefined;
    if (last) setWanted(last);
  };
  createEffect(
    on(range, (r) => {
      const leapt = last !== undefined && !near(r, last);
      const first = last === undefined;
      last = r;
      if (first || (timer === undefined && near(r, wanted()))) return rest();
      // Still leaping: the wait starts again. Slower now, it goes on and ends soon.
      if (timer === undefined || leapt) {
        clearTimeout(timer);
        timer = setTimeout(rest, REST);
      }
    }),
  );
  onCleanup(() => clearTimeout(timer));
  return wanted;
}

/**
 * The article list for long lists, loaded lazily by ArticleList: rows near the viewport (window
 * scroll) plus OVERSCAN, each with aria-posinset and aria-setsize so the list's length is known.
 */
/** `row` draws one row (the list's own ArticleRow): passed in, so this chunk does not carry it. */
export default function WindowedList(props: {
  list: ArticleListProps;
  row: (article: ArticleSummary, pos: () => number) => JSX.Element;
}) {
  let list!: HTMLOListElement;
  const [measured, setMeasured] = createSignal(undefined, { equals: false });
  /** The viewport, in px from the list's top. */
  const [view, setView] = createSignal([0, innerHeight]);
  /** offsets[i]: where row i starts; unmeasured rows count as the average measured row. */
  const offsets = createMemo(() => {
    measured();
    const articles = props.list.articles;
    const average = heights.size ? heightSum / heights.size : GUESS;
    const o = new Float64Array(articles.length + 1);
    for (let i = 0; i < articles.length; i++) {
      const a = articles[i];
      o[i + 1] = o[i] + ((typeof a === "object" && heights.get(a.slug)) || average);
    }
    return o;
  });
  const range = createMemo(
    () => {
      const o = offsets();
      const [top, bottom] = view();
      const n = o.length - 1;
      return [
        Math.max(0, countUpTo(o, top - OVERSCAN) - 1),
        Math.min(n, countUpTo(o, bottom + OVERSCAN)),
      ];
    },
    [0, 0],
    { equals: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  const rows = createMemo(() => props.list.articles.slice(range()[0], range()[1]));
  // The rows about to show load their articles; a placeholder stands in as tall as a row is on average.
  // eslint-disable-next-line solid/reactivity -- an accessor, read in the function's own effect
  const wanted = createRestingRange(range);
  createEffect(() => {
    const [start, end] = wanted();
    props.list.onRange?.(start, end);
  });
  // The last rows too, once the page is idle: the scrollbar and the End key jump there, and their
  // articles asked for ahead (one catalog page) spare the reader a screen of placeholders.
  createEffect(
    on(
      () => props.list.articles.length,
      (n) => {
        if (n === 0 || !props.list.onRange) return;
        const ask = () => props.list.onRange?.(n - 1, n);
        if ("requestIdleCallback" in window) {
          const id = requestIdleCallback(ask, { timeout: 2000 });
          onCleanup(() => cancelIdleCallback(id));
        } else {
          const id = setTimeout(ask, 500);
          onCleanup(() => clearTimeout(id));
        }
      },
    ),
  );
  const [gap, setGap] = createSignal(0);
  const placeholderHeight = () => {
    measured();
    return (heights.size ? heightSum / heights.size : GUESS) - gap();
  };

  /** Measures the rendered rows; true when a height changed. */
  function measure(): boolean {
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    setGap(gap);
    const shown = rows();
    let changed = false;
    [...list.children].forEach((row, i) => {
      const article = shown[i];
      if (typeof article === "object")
        changed = remember(article.slug, row.getBoundingClientRect().height + gap) || changed;
    });
    return changed;
  }

  /** Renders the rows the viewport needs, measures them, and keeps what the reader sees in place. */
  function update() {
    if (innerWidth !== measuredWidth) {
      // Another width wraps text differently: the heights known no longer hold.
      measuredWidth = innerWidth;
      heights.clear();
      heightSum = 0;
    }
    // A reader who went to the very end (End key, a fling) stays at the end while the last rows
    // are measured; anywhere else, the first row in view is kept in place.
    const page = document.documentElement;
    const atEnd = scrollY > 0 && scrollY + innerHeight >= page.scrollHeight - 2;
    let anchor = atEnd ? undefined : anchorIn(list);
    for (let pass = 0; pass < 4; pass++) {
      if (atEnd) window.scrollTo(0, page.scrollHeight);
      const top = -list.getBoundingClientRect().top;
      setView([top, top + innerHeight]);
      if (!atEnd) anchor ??= anchorIn(list);
      if (!measure()) break;
      setMeasured();
    }
    if (atEnd) window.scrollTo(0, page.scrollHeight);
    else if (anchor?.row.isConnected) {
      const moved = anchor.row.getBoundingClientRect().top - anchor.top;
      if (Math.abs(moved) >= 1) window.scrollBy(0, moved);
    }
  }

  // Focus moved by j/k or Tab scrolls the page once focus() returns: follow it then, so the next
  // card is already rendered however fast the keys come.
  const followFocus = () => queueMicrotask(update);
  // The End key's own smooth scroll aims at the page's height when it starts; the rows measured on
  // the way change that height, so it stopped short of the last article (by ~5,000 px at 2,000),
  // and each frame on the way asked for the catalog page it passed. One jump lands at the end, and
  // `update` keeps it there while the last rows are measured.
  const toEnd = (e: KeyboardEvent) => {
    if (e.key !== "End" || e.shiftKey || !pageKeyTarget(e)) return;
    e.preventDefault();
    window.scrollTo(0, document.documentElement.scrollHeight);
  };
  onMount(() => {
    // The browser's own scroll anchoring would fight the corrections above.
    list.style.overflowAnchor = "none";
    update();
    addEventListener("scroll", update, { passive: true });
    addEventListener("resize", update);
    addEventListener("keydown", toEnd);
    list.addEventListener("focusin", followFocus);
  });
  onCleanup(() => {
    removeEventListener("scroll", update);
    removeEventListener("resize", update);
    removeEventListener("keydown", toEnd);
  });
  // Another filter or a read mark changes the rows: measure the new ones.
  createEffect(
    on(
      () => props.list.articles,
      () => queueMicrotask(update),
      { defer: true },
    ),
  );

  return (
    <ol
      ref={list}
      class="articles"
      aria-label={props.list.label}
      style={{
        "padding-top": `${offsets()[range()[0]]}px`,
        "padding-bottom": `${offsets()[offsets().length - 1] - offsets()[range()[1]]}px`,
        "--placeholder-height": `${placeholderHeight()}px`,
      }}
    >
      <For each={rows()}>
        {(article, i) => {
          const pos = () => range()[0] + i() + 1;
          // An article whose page is not read yet: a row as tall as a row is on average.
          return typeof article === "object" ? (
            // eslint-disable-next-line solid/reactivity -- pos is an accessor, read in the row's JSX
            props.row(article, pos)
          ) : (
            <li
              class="placeholder"
              aria-busy="true"
              aria-posinset={pos()}
              aria-setsize={props.list.articles.length}
            >
              Loading…
            </li>
          );
        }}
      </For>
    </ol>
  );
}
