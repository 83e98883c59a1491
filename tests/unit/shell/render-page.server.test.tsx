// Every page renders with Solid's server renderer, in Node (no window, document or storage), from
// the sample edition: what the build writes as each route's static HTML.
import { beforeAll, describe, expect, it } from "vitest";
import { buildEdition, type Edition } from "../../../build/edition.ts";
import { readEditionFrom, renderPage } from "../../../src/shell/render-page.tsx";
import type { ArticleBody } from "../../../src/catalog/types.ts";

let edition: Edition;

beforeAll(async () => {
  edition = await buildEdition("content/articles");
  const files = new Map(edition.files.map((f) => [f.fileName, f.source]));
  readEditionFrom({
    index: async () => edition.index,
    body: async (a) => JSON.parse(String(files.get(a.body))) as ArticleBody,
    // The manifest where edition-stub.ts says it is.
    file: async (p) =>
      JSON.parse(
        String(files.get(p === "content/catalog.json" ? edition.paged.manifestFile : p)),
      ) as unknown,
  });
});

/** The text of every match of `re`'s first group in `html`. */
function all(html: string, re: RegExp): string[] {
  return [...html.matchAll(re)].map((m) => m[1]);
}

describe("each page renders on the server", () => {
  it("/ lists the newest articles as links under Latest articles", async () => {
    const html = await renderPage("/");
    expect(html).toContain("<h1>Latest articles</h1>");
    const links = all(html, /<h2><a[^>]*href="(\/articles\/[^"]+)"/g);
    expect(links).toHaveLength(edition.index.articles.length);
    expect(links[0]).toBe(`/articles/${edition.index.articles[0].slug}`);
    expect(html).not.toContain("<script");
  });

  it("/category/<slug> lists that category's articles under its name", async () => {
    const html = await renderPage("/category/general");
    expect(html).toContain("<h1>General</h1>");
    const general = edition.index.articles.filter((a) => a.categorySlug === "general");
    expect(all(html, /<h2><a[^>]*href="\/articles\/([^"]+)"/g)).toEqual(general.map((a) => a.slug));
  });

  it("/articles/<slug> shows the title, meta line, figure with credit and the whole body", async () => {
    const article = edition.index.articles.find((a) => a.image?.credit)!;
    const html = await renderPage(`/articles/${article.slug}`);
    const body = JSON.parse(
      String(edition.files.find((f) => f.fileName === article.body)!.source),
    ) as ArticleBody;
    expect(html).toContain(`<h1>${article.title.replace(/&/g, "&amp;")}</h1>`);
    expect(html).toContain(`<time datetime="${article.date}"`);
    expect(html).toMatch(/<figure>.*<figcaption>Photo credit: /s);
    expect(html).toContain(body.html);
    expect(html).toMatch(/Replies need JavaScript/);
  });

  it("an unknown article says Article not found", async () => {
    expect(await renderPage("/articles/no-such-article")).toContain("<h1>Article not found</h1>");
  });

  it.each([
    ["/saved", "Saved"],
    ["/drafts", "Drafts"],
    ["/highlights", "Highlights"],
    ["/settings", "Settings"],
    ["/search", "Search"],
    ["/no/such/page", "Page not found"],
  ])("%s renders its shell with its heading", async (path, heading) => {
    const html = await renderPage(path);
    expect(html).toContain('<main id="main"');
    expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
  });
});
