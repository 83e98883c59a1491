// The import in two passes over the export, each streaming it. The first reads only what every
// post needs to know about the others (authors, attachments, every imported post's slug and old
// address) and writes nothing, so a file that is not well-formed leaves no trace; the second
// converts and writes one post at a time.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { readWxr, type WxrItem, type WxrSite } from "./wxr.ts";
import { classify } from "./classify.ts";
import { offprintSlug, SlugRegistry } from "./slugs.ts";
import { OldLinks, siteHosts } from "./links.ts";
import { ImageCopier } from "./images.ts";
import { convertBody, type BodyContext } from "./body.ts";
import { articleFile, frontMatter } from "./front-matter.ts";
import { ImportReport } from "./report.ts";
import { approvedComments, commentRecord } from "./comments.ts";
import { plainText } from "./text.ts";
import type { Attachment } from "./shortcodes.ts";

export interface ImportOptions {
  file: string;
  out: string;
  uploads?: string;
  pages?: boolean;
  siteUrl?: string;
  comments?: string;
}

export interface ImportResult {
  report: ImportReport;
  summary: string;
  /** Files written, relative to `out`. */
  written: string[];
  /** Approved comments per imported post's slug. */
  commentCounts: Map<string, number>;
}

interface Plan {
  site: WxrSite;
  authors: Map<string, string>;
  attachments: Map<string, Attachment>;
  byParent: Map<string, Attachment[]>;
  /** Slug of each item imported, by its position among the export's items. */
  slugs: Map<number, string>;
  links: OldLinks;
  hosts: Set<string>;
}

function attachmentOf(item: WxrItem): Attachment {
  return {
    id: item.id,
    url: item.attachmentUrl || item.guid,
    alt: item.meta.get("_wp_attachment_image_alt") ?? "",
    caption: item.excerpt,
    title: plainText(item.title),
    parent: item.parent,
    order: Number(item.menuOrder) || 0,
  };
}

/** Whether content has anything to show: text, an image, an embed, a shortcode. */
function hasContent(content: string): boolean {
  return !!content
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<(?!img|iframe)[^>]*>/gi, "")
    .replace(/&nbsp;|&#160;/g, "")
    .trim();
}

function slugFor(
  item: WxrItem,
  slugs: SlugRegistry,
  report: ImportReport,
  ctx: { title: string; link: string },
) {
  let base = offprintSlug(item.name);
  if (!base) base = offprintSlug(plainText(item.title)) || `post-${item.id || "untitled"}`;
  const slug = slugs.claim(base);
  if (!item.name) report.problem(ctx, `no slug in the export; it is now "${slug}"`);
  else if (slug !== item.name) {
    const why = slug !== base ? "already taken" : "not a valid Offprint slug";
    report.problem(ctx, `slug "${item.name}" is ${why}; it is now "${slug}"`);
  }
  return slug;
}

async function plan(options: ImportOptions, report: ImportReport): Promise<Plan> {
  const authors = new Map<string, string>();
  const attachments = new Map<string, Attachment>();
  const byParent = new Map<string, Attachment[]>();
  const slugs = new Map<number, string>();
  const registry = new SlugRegistry();
  const posts: { id: string; link: string; guid: string; slug: string }[] = [];
  let site: WxrSite = { title: "", link: "", baseSiteUrl: "", baseBlogUrl: "" };
  let index = 0;
  for await (const event of readWxr(options.file)) {
    if (event.kind === "author") authors.set(event.login, event.displayName || event.login);
    else if (event.kind === "site") site = event.site;
    else {
      const item = event.item;
      const at = index++;
      if (item.type === "attachment") {
        const a = attachmentOf(item);
        attachments.set(a.id, a);
        if (a.parent && a.parent !== "0")
          byParent.set(a.parent, [...(byParent.get(a.parent) ?? []), a]);
      }
      const decision = classify(item, { pages: !!options.pages });
      if (!decision.import) continue;
      const named = { title: plainText(item.title), link: item.link };
      if (!hasContent(item.content)) {
        report.problem(named, "the post has no text; it was not imported");
        continue;
      }
      const slug = slugFor(item, registry, report, named);
      slugs.set(at, slug);
      posts.push({ id: item.id, link: item.link, guid: item.guid, slug });
    }
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order);
  const hosts = siteHosts([options.siteUrl ?? "", site.baseSiteUrl, site.baseBlogUrl, site.link]);
  const links = new OldLinks(hosts);
  for (const p of posts) links.add(p, p.slug);
  return { site, authors, attachments, byParent, slugs, links, hosts };
}

