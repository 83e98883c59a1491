// A post's content → an Offprint Markdown body. The steps follow what WordPress itself does when it
// shows a post (block comments out, shortcodes, embeds, wpautop for classic posts), then the HTML
// is converted by hast-util-to-mdast and remark-stringify (the unified pipeline the build reads
// with). What Markdown cannot say (a figure, a table with merged cells) stays HTML, which the
// build sanitizes as it does any HTML in Markdown.
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { defaultHandlers, toMdast, type Handle, type State } from "hast-util-to-mdast";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import type { Element, ElementContent, Root as HastRoot, RootContent } from "hast";
import type {
  FootnoteDefinition,
  Nodes as MdNodes,
  Root as MdRoot,
  RootContent as MdContent,
} from "mdast";
import { embedLink, linkBareEmbeds } from "./embeds.ts";
import { outsideCode, replaceShortcodes, type ShortcodeContext } from "./shortcodes.ts";
import { wpautop } from "./wpautop.ts";
import type { ImageOutcome } from "./images.ts";

export interface BodyContext extends ShortcodeContext {
  /** Where an image of the post is in the output, or why it is not (and counts it). */
  image(src: string): ImageOutcome;
  /** A link's new address (old posts → /articles/<slug>). */
  link(href: string): string;
  /** The block editor's footnotes (post meta `footnotes`: [{ id, content }]). */
  footnotes: { id: string; content: string }[];
}

export interface Body {
  markdown: string;
  /** The body's text, for a title left empty. */
  text: string;
}

const htmlParser = unified().use(rehypeParse, { fragment: true });
const markdownWriter = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "_", fences: true, rule: "-" });

/** Block-editor markup: `<!-- wp:paragraph {…} -->`, `<!-- /wp:paragraph -->`, `<!-- wp:x /-->`. */
const BLOCK_COMMENT = /<!--\s+\/?wp:[\s\S]*?-->/g;

/** Is this block-editor content (which is stored as HTML and never goes through wpautop)? */
export function isBlockContent(content: string): boolean {
  return /<!--\s+wp:/.test(content);
}

/**
 * The content as the HTML WordPress would show: <!--more--> and <!--nextpage--> gone, block
 * comments gone, shortcodes and embeds replaced, classic posts' paragraphs made.
 */
export function toShownHtml(content: string, ctx: ShortcodeContext): string {
  const blocks = isBlockContent(content);
  let html = content.replace(/<!--\s*(more|nextpage|noteaser)\b[\s\S]*?-->/g, "");
  if (blocks) html = html.replace(BLOCK_COMMENT, "");
  html = outsideCode(replaceShortcodes(html, ctx), linkBareEmbeds);
  return blocks ? html : wpautop(html);
}

function element(
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[],
): Element {
  return { type: "element", tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: "text", value });

const MEDIA_FILE = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)$/i;

