// Reads a folder of Markdown articles and turns it into the files the app serves: the catalog index,
// one body per article and the hashed images. Every bad file is reported, not only the first.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import type { ArticleSummary, CatalogIndex, ArticleBody } from "../src/catalog/types.ts";
import { findContent, targetName, type ArticleFile } from "./content-files.ts";
import { parseFrontMatter, type Conventions, type FrontMatter } from "./frontmatter.ts";
import { locateImage } from "./image-paths.ts";
import {
  bodyImages,
  decodePath,
  isExternal,
  makeExcerpt,
  parseMarkdown,
  readingMinutes,
  renderMarkdown,
} from "./markdown.ts";
import { countNotices, type Notices } from "./notices.ts";
import { SLUG_PATTERN, categorySlug, toSlug } from "./slug.ts";
import { sanitizeSvg } from "./svg.ts";
import { transformTemplates } from "./templates.ts";

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
  /** What the build read, mapped and skipped, for the block it prints after a build. */
  notices: Notices;
}

export interface EditionOptions {
  cwd?: string;
  /** The deploy base, which body URLs carry. */
  base?: string;
  /** OFFPRINT_STRICT=1: every warning is a problem that stops the build. */
  strict?: boolean;
  /** OFFPRINT_DRAFTS=1: drafts are built too (a preview). */
  drafts?: boolean;
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

/** One article read in the first pass: its front matter, body and address. */
interface Read {
  /** The file's place in the folder's order. */
  at: number;
  source: ArticleFile;
  shown: string;
  slug: string;
  fm: FrontMatter;
  body: string;
  bodyLine: number;
  conventions: Conventions;
  /** Labels of what was mapped for this file, for the notices. */
  mapped: Set<string>;
}

/**
 * The slug of a file and whether it had to be made valid. A file in Offprint's own convention
 * (nothing borrowed) keeps the documented rule: its file name must already be a slug.
 */
function slugOf(
  source: ArticleFile,
  conventions: Conventions | undefined,
): { slug: string } | { error: string } {
  const written = conventions?.slug ?? source.name;
  const borrowed =
    source.conventions.length > 0 ||
    source.dateFromName !== undefined ||
    conventions?.slug !== undefined ||
    (conventions?.mapped.length ?? 0) > 0;
  if (SLUG_PATTERN.test(written)) return { slug: written };
  if (!borrowed) {
    return {
      error: `the slug (file name) must match [a-z0-9]+(-[a-z0-9]+)* (got ${JSON.stringify(written)})`,
    };
  }
  const slug = toSlug(written);
  if (!slug) {
    return {
      error: `no address can be made from ${JSON.stringify(written)}: give the article a "slug" of letters and digits`,
    };
  }
  return { slug };
}

/**
 * Builds an edition from a content folder.
 * @example const edition = await buildEdition("content/articles", { base: "/news/" });
 * @throws ContentError listing every bad file and field.
 */
export async function buildEdition(
  folder: string,
  { cwd = process.cwd(), base = "/", strict = false, drafts = false }: EditionOptions = {},
): Promise<Edition> {
  const root = path.resolve(cwd, folder);
  // Each problem keeps its file's place, so the lines come out in file order whichever pass found them.
  const problems: { at: number; line: string }[] = [];
  const warnings: string[] = [];
  let content: Awaited<ReturnType<typeof findContent>>;
  try {
    content = await findContent(root);
  } catch {
    throw new ContentError([`${folder}: content folder not found`]);
  }
  if (content.articles.length === 0) throw new ContentError([`${folder}: no .md articles found`]);
  const showPath = (file: string) => path.relative(cwd, file) || file;

  // First pass: front matter and addresses of every article, so links between them resolve.
  const read: Read[] = [];
  const seen = new Map<string, string>();
  const renamed: string[] = [];
  let draftsLeftOut = 0;
  for (const [at, source] of content.articles.entries()) {
    const shown = showPath(source.file);
    const report = (msg: string) => problems.push({ at, line: `${shown}: ${msg}` });
    const parsed = parseFrontMatter(await readFile(source.file, "utf8"), {
      dateFromName: source.dateFromName,
    });
    const isDraft = parsed.ok ? parsed.conventions.draft : parsed.draft === true;
    if (isDraft && !drafts) {
      draftsLeftOut++;
      continue;
    }
    const conventions = parsed.ok ? parsed.conventions : undefined;
    const named = slugOf(source, conventions);
    if ("error" in named) report(named.error);
    else if (seen.has(named.slug)) {
      report(`duplicate slug ${JSON.stringify(named.slug)} (also used by ${seen.get(named.slug)})`);
    } else seen.set(named.slug, shown);
    if (!parsed.ok) {
      parsed.errors.forEach(report);
      continue;
    }
    if (!parsed.body.trim()) report("the body is empty: write the article below the front matter");
    if ("error" in named) continue;
    const written = conventions?.slug ?? source.name;
    if (named.slug !== written) {
      renamed.push(`${shown}: address "${named.slug}" made from ${JSON.stringify(written)}`);
    }
    read.push({
      at,
      source,
      shown,
      slug: named.slug,
      fm: parsed.data,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      conventions: parsed.conventions,
      mapped: new Set([
        ...source.conventions,
        ...parsed.conventions.mapped,
        ...(conventions?.slug !== undefined ? ["slug → address"] : []),
        ...(isDraft ? ["draft included (OFFPRINT_DRAFTS=1)"] : []),
      ]),
    });
  }

  // post_url, link and ref name a file; the address is the slug that file was given.
  const byName = new Map<string, string>();
  for (const r of read) byName.set(toSlug(r.source.name), r.slug);
  for (const r of read) byName.set(r.slug, r.slug);
  const links = {
    resolve(target: string) {
      const { name, anchor } = targetName(target);
      const slug = byName.get(name);
      return { url: `${base}articles/${slug ?? name}${anchor}`, found: slug !== undefined, name };
    },
  };

  const images = new ImageStore();
  const articles: ArticleSummary[] = [];
  const bodies = new Map<string, ArticleBody>();
  const bodyFiles: EditionFile[] = [];
  const decorative: string[] = [];
  /** Old slug → the files that claim it, with their slug and place. */
  const aliases = new Map<string, AliasClaim[]>();

  for (const r of read) {
    const { shown, fm, slug } = r;
    const report = (msg: string) => problems.push({ at: r.at, line: `${shown}: ${msg}` });
    const warn = (msg: string) => warnings.push(`${shown}: ${msg}`);
    const before = problems.length;
    const dir = path.dirname(r.source.file);

    const templates = transformTemplates(r.body, r.bodyLine, links);
    templates.used.forEach((label) => r.mapped.add(label));
    for (const { line, tag } of templates.unsupported) {
      warnings.push(
        `${shown}:${line}: template tag ${tag} kept as text (Offprint runs no Liquid or Hugo templates)`,
      );
    }
    for (const { line, tag, target } of templates.missing) {
      warnings.push(`${shown}:${line}: ${tag} links to "${target}", which is not in the edition`);
    }
    for (const alias of new Set(fm.aliases ?? [])) {
      aliases.set(alias, [...(aliases.get(alias) ?? []), { at: r.at, shown, slug }]);
    }

    let image: ArticleSummary["image"];
    if (fm.image) {
      const file = await locateImage(fm.image, dir, root);
      const copy = file ? await images.add(file) : "not found";
      if (typeof copy === "string") report(`"image" file ${JSON.stringify(fm.image)} ${copy}`);
      else
        image = {
          ...copy,
          alt: fm.imageAlt ?? "",
          ...(fm.imageCredit ? { credit: fm.imageCredit } : {}),
        };
    } else if (r.conventions.borrowedImage) {
      // Another tool's image field: a problem with it costs the picture, not the article.
      const { from, path: written } = r.conventions.borrowedImage;
      const file = isExternal(written) ? undefined : await locateImage(written, dir, root);
      const copy = isExternal(written)
        ? "is on another site, so it is left out (it would not show offline)"
        : file
          ? await images.add(file)
          : "not found";
      if (typeof copy === "string") {
        warn(`"${from}" file ${JSON.stringify(written)} ${copy}: the article is built without it`);
      } else {
        if (!fm.imageAlt) decorative.push(shown);
        image = {
          ...copy,
          alt: fm.imageAlt ?? "",
          ...(fm.imageCredit ? { credit: fm.imageCredit } : {}),
        };
      }
    }

    const bodyImageCopies = new Map<string, ImageCopy>();
    const tree = parseMarkdown(templates.markdown);
    for (const url of bodyImages(tree)) {
      if (isExternal(url) || /^[a-z]+:/i.test(url)) continue;
      const decoded = decodePath(url);
      const file = await locateImage(decoded, dir, root);
      const copy = file ? await images.add(file) : "not found";
      if (typeof copy !== "string") bodyImageCopies.set(decoded, copy);
      else if (url.startsWith("/")) {
        warn(
          `image ${JSON.stringify(url)} in the body not found in the content folder or a ` +
            "static/ or public/ folder beside it: left as a link to the host",
        );
      } else report(`image ${JSON.stringify(url)} in the body ${copy}`);
    }
    if (problems.length > before) continue;

    // Body HTML is inserted as is, so its image URLs carry the deploy base.
    const rendered = await renderMarkdown(tree, (src) => {
      const copy = bodyImageCopies.get(decodePath(src));
      return copy && { ...copy, src: base + copy.src };
    });
    for (const url of rendered.externalImages) {
      warn(
        `image ${JSON.stringify(url)} left out: an image from another site would not ` +
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
      ...(fm.updated ? { updated: fm.updated } : {}),
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

  if (decorative.length) {
    warnings.push(
      `${decorative.length} image(s) from heroImage, cover, featured_image or thumbnail have no ` +
        `alt text and are shown as decorative (give them "imageAlt"): ${decorative.join(", ")}`,
    );
  }
  if (strict) {
    problems.push(...warnings.map((w) => ({ at: Infinity, line: `${w} (OFFPRINT_STRICT=1)` })));
  }
  const moved = checkAliases(aliases, seen, problems);
  if (problems.length) {
    throw new ContentError(problems.sort((a, b) => a.at - b.at).map((p) => p.line));
  }
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
    notices: countNotices({
      articles: articles.length,
      draftsLeftOut,
      mapped: read.map((r) => r.mapped),
      unused: read.map((r) => r.conventions.unused),
      renamed,
      mdx: content.mdx.map(showPath),
      notArticles: content.notArticles.length,
    }),
  };
}

/** An article that lists an old slug in its `aliases`. */
interface AliasClaim {
  at: number;
  shown: string;
  slug: string;
}

/**
 * The map old slug → new slug, after checking that each old slug names one article only: an alias
 * that is also an article's slug, or claimed by two articles, is reported naming both files.
 */
function checkAliases(
  aliases: Map<string, AliasClaim[]>,
  slugs: Map<string, string>,
  problems: { at: number; line: string }[],
): Map<string, string> {
  const moved = new Map<string, string>();
  for (const [alias, claims] of aliases) {
    const [first, ...others] = claims;
    const owner = slugs.get(alias);
    if (owner !== undefined) {
      for (const c of claims) {
        problems.push({
          at: c.at,
          line:
            c.shown === owner
              ? `${c.shown}: alias ${JSON.stringify(alias)} is this article's own slug`
              : `${c.shown}: alias ${JSON.stringify(alias)} is the slug of ${owner}: remove the alias or rename that file`,
        });
      }
    } else if (others.length > 0) {
      for (const c of others) {
        problems.push({
          at: c.at,
          line: `${c.shown}: alias ${JSON.stringify(alias)} is also an alias of ${first.shown}: an old address can lead to one article only`,
        });
      }
    } else moved.set(alias, first.slug);
  }
  return moved;
}
