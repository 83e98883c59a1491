import { describe, expect, it } from "vitest";
import { FIRST_SCREEN_ARTICLES, firstScreenHtml } from "../../../build/first-screen.ts";
import type { ArticleSummary, CatalogIndex } from "../../../src/catalog/types.ts";

function article(n: number, extra: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    slug: `article-${n}`,
    title: `Article ${n}`,
    date: "2026-01-02",
    category: "General",
    categorySlug: "general",
    excerpt: `The excerpt of article ${n}.`,
    minutes: n,
    body: `content/articles/article-${n}.json`,
    ...extra,
  };
}

const index = (articles: ArticleSummary[]): CatalogIndex => ({ version: 1, articles });

/** The static copy parsed as a browser would, for queries by role-bearing elements. */
function parse(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
}

describe("the first screen written into index.html", () => {
  it("holds the newest articles, as the list draws them for a first visit", () => {
    const articles = Array.from({ length: 10 }, (_, i) => article(i + 1));
    const doc = parse(firstScreenHtml(index(articles), { siteName: "The Paper", base: "/" }));
    const titles = [...doc.querySelectorAll("ol.articles h2 a")].map((a) => a.textContent);
    expect(titles).toEqual(articles.slice(0, FIRST_SCREEN_ARTICLES).map((a) => a.title));
    expect(doc.querySelector("h2 a")?.getAttribute("href")).toBe("/articles/article-1");
    expect(doc.querySelector("h1")?.textContent).toBe("Latest articles");
    expect(doc.querySelector(".site-name")?.textContent).toBe("The Paper");
    expect(doc.querySelector("time")?.textContent).toBe("January 2, 2026");
    expect(doc.querySelector(".meta")?.textContent).toContain("1 minute read");
    expect(doc.querySelector("ol button")?.getAttribute("aria-label")).toBe("Bookmark: Article 1");
    const filters = [...doc.querySelectorAll(".filters a")].map((a) => a.textContent);
    expect(filters).toEqual(["All (10)", "Unread (10)", "Saved (0)"]);
    expect(doc.querySelectorAll('.filters [aria-current="page"]')).toHaveLength(1);
  });

  it("keeps to its own ids, so the app's skip link and search box are never shadowed", () => {
    const doc = parse(firstScreenHtml(index([article(1)]), { siteName: "P", base: "/" }));
    const ids = [...doc.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids).toEqual(["first-screen", "first-search", "first-main"]);
    expect(doc.querySelector("label")?.getAttribute("for")).toBe("first-search");
  });

  it("puts every link and picture under the base path", () => {
    const image = { src: "content/img/a.svg", width: 1200, height: 675, alt: "A picture" };
    const doc = parse(
      firstScreenHtml(index([article(1, { image })]), { siteName: "P", base: "/news/" }),
    );
    const hrefs = [...doc.querySelectorAll("a[href]:not(.skip-link)")].map((a) =>
      a.getAttribute("href"),
    );
    expect(hrefs.length).toBeGreaterThan(5);
    expect(hrefs.filter((h) => !h?.startsWith("/news/"))).toEqual([]);
    expect(doc.querySelector("form")?.getAttribute("action")).toBe("/news/search");
    const img = doc.querySelector("img");
    expect(img?.getAttribute("src")).toBe("/news/content/img/a.svg");
    expect(img?.getAttribute("alt")).toBe("A picture");
    expect([img?.getAttribute("width"), img?.getAttribute("height")]).toEqual(["1200", "675"]);
  });

  it("writes titles, excerpts and the site name as text, never as markup", () => {
    const hostile = article(1, {
      title: `<img src=x onerror="alert(1)">Title`,
      excerpt: `</p><script>alert(2)</script>`,
      category: `"><b>Cat</b>`,
    });
    const html = firstScreenHtml(index([hostile]), { siteName: "<i>Site</i>", base: "/" });
    const doc = parse(html);
    expect(doc.querySelectorAll("script, b, i, [onerror]")).toHaveLength(0);
    expect(doc.querySelectorAll("img")).toHaveLength(0);
    expect(doc.querySelector("h2")?.textContent).toBe(hostile.title);
    expect(doc.querySelector(".excerpt")?.textContent).toBe(hostile.excerpt);
    expect(doc.querySelector(".site-name")?.textContent).toBe("<i>Site</i>");
  });

  it("is left out for an edition with no articles (the app says so itself)", () => {
    expect(firstScreenHtml(index([]), { siteName: "P", base: "/" })).toBe("");
  });
});
