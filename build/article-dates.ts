// An article's dates as feeds, the sitemap and link previews give them. Front matter may carry an
// `updated` day (YYYY-MM-DD) beside `date`; an article without one was last changed when published.
import type { ArticleSummary } from "../src/catalog/types.ts";

/**
 * The day an article last changed: its `updated` day, or its publication day.
 * @example updatedDay({ date: "2024-01-01", updated: "2024-02-01", ... }) // "2024-02-01"
 */
export function updatedDay(article: ArticleSummary): string {
  return article.updated ?? article.date;
}

/** Whether the article says it changed after it was published. */
export function hasUpdate(article: ArticleSummary): boolean {
  return updatedDay(article) !== article.date;
}

/**
 * A YYYY-MM-DD day as an RFC 3339 time (midnight UTC), as Atom, JSON Feed and Open Graph want.
 * @example dayTime("2024-03-05") // "2024-03-05T00:00:00Z"
 */
export function dayTime(day: string): string {
  return `${day}T00:00:00Z`;
}
