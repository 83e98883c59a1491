// The site's absolute address (OFFPRINT_SITE_URL) and the absolute URLs of its pages. Feeds, the
// sitemap, canonical links and link previews need absolute URLs; a static build cannot know its
// own host, so the publisher says it, and without it those are left out.

export const SITE_URL_VARIABLE = "OFFPRINT_SITE_URL";

/**
 * Reads OFFPRINT_SITE_URL: the absolute http(s) URL of the site root including the base path.
 * Returns it ending with "/", or undefined when unset or empty.
 * @example siteUrlFromEnv({ OFFPRINT_SITE_URL: "https://gazette.example/news" }, "/news/")
 * // "https://gazette.example/news/"
 * @throws Error naming the variable when it is not such a URL or its path is not `base`.
 */
export function siteUrlFromEnv(
  env: Record<string, string | undefined>,
  base: string,
): string | undefined {
  const raw = env[SITE_URL_VARIABLE]?.trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    !/^https?:\/\//i.test(raw) ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    throw new Error(
      `${SITE_URL_VARIABLE} must be the absolute http(s) URL of the site's root, such as ` +
        `https://gazette.example/ (got ${JSON.stringify(raw)})`,
    );
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  if (url.pathname !== base) {
    throw new Error(
      `${SITE_URL_VARIABLE} ends in the path ${JSON.stringify(url.pathname)} but OFFPRINT_BASE is ` +
        `${JSON.stringify(base)}: give both the path the site is served under`,
    );
  }
  return url.href;
}

/**
 * The absolute URL of a path relative to the site root (no leading "/").
 * @example absoluteUrl("https://gazette.example/news/", "articles/tide") // ".../news/articles/tide"
 */
export function absoluteUrl(siteUrl: string, relative: string): string {
  return new URL(relative, siteUrl).href;
}

/** The app's address of an article, relative to the site root (the app's route `/articles/:slug`). */
export function articlePath(slug: string): string {
  return `articles/${slug}`;
}

/** The app's address of a category's list, relative to the site root. */
export function categoryPath(slug: string): string {
  return `category/${slug}`;
}
