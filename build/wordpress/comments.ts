// Offprint shows no comments; the approved ones of imported posts can be handed to a comment
// service as JSON. Commenters' emails are read from the export and written nowhere.
import type { WxrComment, WxrItem } from "./wxr.ts";
import { plainText } from "./text.ts";

export interface CommentRecord {
  post: string;
  id: string;
  parent?: string;
  author: string;
  date: string;
  text: string;
}

/** Approved comments, without pingbacks and trackbacks (those are not anyone's words). */
export function approvedComments(item: Pick<WxrItem, "comments">): WxrComment[] {
  return item.comments.filter((c) => c.approved === "1" && (c.type === "" || c.type === "comment"));
}

/** A comment's date as ISO 8601: UTC when the export has it, else the site's local time. */
function isoDate(c: WxrComment): string {
  const gmt = c.dateGmt.trim();
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith("0000")) {
    return `${gmt.replace(" ", "T")}Z`;
  }
  return c.date.trim().replace(" ", "T");
}

/**
 * The record written for a comment: post slug, author, date and text (paragraphs kept).
 * @example commentRecord("hello", c) // { post: "hello", id: "7", author: "Ann", date: "2024-05-02T09:00:00Z", text: "Nice." }
 */
export function commentRecord(slug: string, c: WxrComment): CommentRecord {
  const text = c.content
    .split(/\n\s*\n|<\/p>\s*<p[^>]*>/i)
    .map(plainText)
    .filter(Boolean)
    .join("\n\n");
  return {
    post: slug,
    id: c.id,
    ...(c.parent && c.parent !== "0" ? { parent: c.parent } : {}),
    author: plainText(c.author),
    date: isoDate(c),
    text,
  };
}
