// What the import did, for the publisher: a line per problem naming the post, and one summary.
import type { SkipReason } from "./classify.ts";
import type { ImageOutcome } from "./images.ts";

const WORDS: Record<string, [string, string]> = {
  draft: ["draft", "drafts"],
  attachment: ["attachment", "attachments"],
  "navigation item": ["navigation item", "navigation items"],
  page: ["page (add --pages to import pages)", "pages (add --pages to import pages)"],
  trash: ["in the trash", "in the trash"],
  empty: ["with no text", "with no text"],
};

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export class ImportReport {
  readonly problems: string[] = [];
  readonly skipped = new Map<SkipReason, number>();
  readonly shortcodes = new Map<string, number>();
  posts = 0;
  pages = 0;
  comments = 0;

  /** Notes a problem with a post, named by its title and old address. */
  problem(post: { title: string; link: string }, message: string): void {
    const name = post.title ? JSON.stringify(post.title) : "(untitled)";
    this.problems.push(`${name} (${post.link || "no URL"}): ${message}`);
  }

  skip(reason: SkipReason): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }

  shortcode(name: string): void {
    this.shortcodes.set(name, (this.shortcodes.get(name) ?? 0) + 1);
  }

  /**
   * The summary line, e.g. "Imported 56 posts, skipped 5 (1 draft, 4 private); 37 images: 0
   * copied, 37 not found under --uploads; 3 unknown shortcodes: [foo]×2 [bar]×1".
   */
  summary(images: Iterable<ImageOutcome>, commentsFile?: string): string {
    const imported =
      `Imported ${counted(this.posts, "post")}` +
      (this.pages ? ` and ${counted(this.pages, "page")}` : "");
    const total = [...this.skipped.values()].reduce((a, b) => a + b, 0);
    const reasons = [...this.skipped]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([reason, n]) => {
        const [one, many] = WORDS[reason] ?? [reason, reason];
        return `${n} ${n === 1 ? one : many}`;
      });
    const skipped = total ? `, skipped ${total} (${reasons.join(", ")})` : "";

    const byOutcome = new Map<string, number>();
    let count = 0;
    for (const outcome of images) {
      count++;
      const key = outcome.ok ? "copied" : outcome.reason;
      byOutcome.set(key, (byOutcome.get(key) ?? 0) + 1);
    }
    const imageParts = [`${byOutcome.get("copied") ?? 0} copied`];
    for (const [key, n] of byOutcome) if (key !== "copied") imageParts.push(`${n} ${key}`);
    const imageLine = `${counted(count, "image")}: ${imageParts.join(", ")}`;

    const unknown = [...this.shortcodes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const shortcodeCount = unknown.reduce((a, [, n]) => a + n, 0);
    const shortcodeLine = shortcodeCount
      ? `${counted(shortcodeCount, "unknown shortcode")} (left as text): ${unknown
          .map(([name, n]) => `[${name}]×${n}`)
          .join(" ")}`
      : "no unknown shortcodes";

    const comments = this.comments
      ? `; ${counted(this.comments, "approved comment")} (Offprint does not show comments; ${
          commentsFile ? `written to ${commentsFile}` : "--comments <file.json> writes them out"
        })`
      : "";
    return `${imported}${skipped}; ${imageLine}; ${shortcodeLine}${comments}`;
  }
}
