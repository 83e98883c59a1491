// Markdown (GFM) to sanitized HTML, with the plain-text figures the catalog needs.
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeExternalLinks from "rehype-external-links";
import rehypeStringify from "rehype-stringify";
import { toString } from "mdast-util-to-string";
import type { Root as MdRoot, Nodes as MdNode } from "mdast";
import type { Root as HtmlRoot, Element } from "hast";

/** Elements never allowed in an article body, whatever the Markdown says. */
const FORBIDDEN = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "form",
  "input",
  "button",
  "textarea",
  "select",
  "option",
  "frame",
  "frameset",
  "link",
  "meta",
  "base",
  "svg",
  "math",
  // <picture>'s sources load by srcset, which no rule here checks; its <img> stays.
  "source",
]);

const schema: SanitizeSchema = {
  ...defaultSchema,
  // figure and figcaption carry a caption to its picture or table (Hugo's figure shortcode,
  // WordPress captions).
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => !FORBIDDEN.has(t)),
    "figure",
    "figcaption",
  ],
  protocols: {
    ...defaultSchema.protocols,
    href: ["http", "https", "mailto"],
    src: ["http", "https"],
  },
  attributes: {
    ...defaultSchema.attributes,
    // Task-list checkboxes are inputs: not allowed, so their attributes go too.
    li: [["className", "task-list-item"]],
  },
};

export interface ImageResolver {
  /**
   * Maps an image path of the body (relative, or root-relative) to its built URL and size, or
   * undefined if the build did not copy it.
   */
  (relativePath: string): { src: string; width: number; height: number } | undefined;
}

export interface Rendered {
  html: string;
  words: number;
  firstParagraph: string;
  missingImages: string[];
  /** Images from other sites, left out of the HTML (the build warns about each). */
  externalImages: string[];
}

/** Where the page lives, for telling an image on another site from one of ours. */
const OUR_ORIGIN = "https://offprint.invalid";

/** Does this image URL load from another site (`https:`, `//host`, `/\host`…)? */
export function isExternal(src: string): boolean {
  try {
    return new URL(src, `${OUR_ORIGIN}/articles/`).origin !== OUR_ORIGIN;
  } catch {
    return true; // a URL a browser cannot read either
  }
}

/**
 * The `#` heading of a body would compete with the page's only h1, so it becomes an h2. Relative
 * images get their built URL and size; one the build did not copy (raw HTML pointing nowhere) is
 * dropped rather than left to 404. An image from another site is dropped too: it would not show
 * offline, it would tell that site who reads what, and the page's CSP (img-src 'self') blocks it.
 */
function demoteH1AndPlaceImages(
  resolve: ImageResolver | undefined,
  missing: string[],
  external: string[],
) {
  const walk = (parent: HtmlRoot | Element) => {
    parent.children = parent.children.filter((node) => {
      if (node.type !== "element") return true;
      if (node.tagName === "h1") node.tagName = "h2";
      if (node.tagName === "img") {
        const src = String(node.properties.src ?? "");
        if (!src) return false;
        if (isExternal(src)) {
          external.push(src);
          return false;
        }
        const found = /^[a-z]+:/i.test(src) ? undefined : resolve?.(src);
        if (found) {
          Object.assign(node.properties, {
            src: found.src,
            width: found.width,
            height: found.height,
          });
        } else if (!/^[a-z]+:/i.test(src) && !src.startsWith("/")) {
          // A root-relative path the build did not find is left to the host (edition.ts warns).
          missing.push(src);
          return false;
        }
        node.properties.loading = "lazy";
        node.properties.decoding = "async";
      }
      walk(node);
      return true;
    });
  };
  return () => (tree: HtmlRoot) => walk(tree);
}

/** The syntax tree (mdast) of a GitHub-flavoured Markdown text, read once per body. */
export function parseMarkdown(markdown: string): MdRoot {
  const parser = unified().use(remarkParse).use(remarkGfm);
  return parser.runSync(parser.parse(markdown)) as MdRoot;
}

