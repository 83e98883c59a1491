// An exported post's fields → Offprint's front matter (only the fields the README documents, plus
// `wordpressUrl`, the old address, which the build ignores and a redirect map can read).
import YAML from "yaml";
import type { WxrItem } from "./wxr.ts";
import type { Attachment } from "./shortcodes.ts";
import type { ImageOutcome } from "./images.ts";
import { firstWords, plainText } from "./text.ts";

export interface ArticleFrontMatter {
  title: string;
  date: string;
  category: string;
  author?: string;
  excerpt?: string;
  image?: string;
  imageAlt?: string;
  imageCredit?: string;
  tags?: string[];
  wordpressUrl?: string;
}

export interface FrontMatterContext {
  /** Display names by login, from the export's wp:author list. */
  authors: ReadonlyMap<string, string>;
  attachment(id: string): Attachment | undefined;
  image(src: string): ImageOutcome;
  /** The body's text, for a title left empty. */
  bodyText: string;
  problem(message: string): void;
}

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The post's local date (wp:post_date), or its GMT date, or its RSS pubDate, as YYYY-MM-DD. */
export function postDate(
  item: Pick<WxrItem, "date" | "dateGmt">,
  pubDate?: string,
): string | undefined {
  for (const d of [item.date, item.dateGmt]) {
    const m = DATE.exec(d.trim());
    if (m && !m[1].startsWith("0000")) return m[1];
  }
  const parsed = pubDate ? new Date(pubDate) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString().slice(0, 10) : undefined;
}

/** Categories and tags in the export's order: the first category leads, the rest are tags. */
export function categoryAndTags(item: Pick<WxrItem, "categories">): {
  category: string;
  tags: string[];
} {
  const names = (domain: string) =>
    item.categories
      .filter((c) => c.domain === domain)
      .map((c) => plainText(c.name))
      .filter(Boolean);
  const [category = "Uncategorized", ...more] = names("category");
  const tags = [...new Set([...more, ...names("post_tag")])];
  return { category, tags };
}

/**
 * The front matter of an imported post. Problems (an empty title, a featured image not found)
 * are reported through the context; the result is always valid for Offprint.
 */
export function frontMatter(item: WxrItem, ctx: FrontMatterContext): ArticleFrontMatter {
  let title = plainText(item.title);
  if (!title) {
    title = firstWords(ctx.bodyText) || "Untitled";
    ctx.problem(`the title is empty; it is now "${title}"`);
  }
  let date = postDate(item);
  if (!date) {
    date = new Date().toISOString().slice(0, 10);
    ctx.problem(`no publication date; today's date (${date}) was used`);
  }
  const { category, tags } = categoryAndTags(item);
  const fm: ArticleFrontMatter = { title, date, category };
  const author = plainText(ctx.authors.get(item.creator) ?? item.creator);
  if (author) fm.author = author;
  const excerpt = plainText(item.excerpt);
  if (excerpt) fm.excerpt = excerpt;

  const thumbnail = item.meta.get("_thumbnail_id");
  const attachment = thumbnail ? ctx.attachment(thumbnail) : undefined;
  if (thumbnail && !attachment)
    ctx.problem(`featured image: attachment ${thumbnail} is not in the export`);
  if (attachment) {
    const outcome = ctx.image(attachment.url);
    if (outcome.ok) {
      fm.image = outcome.src;
      fm.imageAlt = plainText(attachment.alt) || plainText(attachment.title) || title;
      const credit = plainText(attachment.caption);
      if (credit) fm.imageCredit = credit;
    } else ctx.problem(`featured image ${attachment.url} ${outcome.reason}`);
  }
  if (tags.length) fm.tags = tags;
  if (item.link) fm.wordpressUrl = item.link;
  return fm;
}

/** The Markdown file: YAML front matter (written by the `yaml` package, so any text is safe). */
export function articleFile(fm: ArticleFrontMatter, markdown: string): string {
  return `---\n${YAML.stringify(fm, { lineWidth: 0 })}---\n\n${markdown}`;
}