/** Counts an item of the second pass that is not imported, with its reason (once per item). */
function countSkip(item: WxrItem, options: ImportOptions, report: ImportReport, imported: boolean) {
  const decision = classify(item, { pages: !!options.pages });
  if (!decision.import) report.skip(decision.reason);
  else if (!imported) report.skip("empty");
}

/**
 * Imports a WordPress export into a folder of Offprint articles.
 * @example const { summary } = await importWordpress({ file: "export.xml", out: "content/articles" });
 * @throws WxrError (before anything is written) when the file is not a well-formed WXR export.
 */
export async function importWordpress(options: ImportOptions): Promise<ImportResult> {
  const report = new ImportReport();
  const p = await plan(options, report);
  const images = new ImageCopier(options.out, options.uploads, p.hosts);
  const written: string[] = [];
  const commentCounts = new Map<string, number>();
  await mkdir(options.out, { recursive: true });
  let comments: WriteStream | undefined;
  let firstComment = true;
  if (options.comments) {
    await mkdir(path.dirname(path.resolve(options.comments)), { recursive: true });
    comments = createWriteStream(options.comments, "utf8");
    comments.write("[");
  }

  let index = 0;
  for await (const event of readWxr(options.file)) {
    if (event.kind !== "item") continue;
    const item = event.item;
    const slug = p.slugs.get(index++);
    countSkip(item, options, report, slug !== undefined);
    if (slug === undefined) continue;
    const named = { title: plainText(item.title), link: item.link };
    const problem = (message: string) => report.problem(named, message);
    const ctx: BodyContext = {
      postId: item.id,
      attachment: (id) => p.attachments.get(id),
      attachedTo: (id) => p.byParent.get(id) ?? [],
      imageFound: (url) => images.found(url),
      unknown: (name) => report.shortcode(name),
      image: (src) => {
        const outcome = images.resolve(src);
        if (!outcome.ok) problem(`image ${src} ${outcome.reason}`);
        return outcome;
      },
      link: (href) => p.links.rewrite(href),
      footnotes: footnotesOf(item),
    };
    const body = convertBody(item.content, ctx);
    const fm = frontMatter(item, {
      authors: p.authors,
      attachment: ctx.attachment,
      // frontMatter names the featured image in its own problem line.
      image: (src) => images.resolve(src),
      bodyText: body.text,
      problem,
    });
    const markdown = body.markdown || `[The original post](${item.link})\n`;
    if (!body.markdown)
      problem("nothing of the post could be converted; the body links to the original");
    await writeFile(path.join(options.out, `${slug}.md`), articleFile(fm, markdown));
    written.push(`${slug}.md`);
    await images.copyPending();
    if (item.type === "page") report.pages++;
    else report.posts++;

    const approved = approvedComments(item);
    if (approved.length) commentCounts.set(slug, approved.length);
    report.comments += approved.length;
    for (const c of approved) {
      comments?.write(`${firstComment ? "\n" : ",\n"}${JSON.stringify(commentRecord(slug, c))}`);
      firstComment = false;
    }
  }
  if (comments) {
    const stream = comments;
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.end("\n]\n", () => resolve());
    });
  }
  written.push(...images.written);
  return {
    report,
    summary: report.summary(images.outcomes.values(), options.comments),
    written,
    commentCounts,
  };
}

/** The block editor's footnotes, kept in the post meta `footnotes` as JSON. */
function footnotesOf(item: WxrItem): { id: string; content: string }[] {
  const json = item.meta.get("footnotes");
  if (!json) return [];
  try {
    const list: unknown = JSON.parse(json);
    if (!Array.isArray(list)) return [];
    return list.filter(
      (f): f is { id: string; content: string } =>
        typeof f?.id === "string" && typeof f?.content === "string",
    );
  } catch {
    return [];
  }
}
