// The build's second pass over the articles: each body is taken from the cache when nothing it was
// made from has changed, else its file is read again, its template tags turned into Markdown and
// it is rendered (in worker threads when there are many). Bodies come back in the articles' order,
// so messages print in file order whichever thread made them.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ArticleFile } from "./content-files.ts";
import type { FrontMatter, Conventions } from "./frontmatter.ts";
import { locateImage } from "./image-paths.ts";
import type { ImageStore } from "./images.ts";
import type { ArticleInput } from "./article.ts";
import { ArticleCache, type ArticleEntry, type LinkUse } from "./article-cache.ts";
import { articleRenderer } from "./article-pool.ts";
import { parseFrontMatter } from "./frontmatter.ts";
import { transformTemplates, type TemplateLinks } from "./templates.ts";
import { inLanes } from "./lanes.ts";

/** An article as the first pass read it: what the second pass needs, without its body. */
export interface BodySource {
  source: ArticleFile;
  shown: string;
  slug: string;
  fm: FrontMatter;
  conventions: Conventions;
  /** SHA-256 of the file's text as the first pass read it. */
  text: string;
}

/** How many bodies were rendered and how many taken from the cache, for the notices. */
export interface BodiesReport {
  rendered: number;
  fromCache: number;
  cache: string;
}

export interface BodiesOptions {
  root: string;
  base: string;
  links: TemplateLinks;
  images: ImageStore;
  /** The cache folder; no cache without it. */
  cache?: string;
}

/** SHA-256 of a file's text, which names its cache entry. */
export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Is a kept entry still what the article would make now? Its links must name the same articles and
 * its pictures be found at the same files, making the same copies (which also puts those copies
 * among the edition's files).
 */
async function stillValid(
  entry: ArticleEntry,
  input: Pick<ArticleInput, "dir" | "root">,
  { links, images }: BodiesOptions,
): Promise<boolean> {
  for (const use of entry.links) {
    if (JSON.stringify(links.resolve(use.target)) !== use.resolved) return false;
  }
  for (const use of entry.output.uses) {
    const file = await locateImage(use.written, input.dir, input.root);
    if (file !== use.file) return false;
    const copy = file ? await images.add(file) : "not found";
    if (JSON.stringify(copy) !== JSON.stringify(use.copy)) return false;
  }
  return true;
}

/**
 * The second pass: every article's body, in the order given.
 * @example const { bodies, report } = await renderBodies(read, { root, base, links, images, cache });
 */
export async function renderBodies(
  sources: BodySource[],
  options: BodiesOptions,
): Promise<{ bodies: ArticleEntry[]; report?: BodiesReport }> {
  const { root, base } = options;
  const cache = options.cache ? new ArticleCache(options.cache, { root, base }) : undefined;
  const bodies: ArticleEntry[] = new Array(sources.length);
  const names: string[] = new Array(sources.length);
  const misses: number[] = [];

  await inLanes(sources.length, 16, async (i) => {
    const s = sources[i];
    const dir = path.dirname(s.source.file);
    if (!cache) return void misses.push(i);
    names[i] = cache.name({ shown: s.shown, slug: s.slug, dir, root, base, text: s.text });
    const entry = cache.get(names[i]);
    if (entry && (await stillValid(entry, { dir, root }, options))) bodies[i] = entry;
    else misses.push(i);
  });
  misses.sort((a, b) => a - b);

  const renderer = articleRenderer(options.images, misses.length);
  try {
    await inLanes(misses.length, 16, async (k) => {
      const i = misses[k];
      const s = sources[i];
      const { entry, unchanged } = await renderOne(s, options, renderer.render);
      bodies[i] = entry;
      // Only a result without problems is kept, and only when the file is still the text the
      // entry is named by (one edited during the build is rendered again next time).
      if (cache && unchanged && entry.output.problems.length === 0) cache.put(names[i], entry);
    });
  } finally {
    await renderer.close();
  }
  if (!cache) return { bodies };
  cache.prune();
  return {
    bodies,
    report: {
      rendered: misses.length,
      fromCache: sources.length - misses.length,
      cache: options.cache!,
    },
  };
}

/** Reads an article's file again and renders its body. */
async function renderOne(
  s: BodySource,
  { root, base, links }: BodiesOptions,
  render: (input: ArticleInput) => Promise<ArticleEntry["output"]>,
): Promise<{ entry: ArticleEntry; unchanged: boolean }> {
  const text = readFileSync(s.source.file, "utf8");
  const parsed = parseFrontMatter(text, {
    dateFromName: s.source.dateFromName,
  });
  // The first pass read this file without a problem; one changed since is read as it was then.
  const body = parsed.ok ? parsed.body : "";
  const bodyLine = parsed.ok ? parsed.bodyLine : 1;
  const used: LinkUse[] = [];
  const recording: TemplateLinks = {
    resolve(target) {
      const resolved = links.resolve(target);
      used.push({ target, resolved: JSON.stringify(resolved) });
      return resolved;
    },
  };
  const { markdown, ...templates } = transformTemplates(body, bodyLine, recording);
  const { fm, conventions } = s;
  const output = await render({
    shown: s.shown,
    dir: path.dirname(s.source.file),
    root,
    base,
    markdown,
    ...(fm.image ? { image: fm.image } : {}),
    ...(fm.imageAlt ? { imageAlt: fm.imageAlt } : {}),
    ...(fm.imageCredit ? { imageCredit: fm.imageCredit } : {}),
    ...(conventions.borrowedImage ? { borrowedImage: conventions.borrowedImage } : {}),
  });
  return { entry: { templates, links: used, output }, unchanged: textHash(text) === s.text };
}