/** Images to their copies (or their alt text as a link to the original), links to new addresses. */
function placeImagesAndLinks(tree: HastRoot, ctx: BodyContext): void {
  const walk = (parent: HastRoot | Element) => {
    const out: RootContent[] = [];
    for (const node of parent.children) {
      if (node.type !== "element") {
        out.push(node);
        continue;
      }
      if (node.tagName === "img") {
        const src = String(node.properties.src ?? "");
        const alt = String(node.properties.alt ?? "").trim();
        const outcome = src ? ctx.image(src) : undefined;
        if (outcome?.ok) {
          // The build finds body images by `![alt](path)`; a bracket in the alt text would hide one.
          node.properties = { src: outcome.src, alt: alt.replace(/\[/g, "(").replace(/\]/g, ")") };
          out.push(node);
        } else if (src) {
          const label = alt || decodeURIComponent(src.split("/").pop() ?? "") || "Image";
          // Inside a link the alt text alone stays (a link inside a link is not allowed).
          const inLink = parent.type === "element" && parent.tagName === "a";
          out.push(inLink ? text(label) : element("a", { href: src }, [text(label)]));
        }
        continue;
      }
      if (node.tagName === "iframe") {
        const src = String(node.properties.src ?? "");
        if (/^(https?:)?\/\//i.test(src)) {
          const link = htmlParser.parse(embedLink(src.startsWith("//") ? `https:${src}` : src));
          out.push(...(link.children as RootContent[]));
        }
        continue;
      }
      walk(node);
      if (node.tagName === "a") {
        const href = String(node.properties.href ?? "");
        // A link around an image to the image's own file: the copy in the article is the image.
        const only = node.children.filter((c) => c.type !== "text" || c.value.trim());
        if (only.length === 1 && only[0].type === "element" && only[0].tagName === "img") {
          if (MEDIA_FILE.test(href.split(/[?#]/)[0])) {
            out.push(only[0]);
            continue;
          }
        }
        if (href) node.properties.href = ctx.link(href);
      }
      out.push(node);
    }
    parent.children = out as typeof parent.children;
  };
  walk(tree);
}

const raw = (node: Element): MdNodes => ({ type: "html", value: toHtml(node) });

/** Elements Markdown has no syntax for, kept as HTML (the build's sanitizer decides the rest). */
const KEPT_AS_HTML = ["sub", "kbd", "dl", "details", "abbr", "ins", "small", "u"];

/** A table Markdown can hold: no merged cells, nothing but text and inline markup in a cell. */
function simpleTable(table: Element): boolean {
  let simple = true;
  const visit = (node: Element, inCell: boolean) => {
    for (const child of node.children) {
      if (child.type !== "element") continue;
      if (child.properties.colSpan || child.properties.rowSpan) simple = false;
      if (
        inCell &&
        /^(p|div|ul|ol|pre|blockquote|table|h[1-6]|figure|hr|br|img)$/.test(child.tagName)
      ) {
        simple = false;
      }
      visit(child, inCell || child.tagName === "td" || child.tagName === "th");
    }
  };
  visit(table, false);
  return simple;
}

function handlers(footnoteIds: Map<string, number>): Record<string, Handle> {
  const html: Record<string, Handle> = {};
  for (const tag of KEPT_AS_HTML) html[tag] = (_state, node) => raw(node);
  return {
    ...html,
    figure(state: State, node: Element) {
      const caption = node.children.find(
        (c): c is Element => c.type === "element" && c.tagName === "figcaption",
      );
      const rest = { ...node, children: node.children.filter((c) => c !== caption) };
      const flow: MdContent[] = [{ type: "html", value: "<figure>" }];
      flow.push(...(state.toFlow(state.all(rest)) as MdContent[]));
      if (caption && toString(caption).trim()) {
        flow.push({ type: "html", value: "<figcaption>" });
        flow.push(...(state.toFlow(state.all(caption)) as MdContent[]));
        flow.push({ type: "html", value: "</figcaption>" });
      }
      flow.push({ type: "html", value: "</figure>" });
      return flow as MdNodes[];
    },
    sup(_state: State, node: Element) {
      const id = node.properties.dataFn;
      const n = typeof id === "string" ? footnoteIds.get(id) : undefined;
      if (n) return { type: "footnoteReference", identifier: String(n), label: String(n) };
      return raw(node);
    },
    table(state: State, node: Element) {
      return simpleTable(node) ? defaultHandlers.table(state, node) : raw(node);
    },
  };
}

function toMarkdownTree(html: string, footnoteIds: Map<string, number>, ctx: BodyContext) {
  const tree = htmlParser.parse(html);
  placeImagesAndLinks(tree, ctx);
  return { tree, mdast: toMdast(tree, { handlers: handlers(footnoteIds) }) as MdRoot };
}

/**
 * Converts a post's content to a Markdown body.
 * @example (await convertBody("One\n\nTwo", ctx)).markdown // "One\n\nTwo\n"
 */
export function convertBody(content: string, ctx: BodyContext): Body {
  const html = toShownHtml(content, ctx);
  const footnoteIds = new Map<string, number>();
  for (const m of html.matchAll(/data-fn="([^"]+)"/g)) {
    if (ctx.footnotes.some((f) => f.id === m[1]) && !footnoteIds.has(m[1])) {
      footnoteIds.set(m[1], footnoteIds.size + 1);
    }
  }
  const { tree, mdast } = toMarkdownTree(html, footnoteIds, ctx);
  for (const [id, n] of footnoteIds) {
    const note = ctx.footnotes.find((f) => f.id === id)!;
    const definition: FootnoteDefinition = {
      type: "footnoteDefinition",
      identifier: String(n),
      label: String(n),
      children: toMarkdownTree(`<p>${note.content}</p>`, new Map(), ctx).mdast
        .children as FootnoteDefinition["children"],
    };
    mdast.children.push(definition);
  }
  const markdown = mdast.children.length ? markdownWriter.stringify(mdast) : "";
  return { markdown: markdown.trim() ? markdown : "", text: toString(tree) };
}