/** Decodes the %-escapes of a URL path; one that cannot be decoded stays as written. */
export function decodePath(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * The images a Markdown body shows, from its syntax tree: images written inside code (a fence,
 * a backtick span) are text, not images, and are not listed.
 * @example bodyImages("![a](x.png) `![b](y.png)`") // ["x.png"]
 */
export function bodyImages(markdown: string | MdRoot): string[] {
  const tree = typeof markdown === "string" ? parseMarkdown(markdown) : markdown;
  const urls: string[] = [];
  const references = new Set<string>();
  const definitions = new Map<string, string>();
  const walk = (node: MdNode) => {
    if (node.type === "image") urls.push(node.url);
    else if (node.type === "imageReference") references.add(node.identifier);
    else if (node.type === "definition") definitions.set(node.identifier, node.url);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  for (const id of references) {
    const url = definitions.get(id);
    if (url !== undefined) urls.push(url);
  }
  return [...new Set(urls)];
}

/** Words of a text: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

/** Reading time at 200 words a minute, never less than one minute. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.ceil(words / 200));
}

/**
 * Cuts text on a word boundary to at most `max` characters (the ellipsis included).
 * @example makeExcerpt("A short line.") // "A short line."
 */
export function makeExcerpt(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const cut = room.lastIndexOf(" ");
  const head = (cut > 0 ? room.slice(0, cut) : room).replace(/[\s,;:.\-–—]+$/u, "");
  return `${head}…`;
}

/**
 * The sanitizer prefixes every id with "user-content-" (so an article cannot clobber the app's
 * globals); links to a place in the same body (footnotes, `[see](#notes)`) get the prefix too, or
 * they would lead nowhere.
 */
function linkPrefixedIds() {
  const PREFIX = "user-content-";
  return () => (tree: HtmlRoot) => {
    const ids = new Set<string>();
    const links: Element[] = [];
    const walk = (parent: HtmlRoot | Element) => {
      for (const node of parent.children) {
        if (node.type !== "element") continue;
        if (typeof node.properties.id === "string") ids.add(node.properties.id);
        const href = node.properties.href;
        if (node.tagName === "a" && typeof href === "string" && href.startsWith("#")) {
          links.push(node);
        }
        walk(node);
      }
    };
    walk(tree);
    for (const link of links) {
      const raw = String(link.properties.href).slice(1);
      let target = raw;
      try {
        target = decodeURIComponent(raw);
      } catch {
        // a malformed escape is taken as written
      }
      if (!ids.has(target) && ids.has(PREFIX + target))
        link.properties.href = `#${PREFIX}${target}`;
    }
  };
}

/** Renders a Markdown body to sanitized HTML and measures it. */
export async function renderMarkdown(
  markdown: string | MdRoot,
  resolve?: ImageResolver,
): Promise<Rendered> {
  const missingImages: string[] = [];
  const externalImages: string[] = [];
  const mdast = typeof markdown === "string" ? parseMarkdown(markdown) : markdown;
  const first = mdast.children.find((n) => n.type === "paragraph");
  const words = countWords(toString(mdast));
  const processor = unified()
    // Raw HTML in Markdown is parsed, then the sanitizer decides what of it survives.
    // Footnote ids get their prefix from the sanitizer alone, not twice (see linkPrefixedIds).
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRaw)
    .use(rehypeSanitize, schema)
    .use(linkPrefixedIds())
    .use(demoteH1AndPlaceImages(resolve, missingImages, externalImages))
    .use(rehypeExternalLinks, { rel: ["noopener", "noreferrer"] })
    .use(rehypeStringify);
  const file = processor.stringify((await processor.run(mdast)) as HtmlRoot);
  return {
    html: String(file),
    words,
    firstParagraph: first ? toString(first) : "",
    missingImages,
    externalImages,
  };
}
