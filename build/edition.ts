// Reads a folder of Markdown articles and turns it into the files the app serves: the catalog index,
// one body per article and the hashed images. Every bad file is reported, not only the first.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import type { ArticleSummary, CatalogIndex, ArticleBody } from "../src/catalog/types.ts";
import { parseFrontMatter } from "./frontmatter.ts";
import { makeExcerpt, readingMinutes, renderMarkdown } from "./markdown.ts";
import { SLUG_PATTERN, categorySlug } from "./slug.ts";
import { sanitizeSvg } from "./svg.ts";

/** Where built content lives, relative to the app's base URL. */
export const CONTENT_DIR = "content";

export interface EditionFile {
  fileName: string;
  source: string | Uint8Array;
}

export interface Edition {
  index: CatalogIndex;
  indexFile: string;
  bodies: Map<string, ArticleBody>;
  files: EditionFile[];
  /** What the build left out, one line per file and thing, for the publisher to read. */
  warnings: string[];
}

/** The build fails with this error; `problems` holds one line per bad file and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Offprint found ${problems.length} problem(s) in the content:\n  ${problems.join("\n  ")}`,
    );
    this.name = "ContentError";
  }
}

export function shortHash(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 10);
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

interface ImageCopy {
  src: string;
  width: number;
  height: number;
}

/** An image's type and size as image-size reads them; nothing for a file it cannot read. */
function measure(data: Uint8Array): { type?: string; width?: number; height?: number } {
  try {
    return imageSize(data);
  } catch {
    return {};
  }
}

/** Copies images under hashed names, once each, and remembers their size. */
class ImageStore {
  readonly files: EditionFile[] = [];
  private byPath = new Map<string, ImageCopy>();

  async add(absPath: string): Promise<ImageCopy | string> {
    const known = this.byPath.get(absPath);
    if (known) return known;
    let data: Uint8Array;
    try {
      data = await readFile(absPath);
    } catch {
      return "not found";
    }
    const ext = path.extname(absPath).toLowerCase();
    let size = measure(data);
    // Any SVG is served sanitized (and named by the sanitized bytes), whatever its file name says.
    if (ext === ".svg" || size.type === "svg") {
      const safe = sanitizeSvg(Buffer.from(data).toString("utf8"));
      if (safe === undefined) return "is not a well-formed SVG, so it cannot be made safe";
      data = new TextEncoder().encode(safe);
      size = { type: "svg", ...measure(data) };
    }
    if (!size.type) {
      return "is not an image this build can read (use PNG, JPEG, GIF, WebP, AVIF or SVG)";
    }
    if (!size.width || !size.height) return "has no width and height";
    const base = path
      .basename(absPath, ext)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, "-");
    const fileName = `${CONTENT_DIR}/img/${base}-${shortHash(data)}${ext}`;
    const copy = { src: fileName, width: size.width, height: size.height };
    this.files.push({ fileName, source: data });
    this.byPath.set(absPath, copy);
    return copy;
  }
}

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/**
 * Builds an edition from a content folder.
 * @example const edition = await buildEdition("content/articles", { base: "/news/" });
 * @throws ContentError listing every bad file and field.
 */
