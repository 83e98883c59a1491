// Streams a WordPress export (WXR: RSS 2.0 with the wp:, content:, excerpt: and dc: namespaces)
// one item at a time with saxes, so a 500 MB export never sits in memory as one string. Only the
// item being read is held; what it is, is decided by the caller.
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTagNS } from "saxes";

/** A not-well-formed file, or one that is not a WordPress export; `line` is 1-based. */
export class WxrError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = "WxrError";
  }
}

export interface WxrCategory {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrComment {
  id: string;
  parent: string;
  author: string;
  date: string;
  dateGmt: string;
  content: string;
  approved: string;
  type: string;
}

/** One `<item>`, its fields as the export writes them (text, CDATA unwrapped). */
export interface WxrItem {
  line: number;
  title: string;
  link: string;
  guid: string;
  creator: string;
  content: string;
  excerpt: string;
  id: string;
  date: string;
  dateGmt: string;
  name: string;
  status: string;
  parent: string;
  menuOrder: string;
  type: string;
  password: string;
  attachmentUrl: string;
  categories: WxrCategory[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export interface WxrSite {
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export type WxrEvent =
  | { kind: "author"; login: string; displayName: string }
  | { kind: "site"; site: WxrSite }
  | { kind: "item"; item: WxrItem };

/**
 * The export's namespaces by what they are, whatever their scheme or version: real exports carry
 * both `http://wordpress.org/export/1.2/` and `https://…`, and 1.0 to 1.2.
 */
const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/[\d.]+\/excerpt\/?$/, "excerpt:"],
  [/^https?:\/\/wordpress\.org\/export\/[\d.]+\/?$/, "wp:"],
  [/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, "content:"],
  [/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, "dc:"],
];

/**
 * A copy of a string that shares no memory with the chunk of the file it was cut from: V8 keeps
 * a whole chunk alive for any piece of it still referenced, so keeping an item's ID or link would
 * keep the export in memory, chunk by chunk.
 */
function own(s: string): string {
  return s.length ? Buffer.from(s, "utf8").toString("utf8") : "";
}

function nameOf(tag: SaxesTagNS): string {
  if (!tag.uri) return tag.local;
  for (const [re, prefix] of NAMESPACES) if (re.test(tag.uri)) return prefix + tag.local;
  return `{${tag.uri}}${tag.local}`;
}

function emptyItem(line: number): WxrItem {
  return {
    line,
    title: "",
    link: "",
    guid: "",
    creator: "",
    content: "",
    excerpt: "",
    id: "",
    date: "",
    dateGmt: "",
    name: "",
    status: "",
    parent: "",
    menuOrder: "",
    type: "",
    password: "",
    attachmentUrl: "",
    categories: [],
    meta: new Map(),
    comments: [],
  };
}

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title",
  link: "link",
  guid: "guid",
  "dc:creator": "creator",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "id",
  "wp:post_date": "date",
  "wp:post_date_gmt": "dateGmt",
  "wp:post_name": "name",
  "wp:status": "status",
  "wp:post_parent": "parent",
  "wp:menu_order": "menuOrder",
  "wp:post_type": "type",
  "wp:post_password": "password",
  "wp:attachment_url": "attachmentUrl",
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id",
  "wp:comment_parent": "parent",
  "wp:comment_author": "author",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
};

/**
 * Reads a WXR file and yields its authors, the site (once, before the first item) and its items.
 * @example for await (const e of readWxr("export.xml")) if (e.kind === "item") console.log(e.item.title);
 * @throws WxrError with the line of the first thing wrong.
 */
export async function* readWxr(file: string): AsyncGenerator<WxrEvent> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const events: WxrEvent[] = [];
  const stack: string[] = [];
  const site: WxrSite = { title: "", link: "", baseSiteUrl: "", baseBlogUrl: "" };
  let siteSent = false;
  let text = "";
  let item: WxrItem | undefined;
  let comment: Partial<WxrComment> | undefined;
  let meta: { key: string; value: string } | undefined;
  let category: WxrCategory | undefined;
  let author: { login: string; displayName: string } | undefined;
  let error: WxrError | undefined;

