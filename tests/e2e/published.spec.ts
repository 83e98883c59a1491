// What other sites read from a build with OFFPRINT_SITE_URL: the feeds, the sitemap, robots.txt,
// the link-preview pictures and the head of index.html, read from the real build's folder; and the
// head's JSON-LD data block opened in Chromium under the app's strict CSP.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { parseAtomFeed, parseJsonFeed } from "feedsmith";
import { imageSize } from "image-size";
import { JSDOM } from "jsdom";
import { test, expect } from "./fixtures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import type { CatalogIndex } from "../../src/catalog/types.ts";

const DIST = "dist-published";
const SITE = "https://gazette.example/news/";
/** The sample edition's articles and categories (content/articles). */
const ARTICLES = 25;
const CATEGORIES = ["culture", "general", "science", "technology", "travel"];

const read = (file: string) => readFile(path.join(DIST, file), "utf8");

/** Parses XML strictly: a document that is not well-formed fails the test. */
function xml(source: string): Document {
  const doc = new new JSDOM("").window.DOMParser().parseFromString(source, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

test.describe("a build for a site at https://gazette.example/news/", () => {
  test.describe.configure({ mode: "serial" });
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildApp(DIST, { OFFPRINT_SITE_URL: SITE, OFFPRINT_BASE: "/news/" });
    host = await serveStatic(DIST, "/news/");
  });
  test.afterAll(() => host?.close());

  test("writes Atom and JSON feeds of the newest 20 articles that a feed parser reads", async () => {
    const atom = parseAtomFeed(await read("feed.xml"));
    expect(atom.id).toBe(`${SITE}feed.xml`);
    expect(atom.entries).toHaveLength(20);
    const json = parseJsonFeed(await read("feed.json"));
    const items = json.items ?? [];
    expect(json.title).toBe("Offprint");
    expect(items.map((i) => i.id)).toEqual(atom.entries!.map((e) => e.id));
    for (const item of items) {
      expect(item.url).toMatch(new RegExp(`^${SITE}articles/[a-z0-9-]+$`));
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(item.content_html?.length).toBeGreaterThan(200);
      // Every address in the body is absolute: none starts at the host's root or is relative.
      const body = new JSDOM(item.content_html).window.document;
      for (const el of body.querySelectorAll("[href], [src]")) {
        expect(el.getAttribute("href") ?? el.getAttribute("src")).toMatch(/^(https?:|mailto:)/);
      }
    }
    // An SVG picture's link-preview rendition is a PNG the build wrote, 1200 pixels wide.
    const pictured = items.filter((i) => i.image);
    expect(pictured.length).toBeGreaterThan(0);
    for (const item of pictured) {
      expect(item.image).toMatch(new RegExp(`^${SITE}content/og/.+\\.png$`));
      const png = await readFile(path.join(DIST, item.image!.slice(SITE.length)));
      expect(imageSize(png)).toMatchObject({ type: "png", width: 1200 });
    }
  });

  test("writes a feed pair for every category", async () => {
    // Beside each category's static page (category/<slug>.html), a folder holds its feeds.
    const entries = await readdir(path.join(DIST, "category"), { withFileTypes: true });
    const folders = entries.filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual(CATEGORIES);
    const atom = parseAtomFeed(await read("category/science/feed.xml"));
    expect(atom.title?.value).toBe("Science · Offprint");
    expect(atom.entries?.length).toBeGreaterThan(0);
    const json = parseJsonFeed(await read("category/science/feed.json"));
    const items = json.items ?? [];
    expect(items.map((i) => i.id)).toEqual(atom.entries!.map((e) => e.id));
    expect(items.every((i) => i.tags?.[0] === "Science")).toBe(true);
  });

  test("writes a sitemap of every article and category, named by robots.txt", async () => {
    const doc = xml(await read("sitemap.xml"));
    const locs = [...doc.getElementsByTagName("loc")].map((l) => l.textContent);
    expect(locs.filter((l) => l?.startsWith(`${SITE}articles/`))).toHaveLength(ARTICLES);
    expect(locs.filter((l) => l?.startsWith(`${SITE}category/`)).sort()).toEqual(
      CATEGORIES.map((c) => `${SITE}category/${c}`),
    );
    expect(locs[0]).toBe(SITE);
    expect(doc.getElementsByTagName("lastmod")).toHaveLength(locs.length);
    expect(await read("robots.txt")).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${SITE}sitemap.xml\n`,
    );
  });

  test("leaves the feeds, the sitemap and the previews out of the service worker's precache", async () => {
    const sw = await read("sw.js");
    expect(sw).toContain("content/catalog-"); // the precache list is there…
    expect(sw).not.toMatch(/feed\.(xml|json)|sitemap|robots|content\/og\//); // …without these
  });

  test("index.html's head links the feeds and describes the site, and its JSON-LD breaks no CSP rule", async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener("securitypolicyviolation", (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(host.url);
    await expect(page.getByRole("heading", { level: 1, name: "Latest articles" })).toBeVisible();
    const head = await page.evaluate(() => {
      const attr = (selector: string, name: string) =>
        [...document.querySelectorAll(selector)].map((el) => el.getAttribute(name));
      return {
        csp: attr('meta[http-equiv="Content-Security-Policy"]', "content")[0],
        title: document.title,
        description: attr('meta[name="description"]', "content"),
        canonical: attr('link[rel="canonical"]', "href"),
        ogType: attr('meta[property="og:type"]', "content"),
        ogUrl: attr('meta[property="og:url"]', "content"),
        siteName: attr('meta[property="og:site_name"]', "content"),
        feeds: attr('link[rel="alternate"]', "href"),
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) =>
          JSON.parse(s.textContent ?? ""),
        ),
        violations: (window as unknown as { violations: string[] }).violations,
      };
    });
    expect(head.csp).toContain("script-src 'self'");
    expect(head).toMatchObject({
      title: "Offprint",
      description: ["The latest articles from Offprint."],
      canonical: [SITE],
      ogType: ["website"],
      ogUrl: [SITE],
      siteName: ["Offprint"],
      feeds: [`${SITE}feed.xml`, `${SITE}feed.json`],
      jsonLd: [
        { "@context": "https://schema.org", "@type": "WebSite", name: "Offprint", url: SITE },
      ],
      violations: [],
    });
    // The feeds the head names are there, served from the build.
    for (const feed of head.feeds) {
      const res = await page.request.get(host.url + feed!.slice(SITE.length));
      expect(res.status()).toBe(200);
    }
  });

  test("every article's and category's page has its own head: title, description, canonical, Open Graph, X card, JSON-LD, feeds", async () => {
    const dir = path.join(DIST, "content");
    const indexFile = (await readdir(dir)).find((f) => /^index-[0-9a-f]+\.json$/.test(f));
    const { articles } = JSON.parse(await read(`content/${indexFile}`)) as CatalogIndex;
    expect(articles).toHaveLength(ARTICLES);
    const head = async (file: string) => {
      const doc = new JSDOM(await read(file)).window.document;
      const all = (selector: string, name = "content") =>
        [...doc.querySelectorAll(selector)].map((el) => el.getAttribute(name));
      const one = (property: string) => all(`meta[property="${property}"]`)[0];
      return { doc, all, one };
    };
    for (const a of articles) {
      const url = `${SITE}articles/${a.slug}`;
      const { doc, all, one } = await head(`articles/${a.slug}.html`);
      expect(doc.title).toBe(`${a.title} · Offprint`);
      expect(all('meta[name="description"]')).toEqual([a.excerpt]);
      expect(all('link[rel="canonical"]', "href")).toEqual([url]);
      expect(one("og:type")).toBe("article");
      expect(one("og:title")).toBe(a.title);
      expect(one("og:url")).toBe(url);
      expect(one("og:description")).toBe(a.excerpt);
      expect(one("og:site_name")).toBe("Offprint");
      expect(one("article:published_time")).toBe(`${a.date}T00:00:00Z`);
      expect(one("article:modified_time")).toBe(a.updated && `${a.updated}T00:00:00Z`);
      expect(one("article:section")).toBe(a.category);
      expect(all('meta[property="article:tag"]')).toEqual(a.tags ?? []);
      const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
      expect(ld).toMatchObject({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        headline: a.title,
        datePublished: `${a.date}T00:00:00Z`,
        dateModified: `${a.updated ?? a.date}T00:00:00Z`,
        publisher: { "@type": "Organization", name: "Offprint" },
      });
      if (a.author) expect(ld.author).toEqual({ "@type": "Person", name: a.author });
      if (a.image) {
        // A raster picture for link previews (X cards take no SVG), with its size and text.
        const image = one("og:image")!;
        expect(image).toMatch(new RegExp(`^${SITE}content/og/.+\\.(png|jpe?g)$`));
        expect(ld.image).toEqual([image]);
        const size = imageSize(await readFile(path.join(DIST, image.slice(SITE.length))));
        expect([one("og:image:width"), one("og:image:height")]).toEqual([
          String(size.width),
          String(size.height),
        ]);
        expect(one("og:image:alt")).toBe(a.image.alt);
        expect(all('meta[name="twitter:card"]')).toEqual(["summary_large_image"]);
      } else {
        expect(one("og:image")).toBeUndefined();
        expect(all('meta[name="twitter:card"]')).toEqual(["summary"]);
      }
      expect(all('link[rel="alternate"]', "href")).toEqual([`${SITE}feed.xml`, `${SITE}feed.json`]);
    }
    for (const slug of CATEGORIES) {
      const name = articles.find((a) => a.categorySlug === slug)!.category;
      const url = `${SITE}category/${slug}`;
      const { doc, all, one } = await head(`category/${slug}.html`);
      expect(doc.title).toBe(`${name} · Offprint`);
      expect(all('link[rel="canonical"]', "href")).toEqual([url]);
      expect([one("og:type"), one("og:title"), one("og:url")]).toEqual(["website", name, url]);
      expect(all('link[rel="alternate"]', "href")).toEqual([
        `${SITE}feed.xml`,
        `${SITE}feed.json`,
        `${url}/feed.xml`,
        `${url}/feed.json`,
      ]);
    }
  });

  test("404.html, the app at any other address, claims no address of its own", async () => {
    const doc = new JSDOM(await read("404.html")).window.document;
    expect(doc.title).toBe("Offprint");
    expect(doc.querySelector('link[rel="canonical"], meta[property^="og:"]')).toBeNull();
    expect(doc.querySelector('script[type="application/ld+json"]')).toBeNull();
    expect(doc.querySelectorAll('link[rel="alternate"]')).toHaveLength(2);
  });
});
