// One article's body as the build makes it: its pictures found and copied, its Markdown turned into
// sanitized HTML, and every problem and warning worded as the publisher reads it. It depends only
// on its input and the picture files it reads (listed in `uses`), so it can run in a worker thread
// (article-pool.ts) and its result can be kept between builds (article-cache.ts).
import type { ArticleSummary } from "../src/catalog/types.ts";
import { locateImage } from "./image-paths.ts";
import type { EditionFile, ImageCopy, ImageStore } from "./images.ts";
import { bodyImages, decodePath, isExternal, parseMarkdown, renderMarkdown } from "./markdown.ts";

/** What an article's body needs, all of it plain data (it crosses to a worker thread). */
export interface ArticleInput {
  /** The file as messages name it. */
  shown: string;
  /** The article's folder and the content folder, where its pictures are looked for. */
  dir: string;
  root: string;
  /** The deploy base, which body image URLs carry. */
  base: string;
  /** The body after template tags were turned into Markdown. */
  markdown: string;
  image?: string;
  imageAlt?: string;
  imageCredit?: string;
  /** Another tool's image field (heroImage, cover…), when Offprint's own `image` is not given. */
  borrowedImage?: { from: string; path: string };
}

/** One picture the article looked up: the path as written, the file found, what it became. */
export interface ImageUse {
  written: string;
  file?: string;
  copy: ImageCopy | string;
}

export interface ArticleOutput {
  /** Lines that stop the build ("<file>: <what>"); when any, the rest is left out. */
  problems: string[];
  /** Lines printed after the build, in the order the build met them. */
  warnings: string[];
  /** The picture came from another tool's field without alt text. */
  decorative: boolean;
  image?: ArticleSummary["image"];
  html: string;
  firstParagraph: string;
  words: number;
  /** Every picture looked up, so a kept result can be checked against the files as they are now. */
  uses: ImageUse[];
}

/** Looks a picture up and copies it, writing the lookup down in `uses`. */
async function lookUp(
  written: string,
  input: ArticleInput,
  images: ImageStore,
  uses: ImageUse[],
): Promise<ImageCopy | string> {
  const file = await locateImage(written, input.dir, input.root);
  const copy = file ? await images.add(file) : "not found";
  uses.push({ written, ...(file ? { file } : {}), copy });
  return copy;
}

/**
 * Renders one article's body and picture.
 * @example await renderArticle({ shown: "content/a.md", dir, root, base: "/", markdown: "Hi" }, images)
 */
export async function renderArticle(
  input: ArticleInput,
  images: ImageStore,
): Promise<ArticleOutput> {
  const { shown, base } = input;
  const problems: string[] = [];
  const warnings: string[] = [];
  const uses: ImageUse[] = [];
  const report = (msg: string) => problems.push(`${shown}: ${msg}`);
  const warn = (msg: string) => warnings.push(`${shown}: ${msg}`);
  let decorative = false;
  const pictured = (copy: ImageCopy): ArticleSummary["image"] => ({
    ...copy,
    alt: input.imageAlt ?? "",
    ...(input.imageCredit ? { credit: input.imageCredit } : {}),
  });

  let image: ArticleSummary["image"];
  if (input.image) {
    const copy = await lookUp(input.image, input, images, uses);
    if (typeof copy === "string") report(`"image" file ${JSON.stringify(input.image)} ${copy}`);
    else image = pictured(copy);
  } else if (input.borrowedImage) {
    // Another tool's image field: a problem with it costs the picture, not the article.
    const { from, path: written } = input.borrowedImage;
    const copy = isExternal(written)
      ? "is on another site, so it is left out (it would not show offline)"
      : await lookUp(written, input, images, uses);
    if (typeof copy === "string") {
      warn(`"${from}" file ${JSON.stringify(written)} ${copy}: the article is built without it`);
    } else {
      if (!input.imageAlt) decorative = true;
      image = pictured(copy);
    }
  }

  const bodyImageCopies = new Map<string, ImageCopy>();
  const tree = parseMarkdown(input.markdown);
  for (const url of bodyImages(tree)) {
    if (isExternal(url) || /^[a-z]+:/i.test(url)) continue;
    const decoded = decodePath(url);
    const copy = await lookUp(decoded, input, images, uses);
    if (typeof copy !== "string") bodyImageCopies.set(decoded, copy);
    else if (url.startsWith("/")) {
      warn(
        `image ${JSON.stringify(url)} in the body not found in the content folder or a ` +
          "static/ or public/ folder beside it: left as a link to the host",
      );
    } else report(`image ${JSON.stringify(url)} in the body ${copy}`);
  }
  const nothing = { html: "", firstParagraph: "", words: 0 };
  if (problems.length) return { problems, warnings, decorative, image, uses, ...nothing };

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
  return {
    problems,
    warnings,
    decorative,
    ...(image ? { image } : {}),
    html: rendered.html,
    firstParagraph: rendered.firstParagraph,
    words: rendered.words,
    uses,
  };
}

/** An article's output with the picture files its run copied, as a worker hands it back. */
export interface WorkerOutput extends ArticleOutput {
  files: EditionFile[];
}
