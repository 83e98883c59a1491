// What the build writes for other sites to read, beside the app: robots.txt always and, when the
// site's address is known (OFFPRINT_SITE_URL), the feeds, the sitemap and the PNG renditions of
// SVG pictures for link previews. All of it needs absolute URLs, so without the address only
// robots.txt is written, and the build says in one line what it left out.
import type { Edition, EditionFile } from "./edition.ts";
import { feeds } from "./feeds.ts";
import { OG_DIR, previewImages, type PreviewImage } from "./og-image.ts";
import { SITE_URL_VARIABLE } from "./site-url.ts";
import { robotsTxt, sitemapFiles, sitemapUrls } from "./sitemap.ts";

/**
 * Globs of every file `publish` writes, for the service worker to leave out: readers of the app
 * never fetch them, so precaching them would only cost every install their bytes.
 */
export const PUBLISHED_GLOBS = [
  "robots.txt",
  "sitemap*.xml",
  "feed.xml",
  "feed.json",
  "category/*/feed.*",
  `${OG_DIR}/**`,
];

export const SITE_URL_MISSING =
  `offprint: ${SITE_URL_VARIABLE} is not set, so the build left out what needs the site's ` +
  "absolute address: canonical links, Open Graph and X card tags, JSON-LD, link-preview " +
  "pictures, the feeds (feed.xml, feed.json) and sitemap.xml";

export interface Published {
  files: EditionFile[];
  /** Link-preview pictures by article slug (none without a site URL). */
  images: Map<string, PreviewImage>;
}

/**
 * The files of an edition for other sites.
 * @example publish(edition, { siteName: "The Gazette", siteUrl: "https://gazette.example/", feedItems: 20 })
 */
export function publish(
  edition: Edition,
  site: { siteName: string; siteUrl?: string; feedItems: number },
): Published {
  const { siteUrl, siteName } = site;
  const robots = { fileName: "robots.txt", source: robotsTxt(siteUrl) };
  if (!siteUrl) return { files: [robots], images: new Map() };
  const articles = edition.index.articles;
  const previews = previewImages(articles, edition.files);
  return {
    files: [
      robots,
      ...sitemapFiles(sitemapUrls(articles, siteUrl), siteUrl),
      ...feeds(articles, {
        siteUrl,
        siteName,
        items: site.feedItems,
        bodies: edition.bodies,
        images: previews.bySlug,
      }),
      ...previews.files,
    ],
    images: previews.bySlug,
  };
}
