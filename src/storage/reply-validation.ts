// What a reply must hold before it may be posted: Comment, Name and Email; an Email that looks
// like an address; a Website, when given, that is an http(s) URL. Messages are the reader's words.
import type { DraftFields } from "./drafts.ts";

export type ReplyErrors = Partial<Record<keyof DraftFields, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/**
 * The reasons a reply cannot be posted yet, per field; an empty object when it can.
 * @example validateReply({ comment: "", name: "Ada", email: "ada@x.org", website: "" });
 *   // → { comment: "Enter a comment" }
 */
export function validateReply(fields: DraftFields, limit = Infinity): ReplyErrors {
  const errors: ReplyErrors = {};
  if (fields.comment.trim() === "") errors.comment = "Enter a comment";
  else if (fields.comment.length > limit)
    errors.comment = `Shorten your comment to ${limit.toLocaleString("en-US")} characters`;
  if (fields.name.trim() === "") errors.name = "Enter your name";
  const email = fields.email.trim();
  if (email === "") errors.email = "Enter your email address";
  else if (!EMAIL.test(email)) errors.email = "Enter an email address like name@example.org";
  const website = fields.website.trim();
  if (website !== "" && !isWebUrl(website))
    errors.website = "Enter a website address starting with http:// or https://";
  return errors;
}
