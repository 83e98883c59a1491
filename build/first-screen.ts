// The first screen of `/` as static HTML in index.html: the header and the newest articles, drawn
// by the browser before any script has run (and kept by the service worker with the page). The
// app lays itself out unseen beside it and takes its place when its first page is ready
// (src/state/page.ts); public/theme.js hides it on every other address. It copies the markup the
// app's Shell, ListPage and ArticleCard draw for a first visit (nothing read, nothing saved), so
// the swap does not move anything; its ids are its own, so the two never clash.
import type { ArticleSummary, CatalogIndex } from "../src/catalog/types.ts";
import { formatDate, readingTime } from "../src/catalog/format.ts";
import { escapeHtml } from "./html.ts";

/** How many cards the static copy holds: more than the tallest first screen shows. */
export const FIRST_SCREEN_ARTICLES = 6;

const BOOKMARK_ICON =
  '<svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16">' +
  '<path d="M6 3h12v18l-6-4.5L6 21z"></path></svg>';

function card(a: ArticleSummary, base: string, first: boolean): string {
  const e = escapeHtml;
  const image = a.image
    ? `<div class="card-image"><img src="${e(base + a.image.src)}" alt="${e(a.image.alt)}" ` +
      `width="${a.image.width}" height="${a.image.height}" decoding="async" loading="lazy"` +
      // Lazy even first: on any other address the copy is hidden, and then nothing is fetched.
      `${first ? ' fetchpriority="high"' : ""}></div>`
    : "";
  return (
    `<li class="unread"><article class="card">${image}<div class="card-text">` +
    `<p class="meta"><a class="category" href="${e(`${base}category/${a.categorySlug}`)}">` +
    `${e(a.category)}</a><span aria-hidden="true"> · </span>` +
    `<time datetime="${e(a.date)}">${e(formatDate(a.date))}</time>` +
    `<span aria-hidden="true"> · </span><span>${e(readingTime(a.minutes))}</span></p>` +
    `<h2><a href="${e(`${base}articles/${a.slug}`)}">${e(a.title)}</a></h2>` +
    `<ul class="markers" aria-label="Status"><li class="marker marker-unread">Unread</li></ul>` +
    `<p class="excerpt">${e(a.excerpt)}</p>` +
    `<div class="card-actions"><button type="button" class="toggle bookmark" ` +
    `aria-pressed="false" aria-label="${e(`Bookmark: ${a.title}`)}">${BOOKMARK_ICON}Bookmark` +
    `</button></div></div></article></li>`
  );
}

/**
 * The static first screen for an edition; `base` ends with "/".
 * @example firstScreenHtml(index, { siteName: "Offprint", base: "/" })
 */
export function firstScreenHtml(
  index: CatalogIndex,
  { siteName, base }: { siteName: string; base: string },
): string {
  const e = escapeHtml;
  const n = index.articles.length;
  if (n === 0) return ""; // nothing to show early: the app draws the empty edition itself
  const nav = [
    ["", "Articles"],
    ["saved", "Saved"],
    ["drafts", "Drafts"],
    ["settings", "Settings"],
  ]
    .map(
      ([path, label]) =>
        `<li><a href="${e(base + path)}"${path ? "" : ' aria-current="page"'}>${label}</a></li>`,
    )
    .join("");
  const filters = [
    ["", "All", n],
    ["?filter=unread", "Unread", n],
    ["?filter=saved", "Saved", 0],
  ]
    .map(
      ([query, label, count]) =>
        `<li><a href="${e(base + query)}"${query ? "" : ' aria-current="page" class="current"'}>` +
        `${label} <span class="count">(${count})</span></a></li>`,
    )
    .join("");
  const cards = index.articles
    .slice(0, FIRST_SCREEN_ARTICLES)
    .map((a, i) => card(a, base, i === 0))
    .join("");
  return (
    `<div id="first-screen">` +
    `<a class="skip-link" href="#first-main">Skip to content</a>` +
    `<header class="site-header"><div class="bar">` +
    `<a href="${e(base)}" class="site-name" aria-current="page">${e(siteName)}</a>` +
    `<nav aria-label="Main"><ul>${nav}</ul></nav><div class="offline-status"></div>` +
    `<form role="search" class="site-search" action="${e(base)}search" method="get">` +
    `<label for="first-search" class="visually-hidden">Search</label>` +
    `<input id="first-search" type="search" name="q" autocomplete="off" ` +
    `enterkeyhint="search" placeholder="Search articles"></form></div></header>` +
    `<main id="first-main" tabindex="-1"><section class="list"><h1>Latest articles</h1>` +
    `<div class="list-tools"><nav class="filters" aria-label="Filter articles"><ul>` +
    `${filters}</ul></nav><button type="button" class="mark-all">Mark all as read</button>` +
    `</div><ol class="articles" aria-label="Latest articles">${cards}</ol>` +
    `</section></main></div>`
  );
}
