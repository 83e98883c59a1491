// The status labels shown beside an article in every list. Each feature adds its own test here.
import type { ArticleSummary } from "../catalog/types.ts";
import { isRead, storageProblem } from "./library.ts";
import { hasDraft } from "./drafts.ts";
import { isAvailableOffline } from "./offline.ts";
import { highlightCountOf } from "./highlight-counts.ts";

/** The markers for one article, in display order. */
export function markersFor(article: ArticleSummary): string[] {
  const labels: string[] = [];
  if (!storageProblem() && !isRead(article.slug)) labels.push("Unread");
  if (hasDraft(article.slug)) labels.push("Draft");
  if (isAvailableOffline(article)) labels.push("Available offline");
  const highlights = highlightCountOf(article.slug);
  if (highlights > 0) labels.push(`${highlights} ${highlights === 1 ? "highlight" : "highlights"}`);
  return labels;
}
