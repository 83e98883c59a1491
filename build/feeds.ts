// The feeds: Atom 1.0 (feed.xml) and JSON Feed 1.1 (feed.json) of the newest articles, for the
// whole site and one pair per category, generated with feedsmith. Entries carry the full sanitized
// body with every link and image made absolute, since a feed reader shows it on another site.
import { generateAtomFeed, generateJsonFeed } from "feedsmith";
import type { ArticleBody, ArticleSummary } from "../src/catalog/types.ts";
import type { EditionFile } from "./edition.ts";
import { numberFromEnv } from "./env.ts";
import { withAbsoluteLinks } from "./absolute-links.ts";
import type { PreviewImage } from "./og-image.ts";
import { dayTime, updatedDay } from "./article-dates.ts";
import { absoluteUrl, articlePath, categoryPath } from "./site-url.ts";

/** How many articles a feed holds when OFFPRINT_FEED_ITEMS does not say. */
export const DEFAULT_FEED_ITEMS = 20;

/**
 * OFFPRINT_FEED_ITEMS: how many of the newest articles each feed holds.
 * @throws Error naming the variable when it is not a whole number ≥ 1.
 */
export function feedItemsFromEnv(env: Record<string, string | undefined>): number {
  return numberFromEnv(env, "OFFPRINT_FEED_ITEMS", DEFAULT_FEED_ITEMS, { integer: true, min: 1 });
}

export interface FeedSite {
  /** The absolute URL of the site root, ending with "/". */
  siteUrl: string;
  siteName: string;
  /** Articles per feed. */
  items: number;
  bodies: Map<string, ArticleBody>;
  /** Link-preview pictures by slug, given to JSON Feed items as their `image`. */
  images?: Map<string, PreviewImage>;
}

/** One feed: its articles (newest first) and where it lives, relative to the site root. */
export interface FeedSpec {
  title: string;
  /** The page the feed follows, relative to the site root ("" for the front page). */
  page: string;
  /** The folder of feed.xml and feed.json, relative to the site root ("" or "category/x/"). */
  folder: string;
  articles: ArticleSummary[];
}

/** The feed files of a folder, relative to the site root. */
export function feedFiles(folder: string): { atom: string; json: string } {
  return { atom: `${folder}feed.xml`, json: `${folder}feed.json` };
}

/**
 * The site's feed and one per category, each with its newest `items` articles.
 * @example feedSpecs(index.articles, "The Gazette", 20)
 */
export function feedSpecs(
  newestFirst: ArticleSummary[],
  siteName: string,
  items: number,
): FeedSpec[] {
  const byCategory = new Map<string, ArticleSummary[]>();
  for (const a of newestFirst) {
    const list = byCategory.get(a.categorySlug) ?? [];
    byCategory.set(a.categorySlug, list);
    if (list.length < items) list.push(a);
  }
  return [
    { title: siteName, page: "", folder: "", articles: newestFirst.slice(0, items) },
    ...[...byCategory].map(([slug, articles]) => ({
      title: categoryFeedTitle(articles[0].category, siteName),
      page: categoryPath(slug),
      folder: `${categoryPath(slug)}/`,
      articles,
    })),
  ];
}

/** A category feed's title, as its page's title reads. */
export function categoryFeedTitle(category: string, siteName: string): string {
  return `${category} · ${siteName}`;
}

interface Entry {
  url: string;
  article: ArticleSummary;
  html: string;
  published: string;
  updated: string;
  image?: string;
}

function entries(spec: FeedSpec, site: FeedSite): Entry[] {
  return spec.articles.map((article) => {
    const url = absoluteUrl(site.siteUrl, articlePath(article.slug));
    const image = site.images?.get(article.slug);
    return {
      url,
      article,
      html: withAbsoluteLinks(site.bodies.get(article.slug)?.html ?? "", url),
      published: dayTime(article.date),
      updated: dayTime(updatedDay(article)),
      ...(image ? { image: absoluteUrl(site.siteUrl, image.src) } : {}),
    };
  });
}

/** Atom wants the feed's own last change: its newest entry's, or the site's when it has none. */
function newestUpdate(list: Entry[]): string {
  return list.map((e) => e.updated).reduce((a, b) => (b > a ? b : a), dayTime("1970-01-01"));
}

function atomFeed(spec: FeedSpec, list: Entry[], site: FeedSite): string {
  const self = absoluteUrl(site.siteUrl, feedFiles(spec.folder).atom);
  return generateAtomFeed({
    id: self,
    title: { value: spec.title, type: "text" },
    updated: newestUpdate(list),
    // Atom requires an author on the feed or on every entry: the publication stands in for
    // articles that name none.
    authors: [{ name: site.siteName, uri: site.siteUrl }],
    links: [
      { href: absoluteUrl(site.siteUrl, spec.page), rel: "alternate", type: "text/html" },
      { href: self, rel: "self", type: "application/atom+xml" },
    ],
    entries: list.map((e) => ({
      id: e.url,
      title: { value: e.article.title, type: "text" },
      updated: e.updated,
      published: e.published,
      links: [{ href: e.url, rel: "alternate", type: "text/html" }],
      ...(e.article.author ? { authors: [{ name: e.article.author }] } : {}),
      categories: [
        {
          term: e.article.categorySlug,
          label: e.article.category,
          scheme: absoluteUrl(site.siteUrl, "category/"),
        },
        ...(e.article.tags ?? []).map((tag) => ({ term: tag })),
      ],
      summary: { value: e.article.excerpt, type: "text" },
      content: { value: e.html, type: "html" },
    })),
  });
}

function jsonFeed(spec: FeedSpec, list: Entry[], site: FeedSite): string {
  const feed = generateJsonFeed({
    title: spec.title,
    home_page_url: absoluteUrl(site.siteUrl, spec.page),
    feed_url: absoluteUrl(site.siteUrl, feedFiles(spec.folder).json),
    language: "en",
    authors: [{ name: site.siteName, url: site.siteUrl }],
    items: list.map((e) => ({
      id: e.url,
      url: e.url,
      title: e.article.title,
      content_html: e.html,
      summary: e.article.excerpt,
      date_published: e.published,
      date_modified: e.updated,
      tags: [e.article.category, ...(e.article.tags ?? [])],
      ...(e.article.author ? { authors: [{ name: e.article.author }] } : {}),
      ...(e.image ? { image: e.image } : {}),
    })),
  });
  return JSON.stringify(feed, null, 1);
}

/**
 * Every feed file of an edition: feed.xml and feed.json at the root and under each category.
 * @example feeds(edition.index.articles, { siteUrl, siteName, items: 20, bodies: edition.bodies })
 */
export function feeds(newestFirst: ArticleSummary[], site: FeedSite): EditionFile[] {
  return feedSpecs(newestFirst, site.siteName, site.items).flatMap((spec) => {
    const list = entries(spec, site);
    const files = feedFiles(spec.folder);
    return [
      { fileName: files.atom, source: atomFeed(spec, list, site) },
      { fileName: files.json, source: jsonFeed(spec, list, site) },
    ];
  });
}
