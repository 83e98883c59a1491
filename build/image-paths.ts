// Where the build looks for an image an article names. A relative path is read from the article's
// own folder; a root-relative one (`/images/x.png`, as Jekyll, Hugo and Astro sites write them,
// meaning "from the site's root") from the content folder, then from a `static/` (Hugo) or
// `public/` (Astro, Eleventy) folder beside it or up to two folders above it, then, for a Jekyll
// `_posts` folder, the site folder that holds it.
import { stat } from "node:fs/promises";
import path from "node:path";

/** The folders a root-relative path is looked for in, nearest first. */
export function siteRoots(contentRoot: string): string[] {
  const roots = [contentRoot];
  let dir = contentRoot;
  for (let up = 0; up < 3; up++) {
    const parent = path.dirname(dir);
    if (parent === dir) break;
    roots.push(path.join(parent, "static"), path.join(parent, "public"));
    dir = parent;
  }
  if (path.basename(contentRoot) === "_posts") roots.push(path.dirname(contentRoot));
  return roots;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * The file an image path names, or, when none exists, where a relative path would be (for the
 * message) and undefined for a root-relative one.
 * @example await locateImage("/img/a.png", "site/content/posts/x", "site/content")
 */
export async function locateImage(
  written: string,
  articleDir: string,
  contentRoot: string,
): Promise<string | undefined> {
  if (!written.startsWith("/")) return path.resolve(articleDir, written);
  for (const root of siteRoots(contentRoot)) {
    const file = path.join(root, written);
    if (await isFile(file)) return file;
  }
  return undefined;
}
