// sitemap.xml for search engines: the front page, every category and every article with its last
// change, as absolute URLs. Past the protocol's 50,000 URLs per file it becomes a sitemap index
// over numbered files. robots.txt names it.
import type { ArticleSummary } from "../src/catalog/types.ts";
import type { EditionFile } from "./edition.ts";
import { updatedDay } from "./article-dates.ts";
// Numeric character references mean the same in XML.
import { escapeHtml as escapeXml } from "./html.ts";
import { absoluteUrl, articlePath, categoryPath } from "./site-url.ts";

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;

const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export interface SitemapUrl {
  loc: string;
  /** YYYY-MM-DD */
  lastmod?: string;
}

function entry(tag: "url" | "sitemap", u: SitemapUrl): string {
  const lastmod = u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : "";
  return `<${tag}><loc>${escapeXml(u.loc)}</loc>${lastmod}</${tag}>`;
}

function document(root: "urlset" | "sitemapindex", body: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NS}">\n` +
    body.join("\n") +
    `\n</${root}>\n`
  );
}

/**
 * The URLs of an edition: `/` and each category (last changed with their newest article), then
 * every article.
 * @example sitemapUrls(index.articles, "https://gazette.example/")
 */
export function sitemapUrls(newestFirst: ArticleSummary[], siteUrl: string): SitemapUrl[] {
  const newest = (list: ArticleSummary[]) =>
    list.map(updatedDay).reduce<string | undefined>((a, b) => (a && a > b ? a : b), undefined);
  const categories = new Map<string, ArticleSummary[]>();
  for (const a of newestFirst) {
    categories.set(a.categorySlug, [...(categories.get(a.categorySlug) ?? []), a]);
  }
  const lastmod = (day: string | undefined) => (day ? { lastmod: day } : {});
  return [
    { loc: siteUrl, ...lastmod(newest(newestFirst)) },
    ...[...categories].map(([slug, list]) => ({
      loc: absoluteUrl(siteUrl, categoryPath(slug)),
      ...lastmod(newest(list)),
    })),
    ...newestFirst.map((a) => ({
      loc: absoluteUrl(siteUrl, articlePath(a.slug)),
      lastmod: updatedDay(a),
    })),
  ];
}

/**
 * sitemap.xml, or past `limit` URLs sitemap.xml as an index of sitemap-1.xml, sitemap-2.xml….
 * @example sitemapFiles(sitemapUrls(articles, siteUrl), siteUrl)
 */
export function sitemapFiles(
  urls: SitemapUrl[],
  siteUrl: string,
  limit = SITEMAP_LIMIT,
): EditionFile[] {
  if (urls.length <= limit) {
    return [
      {
        fileName: "sitemap.xml",
        source: document(
          "urlset",
          urls.map((u) => entry("url", u)),
        ),
      },
    ];
  }
  const parts: EditionFile[] = [];
  const index: SitemapUrl[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    const chunk = urls.slice(i, i + limit);
    const fileName = `sitemap-${parts.length + 1}.xml`;
    parts.push({
      fileName,
      source: document(
        "urlset",
        chunk.map((u) => entry("url", u)),
      ),
    });
    const days = chunk.flatMap((u) => (u.lastmod ? [u.lastmod] : [])).sort();
    index.push({ loc: absoluteUrl(siteUrl, fileName), lastmod: days.at(-1) });
  }
  return [
    {
      fileName: "sitemap.xml",
      source: document(
        "sitemapindex",
        index.map((u) => entry("sitemap", u)),
      ),
    },
    ...parts,
  ];
}

/**
 * robots.txt: everything may be crawled; with a site URL, it names the sitemap.
 * @example robotsTxt("https://gazette.example/") // "User-agent: *\nAllow: /\n\nSitemap: …"
 */
export function robotsTxt(siteUrl?: string): string {
  const sitemap = siteUrl ? `\nSitemap: ${absoluteUrl(siteUrl, "sitemap.xml")}\n` : "";
  return `User-agent: *\nAllow: /\n${sitemap}`;
}
