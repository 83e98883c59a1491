// Which files of a content folder are articles, and the name each one's address is made from:
// Offprint's `<slug>.md`, Jekyll's `_posts/YYYY-MM-DD-name.markdown`, and the folders holding an
// `index.md` that Hugo (page bundles) and Eleventy use, with the article's images beside it.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { datePrefix } from "./dates.ts";
import { toSlug } from "./slug.ts";

const MARKDOWN = /\.(md|markdown)$/;

export interface ArticleFile {
  /** Absolute path of the Markdown file. */
  file: string;
  /** The name the slug is made from: the file name, or the bundle folder's, less a date prefix. */
  name: string;
  /** The date of a `YYYY-MM-DD-` prefix (Jekyll), when the name has one. */
  dateFromName?: string;
  /** Which of the borrowed conventions the path itself uses (for the notices). */
  conventions: string[];
}

export interface ContentFiles {
  articles: ArticleFile[];
  /** `.mdx` files, left out: they need a JSX runtime. */
  mdx: string[];
  /** `_index.md` and other `_` files: list pages and partials, not articles. */
  notArticles: string[];
}

/** The name of an article's file, less its extension; a bundle's `index` gives its folder's. */
function baseName(file: string): { base: string; bundle: boolean } {
  const base = path.basename(file).replace(MARKDOWN, "");
  if (base === "index") return { base: path.basename(path.dirname(file)), bundle: true };
  return { base, bundle: false };
}

/** Describes one Markdown file as an article: its name and what its path tells. */
export function articleFile(file: string): ArticleFile {
  const { base, bundle } = baseName(file);
  const conventions: string[] = [];
  if (file.endsWith(".markdown")) conventions.push(".markdown file");
  if (bundle) conventions.push("folder with index.md");
  const prefix = datePrefix(base);
  return prefix
    ? { file, name: prefix.rest, dateFromName: prefix.date, conventions }
    : { file, name: base, conventions };
}

/**
 * Finds the articles under a folder, nested folders included, in a stable order.
 * @throws when the folder cannot be read.
 */
export async function findContent(root: string): Promise<ContentFiles> {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const found: ContentFiles = { articles: [], mdx: [], notArticles: [] };
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    const name = path.basename(file);
    if (name.endsWith(".mdx")) found.mdx.push(file);
    else if (!MARKDOWN.test(name)) continue;
    else if (name.startsWith("_")) found.notArticles.push(file);
    else found.articles.push(articleFile(file));
  }
  return found;
}

/**
 * The slug a link target names, as `post_url`, `link` and Hugo's `ref` write it: a file name with
 * or without its folder, extension, date prefix or `#anchor`.
 * @example targetName("_posts/2016-07-26-hello.md#top") // { name: "hello", anchor: "#top" }
 */
export function targetName(target: string): { name: string; anchor: string } {
  const hash = target.indexOf("#");
  const anchor = hash >= 0 ? target.slice(hash) : "";
  const bare = (hash >= 0 ? target.slice(0, hash) : target).replace(/\/+$/, "");
  const { name } = articleFile(bare.replace(/\.html$/, ".md"));
  return { name: toSlug(name), anchor };
}
