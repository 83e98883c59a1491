import { describe, expect, it } from "vitest";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import type { ArticleBody, ArticleSummary } from "../../../src/catalog/types.ts";
import { feedItemsFromEnv, feeds, type FeedSite } from "../../../build/feeds.ts";

const SITE = "https://gazette.example/news/";
const ATOM = "http://www.w3.org/2005/Atom";

function article(slug: string, date: string, category: string, extra = {}): ArticleSummary {
  return {
    slug,
    title: `Title of ${slug}`,
    date,
    category,
    categorySlug: category.toLowerCase(),
    excerpt: `About ${slug}.`,
    minutes: 1,
    body: `content/articles/${slug}.json`,
    ...extra,
  };
}

const articles = [
  article("tide", "2024-03-01", "News", {
    title: 'Tides & "moons" <b>not bold</b> ]]> </title>',
    author: "Ann Example",
    tags: ["sea", "moon"],
    updated: "2024-03-09",
  }),
  article("crows", "2024-02-01", "Nature"),
  article("fog", "2024-01-01", "News"),
];

const BODY =
  '<p>See <a href="fog">the fog</a>, <a href="/elsewhere">a page</a>, ' +
  '<a href="https://other.example/x" rel="nofollow noopener noreferrer">a site</a> and ' +
  '<a href="#user-content-fn-1">a note</a>.</p>' +
  '<p><img src="/news/content/img/map-0123456789.png" alt="A map" width="10" height="5"></p>' +
  '<blockquote cite="../quotes"><p>Text with ]]> and &lt;/content&gt; in it.</p></blockquote>';

const bodies = new Map<string, ArticleBody>(
  articles.map((a) => [
    a.slug,
    { slug: a.slug, html: a.slug === "tide" ? BODY : `<p>${a.slug}</p>` },
  ]),
);

const site: FeedSite = {
  siteUrl: SITE,
  siteName: "The Gazette",
  items: 2,
  bodies,
  images: new Map([
    ["tide", { src: "content/og/tide-0123456789.png", width: 1200, height: 675, alt: "A tide" }],
  ]),
};

const files = new Map(feeds(articles, site).map((f) => [f.fileName, String(f.source)]));

/** Parses XML strictly (a well-formedness error fails the test). */
function xml(source: string): Document {
  const doc = new DOMParser().parseFromString(source, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

/** The Atom elements RFC 4287 requires (4.1.1, 4.1.2), checked without the feed library. */
function expectValidAtom(source: string): Document {
  const doc = xml(source);
  const feed = doc.documentElement;
  expect([feed.localName, feed.namespaceURI]).toEqual(["feed", ATOM]);
  const child = (el: Element, name: string) =>
    [...el.children].filter((c) => c.localName === name && c.namespaceURI === ATOM);
  for (const name of ["id", "title", "updated"]) expect(child(feed, name)).toHaveLength(1);
  expect(child(feed, "link").some((l) => l.getAttribute("rel") === "self")).toBe(true);
  const feedHasAuthor = child(feed, "author").length > 0;
  for (const entry of child(feed, "entry")) {
    for (const name of ["id", "title", "updated"]) expect(child(entry, name)).toHaveLength(1);
    expect(feedHasAuthor || child(entry, "author").length > 0).toBe(true);
    // Without content an entry needs an alternate link; ours carry both.
    expect(child(entry, "content")).toHaveLength(1);
    expect(
      child(entry, "link").some((l) => (l.getAttribute("rel") ?? "alternate") === "alternate"),
    ).toBe(true);
    // Times are RFC 3339.
    for (const name of ["updated", "published"]) {
      for (const el of child(entry, name)) {
        expect(el.textContent?.trim()).toMatch(
          /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/,
        );
      }
    }
  }
  return doc;
}

/** What JSON Feed 1.1 requires: version, title, items, and each item's id and content. */
function expectValidJsonFeed(source: string) {
  const feed = JSON.parse(source);
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html === "string" || typeof item.content_text === "string").toBe(
      true,
    );
  }
  return feed;
}

