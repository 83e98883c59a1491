import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../../src/catalog/types.ts";
import { headHtml, pageHead, scriptSafeJson, type HeadSite } from "../../../build/head.ts";

const SITE = "https://gazette.example/news/";

const tide: ArticleSummary & { updated?: string } = {
  slug: "tide",
  title: "Tides & moons",
  date: "2024-03-01",
  updated: "2024-03-09",
  category: "Science",
  categorySlug: "science",
  excerpt: "Why the sea comes and goes twice a day.",
  minutes: 4,
  author: "Ann Example",
  tags: ["sea", "moon"],
  image: { src: "content/img/tide-0123456789.svg", width: 800, height: 450, alt: "A tide chart" },
  body: "content/articles/tide.json",
};

const site: HeadSite = {
  siteName: "The Gazette",
  siteUrl: SITE,
  images: new Map([
    [
      "tide",
      { src: "content/og/tide-0123456789.png", width: 1200, height: 675, alt: "A tide chart" },
    ],
  ]),
};

/** The head as the browser reads it: written out, then parsed as an HTML document's head. */
function parsed(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><head>${html}</head>`, "text/html");
}

const meta = (doc: Document, key: string) =>
  [...doc.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((m) =>
    m.getAttribute("content"),
  );

describe("the head of an article", () => {
  const doc = parsed(headHtml(pageHead({ kind: "article", article: tide }, site)));

  it("has the title and the excerpt as description", () => {
    expect(doc.title).toBe("Tides & moons · The Gazette");
    expect(meta(doc, "description")).toEqual([tide.excerpt]);
  });

  it("names its canonical address", () => {
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(
      `${SITE}articles/tide`,
    );
  });

  it("has Open Graph tags for an article with its raster picture", () => {
    expect(meta(doc, "og:type")).toEqual(["article"]);
    expect(meta(doc, "og:title")).toEqual(["Tides & moons"]);
    expect(meta(doc, "og:description")).toEqual([tide.excerpt]);
    expect(meta(doc, "og:url")).toEqual([`${SITE}articles/tide`]);
    expect(meta(doc, "og:site_name")).toEqual(["The Gazette"]);
    expect(meta(doc, "og:image")).toEqual([`${SITE}content/og/tide-0123456789.png`]);
    expect(meta(doc, "og:image:width")).toEqual(["1200"]);
    expect(meta(doc, "og:image:height")).toEqual(["675"]);
    expect(meta(doc, "og:image:alt")).toEqual(["A tide chart"]);
    expect(meta(doc, "article:published_time")).toEqual(["2024-03-01T00:00:00Z"]);
    expect(meta(doc, "article:modified_time")).toEqual(["2024-03-09T00:00:00Z"]);
    expect(meta(doc, "article:section")).toEqual(["Science"]);
    expect(meta(doc, "article:tag")).toEqual(["sea", "moon"]);
    expect(meta(doc, "twitter:card")).toEqual(["summary_large_image"]);
  });

  it("links the site's feeds", () => {
    const links = [...doc.querySelectorAll('link[rel="alternate"]')].map((l) => [
      l.getAttribute("type"),
      l.getAttribute("title"),
      l.getAttribute("href"),
    ]);
    expect(links).toEqual([
      ["application/atom+xml", "The Gazette", `${SITE}feed.xml`],
      ["application/feed+json", "The Gazette", `${SITE}feed.json`],
    ]);
  });

  it("describes itself as a NewsArticle in JSON-LD", () => {
    const blocks = doc.querySelectorAll('script[type="application/ld+json"]');
    expect(blocks).toHaveLength(1);
    expect(JSON.parse(blocks[0].textContent ?? "")).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Tides & moons",
      description: tide.excerpt,
      url: `${SITE}articles/tide`,
      mainEntityOfPage: `${SITE}articles/tide`,
      datePublished: "2024-03-01T00:00:00Z",
      dateModified: "2024-03-09T00:00:00Z",
      author: { "@type": "Person", name: "Ann Example" },
      image: [`${SITE}content/og/tide-0123456789.png`],
      publisher: { "@type": "Organization", name: "The Gazette", url: SITE },
      articleSection: "Science",
      keywords: ["sea", "moon"],
    });
  });

  it("has no modified time, picture or byline it does not know", () => {
    const plain = {
      ...tide,
      updated: undefined,
      author: undefined,
      tags: undefined,
      image: undefined,
    };
    const head = pageHead({ kind: "article", article: plain }, { ...site, images: new Map() });
    const d = parsed(headHtml(head));
    expect(meta(d, "article:modified_time")).toEqual([]);
    expect(meta(d, "article:tag")).toEqual([]);
    expect(meta(d, "og:image")).toEqual([]);
    expect(meta(d, "twitter:card")).toEqual(["summary"]);
    expect(head.jsonLd).toMatchObject({
      dateModified: "2024-03-01T00:00:00Z",
      author: { "@type": "Organization", name: "The Gazette" },
    });
    expect(head.jsonLd).not.toHaveProperty("image");
  });

  it("escapes every value: a hostile title stays text, in attributes and in JSON-LD", () => {
    const title = `</script><script>alert(1)</script><!-- "quoted" & 'single' -->`;
    const hostile = {
      ...tide,
      title,
      excerpt: `"><img src=x onerror=alert(1)>`,
      tags: ["</title>"],
    };
    const html = headHtml(pageHead({ kind: "article", article: hostile }, site));
    expect(html).not.toMatch(/<\/script><script>|<img|<!--/);
    const d = parsed(html);
    expect(d.querySelectorAll("script")).toHaveLength(1);
    expect(d.querySelectorAll("img")).toHaveLength(0);
    expect(d.title).toBe(`${title} · The Gazette`);
    expect(meta(d, "og:title")).toEqual([title]);
    expect(meta(d, "description")).toEqual([hostile.excerpt]);
    expect(meta(d, "article:tag")).toEqual(["</title>"]);
    expect(JSON.parse(d.querySelector("script")?.textContent ?? "").headline).toBe(title);
  });
});

