import { describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../../src/catalog/types.ts";
import { robotsTxt, sitemapFiles, sitemapUrls } from "../../../build/sitemap.ts";

const SITE = "https://gazette.example/news/";

function article(slug: string, date: string, category: string, extra = {}): ArticleSummary {
  return {
    slug,
    title: slug,
    date,
    category,
    categorySlug: category.toLowerCase(),
    excerpt: "",
    minutes: 1,
    body: `content/articles/${slug}.json`,
    ...extra,
  };
}

/** Parses XML strictly (a well-formedness error fails the test) and returns its document. */
function xml(source: string | Uint8Array): Document {
  const doc = new DOMParser().parseFromString(String(source), "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const texts = (doc: Document, tag: string) =>
  [...doc.getElementsByTagName(tag)].map((el) => el.textContent);

describe("sitemap", () => {
  const articles = [
    article("c", "2024-03-01", "News"),
    article("b", "2024-02-01", "Arts", { updated: "2024-04-10" }),
    article("a", "2024-01-01", "News"),
  ];

  it("lists the front page, every category and every article with its last change", () => {
    const [file, ...rest] = sitemapFiles(sitemapUrls(articles, SITE), SITE);
    expect(rest).toEqual([]);
    expect(file.fileName).toBe("sitemap.xml");
    const doc = xml(file.source);
    expect(doc.documentElement.localName).toBe("urlset");
    expect(doc.documentElement.namespaceURI).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(texts(doc, "loc")).toEqual([
      SITE,
      `${SITE}category/news`,
      `${SITE}category/arts`,
      `${SITE}articles/c`,
      `${SITE}articles/b`,
      `${SITE}articles/a`,
    ]);
    // An `updated` day counts as the last change, for the article and the lists that show it.
    expect(texts(doc, "lastmod")).toEqual([
      "2024-04-10",
      "2024-03-01",
      "2024-04-10",
      "2024-03-01",
      "2024-04-10",
      "2024-01-01",
    ]);
  });

  it("escapes what XML would read as markup", () => {
    const [file] = sitemapFiles([{ loc: `${SITE}?a=1&b=<2>` }], SITE);
    expect(texts(xml(file.source), "loc")).toEqual([`${SITE}?a=1&b=<2>`]);
  });

  it("becomes an index of numbered sitemaps past the limit of URLs per file", () => {
    const urls = sitemapUrls(articles, SITE); // 6 URLs
    const files = sitemapFiles(urls, SITE, 4);
    expect(files.map((f) => f.fileName)).toEqual(["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml"]);
    const index = xml(files[0].source);
    expect(index.documentElement.localName).toBe("sitemapindex");
    expect(texts(index, "loc")).toEqual([`${SITE}sitemap-1.xml`, `${SITE}sitemap-2.xml`]);
    expect(texts(index, "lastmod")).toEqual(["2024-04-10", "2024-04-10"]);
    const parts = files.slice(1).map((f) => texts(xml(f.source), "loc"));
    expect(parts.map((p) => p.length)).toEqual([4, 2]);
    expect(parts.flat()).toEqual(urls.map((u) => u.loc));
    // At the limit exactly, one file is enough.
    expect(sitemapFiles(urls, SITE, 6).map((f) => f.fileName)).toEqual(["sitemap.xml"]);
  });
});

describe("robots.txt", () => {
  it("lets every crawler in and names the sitemap when the site's address is known", () => {
    expect(robotsTxt(SITE)).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://gazette.example/news/sitemap.xml\n",
    );
    expect(robotsTxt()).toBe("User-agent: *\nAllow: /\n");
  });
});
