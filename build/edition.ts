// Reads a folder of Markdown articles and turns it into the files the app serves: the catalog index,
// one body per article and the hashed images. Every bad file is reported, not only the first.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleSummary, CatalogIndex, ArticleBody } from "../src/catalog/types.ts";
import { findContent, targetName, type ArticleFile } from "./content-files.ts";
import { parseFrontMatter, type Conventions } from "./frontmatter.ts";
import { ImageStore, type EditionFile } from "./images.ts";
import { makeExcerpt, readingMinutes } from "./markdown.ts";
import { countNotices, type Notices } from "./notices.ts";
import { CONTENT_DIR, shortHash } from "./output-names.ts";
import { SLUG_PATTERN, categorySlug, toSlug } from "./slug.ts";
import { pagedCatalog, type PagedCatalog } from "./catalog-pages.ts";
import { renderBodies, textHash, type BodySource } from "./article-bodies.ts";
import { JsonFile } from "./json-file.ts";

export { CONTENT_DIR, shortHash, type EditionFile };

export interface Edition {
  index: CatalogIndex;
  indexFile: string;
  /** The paged catalog (build/catalog-pages.ts): what the list and article pages read. */
  paged: PagedCatalog;
  bodies: Map<string, ArticleBody>;
  /** Every file: the index, catalog and bodies (`JsonFile`s, text made when written) and pictures. */
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
  /** The folder articles are kept in between builds (article-cache.ts); none without it. */
  cache?: string;
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

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title);
}

/** One article read in the first pass: its front matter and address (its body is read again). */
interface Read extends BodySource {
  /** The file's place in the folder's order. */
  at: number;
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
  { cwd = process.cwd(), base = "/", strict = false, drafts = false, cache }: EditionOptions = {},
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
    // Synchronous: one small file after another is ~20× faster than fs/promises (kept-files.ts).
    const text = readFileSync(source.file, "utf8");
    const parsed = parseFrontMatter(text, { dateFromName: source.dateFromName });
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
      conventions: parsed.conventions,
      text: textHash(text),
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

  const made = await renderBodies(read, { root, base, links, images, cache });
  for (const [k, r] of read.entries()) {
    const { shown, fm, slug } = r;
    const { templates, output } = made.bodies[k];
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
    warnings.push(...output.warnings);
    if (output.decorative) decorative.push(shown);
    if (output.problems.length) {
      problems.push(...output.problems.map((line) => ({ at: r.at, line })));
      continue;
    }

    const body: ArticleBody = { slug, html: output.html };
    // Made into text when written: the build holds each body's HTML once.
    const file = new JsonFile((hash) => `${CONTENT_DIR}/articles/${slug}-${hash}.json`, body);
    const bodyFile = file.fileName;
    bodies.set(slug, body);
    bodyFiles.push(file);
    articles.push({
      slug,
      title: fm.title,
      date: fm.date,
      ...(fm.updated ? { updated: fm.updated } : {}),
      category: fm.category,
      categorySlug: categorySlug(fm.category) || "uncategorized",
      excerpt: fm.excerpt ?? makeExcerpt(output.firstParagraph),
      minutes: readingMinutes(output.words),
      ...(fm.author ? { author: fm.author } : {}),
      ...(fm.tags?.length ? { tags: fm.tags } : {}),
      ...(output.image ? { image: output.image } : {}),
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
  const indexFile = new JsonFile((hash) => `${CONTENT_DIR}/index-${hash}.json`, index);
  const paged = pagedCatalog(index);
  return {
    index,
    indexFile: indexFile.fileName,
    paged,
    bodies,
    files: [indexFile, ...paged.files, ...bodyFiles, ...images.files],
    warnings,
    notices: countNotices({
      articles: articles.length,
      draftsLeftOut,
      mapped: read.map((r) => r.mapped),
      unused: read.map((r) => r.conventions.unused),
      renamed,
      mdx: content.mdx.map(showPath),
      notArticles: content.notArticles.length,
      ...(made.report
        ? { rendered: { ...made.report, cache: path.relative(cwd, made.report.cache) } }
        : {}),
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