describe("the site's Atom feed", () => {
  const source = files.get("feed.xml")!;

  it("is well-formed Atom 1.0 with every element the spec requires", () => {
    expectValidAtom(source);
  });

  it("holds the newest articles, as many as asked, with everything a feed reader shows", () => {
    const feed = parseAtomFeed(source);
    expect(feed.id).toBe(`${SITE}feed.xml`);
    expect(feed.title).toMatchObject({ value: "The Gazette" });
    expect(feed.updated).toBe("2024-03-09T00:00:00.000Z");
    expect(feed.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: "self", href: `${SITE}feed.xml` }),
        expect.objectContaining({ rel: "alternate", href: SITE }),
      ]),
    );
    expect(feed.entries?.map((e) => e.id)).toEqual([
      `${SITE}articles/tide`,
      `${SITE}articles/crows`,
    ]);
    const [tide] = feed.entries!;
    expect(tide.title).toMatchObject({ value: articles[0].title });
    expect(tide.links).toEqual([expect.objectContaining({ href: `${SITE}articles/tide` })]);
    expect(tide.published).toBe("2024-03-01T00:00:00.000Z");
    expect(tide.updated).toBe("2024-03-09T00:00:00.000Z");
    expect(tide.authors).toEqual([{ name: "Ann Example" }]);
    expect(tide.categories).toEqual([
      { term: "news", label: "News", scheme: `${SITE}category/` },
      { term: "sea" },
      { term: "moon" },
    ]);
    expect(tide.summary).toMatchObject({ value: "About tide." });
    expect(tide.content).toMatchObject({ type: "html" });
  });

  it("carries the whole body with every link and image absolute", () => {
    const html = parseAtomFeed(source).entries![0].content!.value!.trim();
    const body = new DOMParser().parseFromString(html, "text/html").body;
    expect([...body.querySelectorAll("a")].map((a) => a.getAttribute("href"))).toEqual([
      `${SITE}articles/fog`,
      "https://gazette.example/elsewhere",
      "https://other.example/x",
      `${SITE}articles/tide#user-content-fn-1`,
    ]);
    expect(body.querySelector("img")?.getAttribute("src")).toBe(
      `${SITE}content/img/map-0123456789.png`,
    );
    expect(body.querySelector("blockquote")?.getAttribute("cite")).toBe(`${SITE}quotes`);
    expect(body.textContent).toContain("Text with ]]> and </content> in it.");
  });

  it("leaves the feed's author to stand for an article without a byline", () => {
    const crows = parseAtomFeed(source).entries![1];
    expect(crows.authors).toBeUndefined();
    expect(parseAtomFeed(source).authors).toEqual([{ name: "The Gazette", uri: SITE }]);
  });
});

describe("the site's JSON Feed", () => {
  const source = files.get("feed.json")!;

  it("is JSON Feed 1.1 with every field the spec requires", () => {
    expectValidJsonFeed(source);
  });

  it("holds the same articles with their dates, authors, tags, summary, picture and body", () => {
    const feed = parseJsonFeed(source);
    const items = feed.items ?? [];
    expect(feed).toMatchObject({
      title: "The Gazette",
      home_page_url: SITE,
      feed_url: `${SITE}feed.json`,
      authors: [{ name: "The Gazette", url: SITE }],
    });
    expect(items.map((i) => i.id)).toEqual([`${SITE}articles/tide`, `${SITE}articles/crows`]);
    const [tide, crows] = items;
    expect(tide).toMatchObject({
      url: `${SITE}articles/tide`,
      title: articles[0].title,
      summary: "About tide.",
      date_published: "2024-03-01T00:00:00.000Z",
      date_modified: "2024-03-09T00:00:00.000Z",
      authors: [{ name: "Ann Example" }],
      tags: ["News", "sea", "moon"],
      image: `${SITE}content/og/tide-0123456789.png`,
    });
    expect(tide.content_html).toContain(`<a href="${SITE}articles/fog">the fog</a>`);
    expect(tide.content_html).toContain(`src="${SITE}content/img/map-0123456789.png"`);
    expect(crows.authors).toBeUndefined();
    expect(crows.image).toBeUndefined();
  });
});

describe("category feeds", () => {
  it("are written for every category, each with its own newest articles", () => {
    expect([...files.keys()].sort()).toEqual([
      "category/nature/feed.json",
      "category/nature/feed.xml",
      "category/news/feed.json",
      "category/news/feed.xml",
      "feed.json",
      "feed.xml",
    ]);
    const atom = parseAtomFeed(
      expectValidAtom(files.get("category/news/feed.xml")!) && files.get("category/news/feed.xml")!,
    );
    expect(atom.title).toMatchObject({ value: "News · The Gazette" });
    expect(atom.id).toBe(`${SITE}category/news/feed.xml`);
    expect(atom.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rel: "alternate", href: `${SITE}category/news` }),
      ]),
    );
    expect(atom.entries?.map((e) => e.id)).toEqual([`${SITE}articles/tide`, `${SITE}articles/fog`]);
    const json = expectValidJsonFeed(files.get("category/nature/feed.json")!);
    expect(json.home_page_url).toBe(`${SITE}category/nature`);
    expect(json.items.map((i: { id: string }) => i.id)).toEqual([`${SITE}articles/crows`]);
  });
});

describe("OFFPRINT_FEED_ITEMS", () => {
  it("defaults to 20 and takes a whole number of at least 1", () => {
    expect(feedItemsFromEnv({})).toBe(20);
    expect(feedItemsFromEnv({ OFFPRINT_FEED_ITEMS: " 50 " })).toBe(50);
  });

  it.each(["0", "-3", "2.5", "many"])("refuses %j, naming the variable", (value) => {
    expect(() => feedItemsFromEnv({ OFFPRINT_FEED_ITEMS: value })).toThrow(
      `OFFPRINT_FEED_ITEMS must be a whole number ≥ 1 (got ${JSON.stringify(value)})`,
    );
  });
});