describe("JSON for a script data block", () => {
  it("writes <, > and & and the line separators as JSON escapes", () => {
    const json = scriptSafeJson({ a: "</script><!--&\u2028\u2029" });
    expect(json).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029"}');
    expect(JSON.parse(json)).toEqual({ a: "</script><!--&\u2028\u2029" });
  });
});

describe("the head of other pages", () => {
  it("on the front page: the site name, website tags, WebSite JSON-LD and the feeds", () => {
    const head = pageHead({ kind: "home" }, site);
    const d = parsed(headHtml(head));
    expect(d.title).toBe("The Gazette");
    expect(meta(d, "description")).toEqual(["The latest articles from The Gazette."]);
    expect(d.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(SITE);
    expect(meta(d, "og:type")).toEqual(["website"]);
    expect(meta(d, "og:url")).toEqual([SITE]);
    expect(meta(d, "article:published_time")).toEqual([]);
    expect(head.jsonLd).toEqual({
      "@context": "https://schema.org",
      "@type": "WebSite",
      name: "The Gazette",
      url: SITE,
    });
    expect(head.alternates.map((a) => a.href)).toEqual([`${SITE}feed.xml`, `${SITE}feed.json`]);
  });

  it("on a category page: its title, and its own feeds beside the site's", () => {
    const head = pageHead({ kind: "category", slug: "science", name: "Science" }, site);
    expect(head.title).toBe("Science · The Gazette");
    expect(head.canonical).toBe(`${SITE}category/science`);
    expect(head.jsonLd).toBeUndefined();
    expect(head.alternates).toEqual([
      { type: "application/atom+xml", title: "The Gazette", href: `${SITE}feed.xml` },
      { type: "application/feed+json", title: "The Gazette", href: `${SITE}feed.json` },
      {
        type: "application/atom+xml",
        title: "Science · The Gazette",
        href: `${SITE}category/science/feed.xml`,
      },
      {
        type: "application/feed+json",
        title: "Science · The Gazette",
        href: `${SITE}category/science/feed.json`,
      },
    ]);
  });

  it("on a reader's page, its title and address", () => {
    const head = pageHead({ kind: "page", path: "saved", title: "Saved" }, site);
    expect(head.title).toBe("Saved · The Gazette");
    expect(head.canonical).toBe(`${SITE}saved`);
  });

  it("on the not-found page and the app shell (404.html): no address, no preview", () => {
    for (const route of [{ kind: "not-found" }, { kind: "shell" }] as const) {
      const head = pageHead(route, site);
      expect(head.canonical).toBeUndefined();
      expect(head.meta).toEqual([]);
      expect(head.jsonLd).toBeUndefined();
      expect(head.alternates).toHaveLength(2);
    }
    expect(pageHead({ kind: "not-found" }, site).title).toBe("Page not found · The Gazette");
    expect(pageHead({ kind: "shell" }, site).title).toBe("The Gazette");
  });

  it("without the site's address: only the title and description", () => {
    const html = headHtml(
      pageHead({ kind: "article", article: tide }, { siteName: "The Gazette" }),
    );
    const d = parsed(html);
    expect(d.title).toBe("Tides & moons · The Gazette");
    expect(meta(d, "description")).toEqual([tide.excerpt]);
    expect(d.head.children).toHaveLength(2);
  });
});
