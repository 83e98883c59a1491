// What a page's <head> says about it: the title, the description and, when the site's address is
// known, the canonical link, Open Graph and X card tags, JSON-LD and the feeds' alternate links.
// `pageHead` computes it as data for a route; `headHtml` writes it with every value escaped.
import type { ArticleSummary } from "../src/catalog/types.ts";
import { escapeHtml } from "./html.ts";
import { dayTime, hasUpdate, updatedDay } from "./article-dates.ts";
import { categoryFeedTitle, feedFiles } from "./feeds.ts";
import type { PreviewImage } from "./og-image.ts";
import { absoluteUrl, articlePath, categoryPath } from "./site-url.ts";

/** The pages a head is written for. */
export type Route =
  | { kind: "home" }
  | { kind: "category"; slug: string; name: string }
  | { kind: "article"; article: ArticleSummary }
  /** A page of the reader's own (saved, drafts, settings, search): `path` relative to the root. */
  | { kind: "page"; path: string; title: string }
  | { kind: "not-found" }
  /** The app at an address the build wrote no page for (404.html): nothing page-specific. */
  | { kind: "shell" };

export interface HeadSite {
  siteName: string;
  /** The absolute URL of the site root ending with "/", when OFFPRINT_SITE_URL gives it. */
  siteUrl?: string;
  /** Link-preview pictures by article slug (build/og-image.ts). */
  images?: Map<string, PreviewImage>;
}

export type MetaTag = { name: string; content: string } | { property: string; content: string };

export interface AlternateLink {
  type: "application/atom+xml" | "application/feed+json";
  title: string;
  href: string;
}

export interface Head {
  title: string;
  description: string;
  canonical?: string;
  /** Open Graph (`property`) and X card (`name`) tags, in order. */
  meta: MetaTag[];
  alternates: AlternateLink[];
  /** Structured data for search engines, written as an inline JSON-LD data block. */
  jsonLd?: Record<string, unknown>;
}

/** The document title: "Title · Site", or the site name alone (as src/app/page.ts sets it). */
export function documentTitle(siteName: string, title?: string): string {
  return title ? `${title} · ${siteName}` : siteName;
}

/** The front page's description: the site has no tagline of its own to give. */
export function siteDescription(siteName: string): string {
  return `The latest articles from ${siteName}.`;
}

function feedLinks(siteUrl: string, folder: string, title: string): AlternateLink[] {
  const files = feedFiles(folder);
  return [
    { type: "application/atom+xml", title, href: absoluteUrl(siteUrl, files.atom) },
    { type: "application/feed+json", title, href: absoluteUrl(siteUrl, files.json) },
  ];
}

/** Title, description and address of a route; no address for pages that have none of their own. */
function basics(
  route: Route,
  siteName: string,
): { title?: string; description: string; path?: string } {
  switch (route.kind) {
    case "home":
      return { description: siteDescription(siteName), path: "" };
    case "category":
      return {
        title: route.name,
        description: `The latest articles in ${route.name} from ${siteName}.`,
        path: categoryPath(route.slug),
      };
    case "article":
      return {
        title: route.article.title,
        description: route.article.excerpt,
        path: articlePath(route.article.slug),
      };
    case "page":
      return { title: route.title, description: siteDescription(siteName), path: route.path };
    case "not-found":
      return { title: "Page not found", description: siteDescription(siteName) };
    case "shell":
      return { description: siteDescription(siteName) };
  }
}

function newsArticle(
  a: ArticleSummary,
  url: string,
  siteUrl: string,
  siteName: string,
  image: PreviewImage | undefined,
): Record<string, unknown> {
  const publisher = { "@type": "Organization", name: siteName, url: siteUrl };
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: a.title,
    description: a.excerpt,
    url,
    mainEntityOfPage: url,
    datePublished: dayTime(a.date),
    dateModified: dayTime(updatedDay(a)),
    // An article without a byline is the publication's own.
    author: a.author ? { "@type": "Person", name: a.author } : publisher,
    ...(image ? { image: [absoluteUrl(siteUrl, image.src)] } : {}),
    publisher,
    articleSection: a.category,
    ...(a.tags?.length ? { keywords: a.tags } : {}),
  };
}

/**
 * The head of a route.
 * @example pageHead({ kind: "article", article }, { siteName: "The Gazette", siteUrl, images })
 */
export function pageHead(route: Route, site: HeadSite): Head {
  const { siteName, siteUrl } = site;
  const { title, description, path } = basics(route, siteName);
  const head: Head = {
    title: documentTitle(siteName, title),
    description,
    meta: [],
    alternates: [],
  };
  // Without the site's address nothing absolute can be said: feeds and previews are left out.
  if (!siteUrl) return head;

  head.alternates = feedLinks(siteUrl, "", siteName);
  if (route.kind === "category") {
    head.alternates.push(
      ...feedLinks(
        siteUrl,
        `${categoryPath(route.slug)}/`,
        categoryFeedTitle(route.name, siteName),
      ),
    );
  }
  if (path === undefined) return head;

  const url = absoluteUrl(siteUrl, path);
  const article = route.kind === "article" ? route.article : undefined;
  const image = article && site.images?.get(article.slug);
  head.canonical = url;
  const og = (property: string, content: string) => head.meta.push({ property, content });
  og("og:type", article ? "article" : "website");
  og("og:title", title ?? siteName);
  og("og:description", description);
  og("og:url", url);
  og("og:site_name", siteName);
  if (image) {
    og("og:image", absoluteUrl(siteUrl, image.src));
    og("og:image:width", String(image.width));
    og("og:image:height", String(image.height));
    og("og:image:alt", image.alt);
  }
  if (article) {
    og("article:published_time", dayTime(article.date));
    if (hasUpdate(article)) og("article:modified_time", dayTime(updatedDay(article)));
    og("article:section", article.category);
    for (const tag of article.tags ?? []) og("article:tag", tag);
  }
  head.meta.push({ name: "twitter:card", content: image ? "summary_large_image" : "summary" });

  if (article) head.jsonLd = newsArticle(article, url, siteUrl, siteName, image);
  else if (route.kind === "home") {
    head.jsonLd = { "@context": "https://schema.org", "@type": "WebSite", name: siteName, url };
  }
  return head;
}

/**
 * JSON for an inline `<script type="application/ld+json">`: `<`, `>` and `&` written as JSON
 * escapes, so no value (a title holding `</script>` or `<!--`) can end the block or change how the
 * HTML parser reads it; U+2028/9 too, for tools that read the block as JavaScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * The head as HTML, one tag a line, every value escaped.
 * @example headHtml(pageHead({ kind: "home" }, site))
 */
export function headHtml(head: Head): string {
  const e = escapeHtml;
  const lines = [
    `<title>${e(head.title)}</title>`,
    `<meta name="description" content="${e(head.description)}" />`,
  ];
  if (head.canonical) lines.push(`<link rel="canonical" href="${e(head.canonical)}" />`);
  for (const tag of head.meta) {
    const [key, name] = "property" in tag ? ["property", tag.property] : ["name", tag.name];
    lines.push(`<meta ${key}="${e(name)}" content="${e(tag.content)}" />`);
  }
  for (const link of head.alternates) {
    lines.push(
      `<link rel="alternate" type="${e(link.type)}" title="${e(link.title)}" href="${e(link.href)}" />`,
    );
  }
  if (head.jsonLd) {
    lines.push(`<script type="application/ld+json">${scriptSafeJson(head.jsonLd)}</script>`);
  }
  return lines.join("\n    ");
}
