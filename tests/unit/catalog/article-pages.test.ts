import { describe, expect, it } from "vitest";
import { appFilesOf, articleAt, isPageOf } from "../../../src/catalog/article-pages.ts";

describe("articleAt", () => {
  it.each([
    ["/articles/tide", "/", "tide"],
    ["/news/articles/tide", "/news/", "tide"],
    ["/articles/tide.html", "/", undefined],
    ["/articles/tide/notes", "/", undefined],
    ["/articles/", "/", undefined],
    ["/category/science", "/", undefined],
    ["/articles/tide", "/news/", undefined],
  ])("%s under %s names %s", (path, base, slug) => {
    expect(articleAt(path, base)).toBe(slug);
  });
});

describe("appFilesOf", () => {
  it("lists scripts, stylesheets and preloads, not icons, canonical links or feeds", () => {
    const html = `<!doctype html><html data-page="/articles/tide" lang="en"><head>
      <link rel="preload" as="fetch" crossorigin="anonymous" href="/content/index-2b.json">
      <script src="/theme.js"></script>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="canonical" href="https://gazette.example/articles/tide">
      <link rel="alternate" type="application/atom+xml" href="/feed.xml">
      <script type="application/ld+json">{"@type":"NewsArticle"}</script>
      <script type="module" crossorigin src="/assets/index-Dm.js"></script>
      <link rel="modulepreload" href="/assets/core-Ab.js">
      <link rel="stylesheet" crossorigin href="/assets/index-Cn.css">
      </head><body><img src="/content/img/a.png"></body></html>`;
    expect(appFilesOf(html)).toEqual([
      "/content/index-2b.json",
      "/theme.js",
      "/assets/index-Dm.js",
      "/assets/core-Ab.js",
      "/assets/index-Cn.css",
    ]);
  });
});

describe("isPageOf", () => {
  it("knows an article's page from a host's stand-in", () => {
    const page = '<!doctype html>\n<html data-page="/news/articles/tide" lang="en"><body>';
    expect(isPageOf(page, "/news/articles/tide")).toBe(true);
    expect(isPageOf(page, "/news/articles/tid")).toBe(false);
    expect(isPageOf('<html data-page="/news" lang="en">', "/news/articles/tide")).toBe(false);
    expect(isPageOf('<html lang="en"><p data-page="/articles/tide">', "/articles/tide")).toBe(
      false,
    );
  });
});
