// Sharing an article's link: the system share sheet where the browser has one (phones, some
// desktops), else the clipboard, and the reader is told which happened.
import { notify } from "../../state/notices.ts";

/**
 * Shares a link, or copies it and says "Link copied".
 * @example await shareLink(article.title, location.href);
 */
export async function shareLink(title: string, url: string): Promise<void> {
  if (typeof navigator.share === "function") {
    try {
      await navigator.share({ title, url });
      return;
    } catch (err) {
      // The reader closed the share sheet: nothing to say. Any other refusal: copy instead.
      if (err instanceof DOMException && err.name === "AbortError") return;
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    notify("Link copied");
  } catch {
    notify(`Could not copy the link. Here it is: ${url}`, { tone: "error" });
  }
}
