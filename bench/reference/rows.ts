// The list's rows as plain HTML, shared by the two reference pages: the static page written at
// build time (B1) and the vanilla-DOM page that builds them in the browser (B3) both show the same
// markup as Offprint's cards (image, category, date, reading time, title link, excerpt), with the
// app's own stylesheet, so the only difference measured is how the page gets there.
import type { ArticleSummary } from "../../src/catalog/types.ts";

const MONTHS =
  "January February March April May June July August September October November December";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** "8 June 2024", as the app shows it. */
export function showDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS.split(" ")[m - 1]} ${y}`;
}

/** One card as HTML; `base` is where the edition's files are served ("/" for the app's dist). */
export function rowHtml(a: ArticleSummary, base = "/"): string {
  const image = a.image
    ? `<div class="card-image"><img src="${base}${escapeHtml(a.image.src)}" alt="${escapeHtml(a.image.alt)}" ` +
      `width="${a.image.width}" height="${a.image.height}" loading="lazy" decoding="async"></div>`
    : "";
  return (
    `<li><article class="card">${image}<div class="card-text">` +
    `<p class="meta"><a class="category" href="/category/${a.categorySlug}">${escapeHtml(a.category)}</a>` +
    `<span aria-hidden="true"> · </span><time datetime="${a.date}">${showDate(a.date)}</time>` +
    `<span aria-hidden="true"> · </span><span>${a.minutes} minutes read</span></p>` +
    `<h2><a href="/articles/${a.slug}">${escapeHtml(a.title)}</a></h2>` +
    `<p class="excerpt">${escapeHtml(a.excerpt)}</p></div></article></li>`
  );
}