  parser.on("error", (err) => {
    // saxes prefixes "line:column: "; the caller names the file and the line its own way.
    error ??= new WxrError(parser.line, err.message.replace(/^\d+:\d+:\s*/, ""));
  });
  parser.on("opentag", (tag) => {
    const name = nameOf(tag);
    if (stack.length === 0 && name !== "rss") {
      error ??= new WxrError(
        parser.line,
        `not a WordPress export (WXR): the root element is <${tag.name}>, not <rss>`,
      );
    }
    if (stack.length === 0 && !Object.values(tag.ns).some((uri) => NAMESPACES[1][0].test(uri))) {
      error ??= new WxrError(
        parser.line,
        "not a WordPress export (WXR): <rss> does not declare the wp: namespace " +
          "(export the site with Tools → Export in WordPress)",
      );
    }
    stack.push(name);
    text = "";
    if (name === "item" && stack.length === 3) {
      if (!siteSent) events.push({ kind: "site", site });
      siteSent = true;
      item = emptyItem(parser.line);
    } else if (name === "wp:comment" && item) comment = {};
    else if (name === "wp:postmeta" && item) meta = { key: "", value: "" };
    else if (name === "wp:author" && !item) author = { login: "", displayName: "" };
    else if (name === "category" && item && stack.length === 4) {
      const attr = (local: string) => {
        const a = tag.attributes[local];
        return a ? own(a.value) : "";
      };
      category = { domain: attr("domain"), nicename: attr("nicename"), name: "" };
    }
  });
  const addText = (t: string) => {
    text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", (tag) => {
    const name = nameOf(tag);
    text = own(text);
    const depth = stack.length;
    stack.pop();
    if (item && name === "item" && depth === 3) {
      events.push({ kind: "item", item });
      item = undefined;
    } else if (comment && name === "wp:comment") {
      item?.comments.push({
        id: "",
        parent: "",
        author: "",
        date: "",
        dateGmt: "",
        content: "",
        approved: "",
        type: "",
        ...comment,
      });
      comment = undefined;
    } else if (comment && name in COMMENT_FIELDS) comment[COMMENT_FIELDS[name]] = text;
    else if (meta && name === "wp:postmeta") {
      item?.meta.set(meta.key, meta.value);
      meta = undefined;
    } else if (meta && name === "wp:meta_key") meta.key = text;
    else if (meta && name === "wp:meta_value") meta.value = text;
    else if (category && name === "category") {
      category.name = text;
      item?.categories.push(category);
      category = undefined;
    } else if (item && depth === 4 && name in ITEM_FIELDS) {
      (item as unknown as Record<string, string>)[ITEM_FIELDS[name]] = text;
    } else if (author && name === "wp:author") {
      events.push({ kind: "author", ...author });
      author = undefined;
    } else if (author && name === "wp:author_login") author.login = text;
    else if (author && name === "wp:author_display_name") author.displayName = text;
    else if (!item && depth === 3) {
      if (name === "title") site.title = text;
      else if (name === "link") site.link = text;
      else if (name === "wp:base_site_url") site.baseSiteUrl = text;
      else if (name === "wp:base_blog_url") site.baseBlogUrl = text;
    }
    text = "";
  });

  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 256 * 1024 });
  for await (const chunk of stream as AsyncIterable<string>) {
    parser.write(chunk);
    if (error) {
      stream.destroy();
      throw error;
    }
    yield* events.splice(0);
  }
  parser.close();
  if (error) throw error;
  if (!siteSent) {
    events.push({ kind: "site", site });
    if (!site.link && !site.baseSiteUrl) {
      throw new WxrError(parser.line, "not a WordPress export (WXR): no <channel> found");
    }
  }
  yield* events.splice(0);
}
