import { describe, expect, it } from "vitest";
import { offprintSlug, SlugRegistry } from "../../../../build/wordpress/slugs.ts";
import { OldLinks, siteHosts } from "../../../../build/wordpress/links.ts";

describe("slugs", () => {
  it.each([
    ["hello-world", "hello-world"],
    ["Hello_World", "hello-world"],
    ["%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82-%d0%bc%d0%b8%d1%80", "privet-mir"],
    ["caf%c3%a9-cr%c3%a8me", "cafe-creme"],
    ["%e6%97%a5%e6%9c%ac", ""],
    ["", ""],
  ])("makes %j the Offprint slug %j", (name, slug) => {
    expect(offprintSlug(name)).toBe(slug);
  });

  it("gives a taken slug a suffix", () => {
    const slugs = new SlugRegistry();
    expect([slugs.claim("news"), slugs.claim("news"), slugs.claim("news")]).toEqual([
      "news",
      "news-2",
      "news-3",
    ]);
  });
});

describe("links to the old site", () => {
  const links = new OldLinks(siteHosts(["https://old.example", "http://www.old.example/blog"]));
  links.add(
    { id: "10", link: "https://old.example/2024/05/hello/", guid: "https://old.example/?p=10" },
    "hello",
  );
  links.add({ id: "11", link: "https://old.example/2024/05/%d0%bf/", guid: "" }, "p");

  it.each([
    ["https://old.example/2024/05/hello/", "/articles/hello"],
    ["http://www.old.example/2024/05/hello", "/articles/hello"],
    ["https://old.example/2024/05/hello/#comments", "/articles/hello#comments"],
    ["/2024/05/hello/", "/articles/hello"],
    ["https://old.example/?p=10", "/articles/hello"],
    ["https://old.example/2024/05/%D0%BF/", "/articles/p"],
  ])("rewrites %s to %s", (href, to) => {
    expect(links.rewrite(href)).toBe(to);
  });

  it.each([
    "https://old.example/category/news/",
    "https://other.example/2024/05/hello/",
    "hello/",
    "mailto:a@b.c",
    "#top",
  ])("keeps %s", (href) => {
    expect(links.rewrite(href)).toBe(href);
  });
});
