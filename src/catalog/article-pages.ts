// The static page the build writes for each article (build/prerender.ts, `articles/<slug>.html`),
// as the reader cache keeps it: the page copies it beside the body it keeps offline
// (src/state/kept-offline.ts), and the service worker answers a navigation to the article with it
// (src/sw.ts), so a kept article paints its text before the app's script has run. What both
// sides must agree on lives here: the file's address, and when a kept copy may still be served.

/**
 * An article's address, relative to the app's base.
 * @example articleAddress("tide") // "articles/tide"
 */
export const articleAddress = (slug: string): string => `articles/${slug}`;

/**
 * The file of an article's static page, relative to the app's base.
 * @example articlePageFile("tide") // "articles/tide.html"
 */
export const articlePageFile = (slug: string): string => `${articleAddress(slug)}.html`;

/**
 * The slug of the article a path of the app names, or undefined for any other page.
 * @example articleAt("/news/articles/tide", "/news/") // "tide"
 */
export function articleAt(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(`${base}articles/`)) return undefined;
  const slug = pathname.slice(base.length + "articles/".length);
  return /^[^/.]+$/.test(slug) ? slug : undefined;
}

const TAG = /<(script|link)\b([^>]*)>/gi;
const attr = (attrs: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`, "i").exec(attrs)?.[1];

/**
 * The app's files a page needs before it works: its scripts, stylesheets and preloads. A kept
 * page is served only while every one of them is in the running version's precache: after a
 * deploy, a page kept by the old version names scripts the host no longer has.
 * @example appFilesOf('<script type="module" src="/assets/index-1.js"></script>') // ["/assets/index-1.js"]
 */
export function appFilesOf(html: string): string[] {
  const files: string[] = [];
  for (const [, tag, attrs] of html.matchAll(TAG)) {
    const rel = attr(attrs, "rel")?.toLowerCase() ?? "";
    const at =
      tag.toLowerCase() === "script"
        ? attr(attrs, "src")
        : /^(?:stylesheet|modulepreload|preload)$/.test(rel)
          ? attr(attrs, "href")
          : undefined;
    if (at) files.push(at);
  }
  return files;
}

/**
 * Whether `html` is the static page written for the app path `path` (its `<html data-page>`),
 * and not some other page a host answered with (one that rewrites unknown paths to index.html).
 * @example isPageOf('<html data-page="/articles/tide" lang="en">', "/articles/tide") // true
 */
export function isPageOf(html: string, path: string): boolean {
  return /<html\b[^>]*>/i.exec(html)?.[0].includes(`data-page="${path}"`) ?? false;
}