export async function buildEdition(
  folder: string,
  { cwd = process.cwd(), base = "/" }: { cwd?: string; base?: string } = {},
): Promise<Edition> {
  const root = path.resolve(cwd, folder);
  const problems: string[] = [];
  const warnings: string[] = [];
  let files: string[];
  try {
    files = await markdownFiles(root);
  } catch {
    throw new ContentError([`${folder}: content folder not found`]);
  }
  if (files.length === 0) throw new ContentError([`${folder}: no .md articles found`]);

  const images = new ImageStore();
  const articles: ArticleSummary[] = [];
  const bodies = new Map<string, ArticleBody>();
  const bodyFiles: EditionFile[] = [];
  const seen = new Map<string, string>();
  /** Old slug → the file that claims it, and that file's slug. */
  const aliases = new Map<string, { shown: string; slug: string }[]>();

  for (const file of files) {
    const shown = path.relative(cwd, file) || file;
    const report = (msg: string) => problems.push(`${shown}: ${msg}`);
    const slug = path.basename(file, ".md");
    const before = problems.length;

    if (!SLUG_PATTERN.test(slug)) {
      report(
        `the slug (file name) must match [a-z0-9]+(-[a-z0-9]+)* (got ${JSON.stringify(slug)})`,
      );
    } else if (seen.has(slug)) {
      report(`duplicate slug ${JSON.stringify(slug)} (also used by ${seen.get(slug)})`);
    } else seen.set(slug, shown);

    const parsed = parseFrontMatter(await readFile(file, "utf8"));
    if (!parsed.ok) {
      parsed.errors.forEach(report);
      continue;
    }
    const fm = parsed.data;
    for (const alias of new Set(fm.aliases ?? [])) {
      aliases.set(alias, [...(aliases.get(alias) ?? []), { shown, slug }]);
    }
    if (!parsed.body.trim()) report("the body is empty: write the article below the front matter");

    const dir = path.dirname(file);
    let image: ArticleSummary["image"];
    if (fm.image) {
      const copy = await images.add(path.resolve(dir, fm.image));
      if (typeof copy === "string") report(`"image" file ${JSON.stringify(fm.image)} ${copy}`);
      else
        image = {
          ...copy,
          alt: fm.imageAlt ?? "",
          ...(fm.imageCredit ? { credit: fm.imageCredit } : {}),
        };
    }

    const bodyImages = new Map<string, ImageCopy>();
    for (const m of parsed.body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
      const rel = m[1];
      if (/^[a-z]+:/i.test(rel) || rel.startsWith("/")) continue;
      const copy = await images.add(path.resolve(dir, decodeURI(rel)));
      if (typeof copy === "string") report(`image ${JSON.stringify(rel)} in the body ${copy}`);
      else bodyImages.set(rel, copy);
    }
    if (problems.length > before) continue;

    // Body HTML is inserted as is, so its image URLs carry the deploy base.
    const rendered = await renderMarkdown(parsed.body, (rel) => {
      const copy = bodyImages.get(rel);
      return copy && { ...copy, src: base + copy.src };
    });
    for (const url of rendered.externalImages) {
      warnings.push(
        `${shown}: image ${JSON.stringify(url)} left out: an image from another site would not ` +
          "show offline and would tell that site who reads the article",
      );
    }
    const body: ArticleBody = { slug, html: rendered.html };
    const json = JSON.stringify(body);
    const bodyFile = `${CONTENT_DIR}/articles/${slug}-${shortHash(json)}.json`;
    bodies.set(slug, body);
    bodyFiles.push({ fileName: bodyFile, source: json });
    articles.push({
      slug,
      title: fm.title,
      date: fm.date,
      category: fm.category,
      categorySlug: categorySlug(fm.category) || "uncategorized",
      excerpt: fm.excerpt ?? makeExcerpt(rendered.firstParagraph),
      minutes: readingMinutes(rendered.words),
      ...(fm.author ? { author: fm.author } : {}),
      ...(fm.tags?.length ? { tags: fm.tags } : {}),
      ...(image ? { image } : {}),
      body: bodyFile,
    });
  }

  const moved = checkAliases(aliases, seen, problems);
  if (problems.length) throw new ContentError(problems);
  articles.sort(newestFirst);
  const index: CatalogIndex = {
    version: 1,
    articles,
    ...(moved.size ? { aliases: Object.fromEntries([...moved].sort()) } : {}),
  };
  const indexJson = JSON.stringify(index);
  const indexFile = `${CONTENT_DIR}/index-${shortHash(indexJson)}.json`;
  return {
    index,
    indexFile,
    bodies,
    files: [{ fileName: indexFile, source: indexJson }, ...bodyFiles, ...images.files],
    warnings,
  };
}

/**
 * The map old slug → new slug, after checking that each old slug names one article only: an alias
 * that is also an article's slug, or claimed by two articles, is reported naming both files.
 */
function checkAliases(
  aliases: Map<string, { shown: string; slug: string }[]>,
  slugs: Map<string, string>,
  problems: string[],
): Map<string, string> {
  const moved = new Map<string, string>();
  for (const [alias, claims] of aliases) {
    const [first, ...others] = claims;
    const owner = slugs.get(alias);
    if (owner !== undefined) {
      for (const c of claims) {
        problems.push(
          c.shown === owner
            ? `${c.shown}: alias ${JSON.stringify(alias)} is this article's own slug`
            : `${c.shown}: alias ${JSON.stringify(alias)} is the slug of ${owner}: remove the alias or rename that file`,
        );
      }
    } else if (others.length > 0) {
      for (const c of others) {
        problems.push(
          `${c.shown}: alias ${JSON.stringify(alias)} is also an alias of ${first.shown}: an old address can lead to one article only`,
        );
      }
    } else moved.set(alias, first.slug);
  }
  return moved;
}
