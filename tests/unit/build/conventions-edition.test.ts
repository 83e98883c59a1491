// The four conventions' fixture folders built into editions (what `npm run build` reads).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildEdition, ContentError, type Edition } from "../../../build/edition.ts";
import { noticeLines } from "../../../build/notices.ts";

const FIX = "tests/fixtures/conventions";
const JEKYLL = `${FIX}/jekyll/_posts`;
const HUGO = `${FIX}/hugo/content/posts`;
const ELEVENTY = `${FIX}/eleventy/posts`;
const ASTRO = `${FIX}/astro/src/content/blog`;

const article = (e: Edition, slug: string) => e.index.articles.find((a) => a.slug === slug);
const html = (e: Edition, slug: string) => e.bodies.get(slug)?.html ?? "";

async function problemsOf(folder: string, options = {}): Promise<string[]> {
  try {
    await buildEdition(folder, options);
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  throw new Error("the build did not fail");
}

describe("a Jekyll _posts folder", () => {
  let e: Edition;
  beforeAll(async () => {
    e = await buildEdition(JEKYLL);
  });

  it("reads .markdown files, leaves out published: false, and makes a dotted name a valid slug", () => {
    expect(e.index.articles.map((a) => a.slug)).toEqual([
      "ferry-timetable-3-0-released",
      "writing-markdown",
      "harbour-lights-return",
      "tide-tables-turn-two",
    ]);
    expect(e.notices.draftsLeftOut).toBe(1);
    expect(e.notices.renamed).toEqual([
      `${JEKYLL}/2023-01-10-ferry-timetable-3.0-released.markdown: address "ferry-timetable-3-0-released" made from "ferry-timetable-3.0-released"`,
    ]);
  });

  it("keeps a date with a time and an offset on the day it was written, or takes it from the file name", () => {
    expect(article(e, "harbour-lights-return")?.date).toBe("2014-12-17");
    expect(article(e, "tide-tables-turn-two")?.date).toBe("2014-05-06");
    expect(article(e, "writing-markdown")?.date).toBe("2022-07-08");
  });

  it("takes the first category and joins the others to the tags", () => {
    expect(article(e, "writing-markdown")).toMatchObject({
      category: "Guides",
      tags: ["markdown", "help"],
      author: "Ines Marlow",
    });
    expect(article(e, "tide-tables-turn-two")).toMatchObject({
      category: "community",
      tags: ["update"],
    });
  });

  it("turns raw, highlight, post_url and link into Markdown, and keeps a for loop as text", () => {
    const lights = html(e, "harbour-lights-return");
    expect(lights).toContain('<pre><code class="language-ruby">lights.each do |string|');
    expect(lights).toContain("Write {{ page.title }} in a layout");
    expect(lights).toContain('<a href="/articles/tide-tables-turn-two">');
    const tables = html(e, "tide-tables-turn-two");
    expect(tables).toContain('<a href="/articles/harbour-lights-return">the lights post</a>');
    expect(tables).toContain("{% for post in site.posts %}");
    const file = `${JEKYLL}/2014-05-06-tide-tables-turn-two.markdown`;
    expect(e.warnings).toEqual(
      expect.arrayContaining([
        `${file}:11: template tag {% for post in site.posts %} kept as text (Offprint runs no Liquid or Hugo templates)`,
        `${file}:15: template tag {{ site.author }} kept as text (Offprint runs no Liquid or Hugo templates)`,
        `${JEKYLL}/2023-01-10-ferry-timetable-3.0-released.markdown:12: {% post_url 2012-01-01-gone-missing %} links to "gone-missing", which is not in the edition`,
      ]),
    );
  });

  it("never resolves an image written inside code, and finds /assets at the site's root", () => {
    const body = html(e, "writing-markdown");
    expect(body).toContain("![Alt text](./full/or/relative/path/of/image)");
    expect(body).toContain("<code>![x](nope.png)</code>");
    expect(body).toMatch(
      /<img src="\/content\/img\/lighthouse-[0-9a-f]{10}\.png" alt="The lighthouse at noon"/,
    );
    expect(article(e, "ferry-timetable-3-0-released")?.image).toMatchObject({
      alt: "The blue ferry leaving the pier",
      width: 40,
    });
  });

  it("builds the drafts too with drafts: true (OFFPRINT_DRAFTS=1)", async () => {
    const preview = await buildEdition(JEKYLL, { drafts: true });
    expect(article(preview, "unfinished-notes")?.date).toBe("2024-02-02");
    expect(preview.notices.draftsLeftOut).toBe(0);
  });
});

describe("a Hugo content/posts folder", () => {
  let e: Edition;
  beforeAll(async () => {
    e = await buildEdition(HUGO);
  });

  it("reads a bundle as one article named after its folder, and skips _index.md and drafts", () => {
    expect(e.index.articles.map((a) => a.slug)).toEqual(["lighthouse-keepers", "tide-clock"]);
    expect(e.notices).toMatchObject({ draftsLeftOut: 1, notArticles: 1 });
  });

  it("takes lastmod as the updated date, summary as the excerpt and cover with its alt", () => {
    expect(article(e, "lighthouse-keepers")).toMatchObject({
      date: "2021-03-04",
      updated: "2021-04-01",
      category: "Coast",
      excerpt: "Three keepers, one tower and forty winters.",
      image: { alt: "A white tower above green water", width: 48, height: 32 },
    });
  });

  it("turns figure, ref, relref and youtube into Markdown; keeps tweet as text and lists it", () => {
    const keepers = html(e, "lighthouse-keepers");
    expect(keepers).toMatch(
      /<figure>\s*<p><img src="\/content\/img\/keeper-[0-9a-f]{10}\.png" alt="A keeper&#x27;s cap on a hook"/,
    );
    expect(keepers).toContain("<figcaption>The cap he left behind</figcaption>");
    expect(keepers).toContain('<a href="/articles/tide-clock">the tide clock</a>');
    expect(keepers).toContain('href="https://www.youtube.com/watch?v=abc123XYZ"');
    const clock = html(e, "tide-clock");
    expect(clock).toContain('<a href="/articles/lighthouse-keepers">their story</a>');
    expect(clock).toMatch(/<img src="\/content\/img\/map-[0-9a-f]{10}\.png"/);
    expect(e.warnings).toEqual([
      `${HUGO}/tide-clock.md:14: template tag {{< tweet user="harbourclock" id="1234" >}} kept as text (Offprint runs no Liquid or Hugo templates)`,
    ]);
  });
});

describe("an Eleventy folder", () => {
  it("takes tags as text or as a list, keywords, the first author, and Uncategorized", async () => {
    const e = await buildEdition(ELEVENTY);
    expect(article(e, "first-light")).toMatchObject({ tags: ["notes"], category: "Uncategorized" });
    expect(article(e, "second-light")).toMatchObject({
      tags: ["notes", "weather", "fog", "mornings"],
      author: "Tomas Reyes",
      image: { alt: "Fog on a window pane" },
    });
    expect(noticeLines(e.notices)).toContain(
      "  mapped: no category → Uncategorized: 2; author list → first: 1; folder with index.md: 1; keywords → tags: 1; tags as text → list: 1",
    );
  });
});

describe("an Astro src/content/blog folder", () => {
  let e: Edition;
  beforeAll(async () => {
    e = await buildEdition(ASTRO);
  });

  it("reads pubDate, updatedDate, description and heroImage (relative, and from public/)", () => {
    expect(article(e, "first-post")).toMatchObject({
      date: "2022-07-08",
      updated: "2022-07-10",
      excerpt: "A quiet start for the harbour blog.",
      image: { alt: "", width: 64 },
    });
    expect(article(e, "second-post")).toMatchObject({ date: "2022-07-15", image: { alt: "" } });
  });

  it("warns about a missing heroImage and images with no alt, and skips .mdx with a notice", () => {
    expect(article(e, "markdown-style-guide")?.image).toBeUndefined();
    expect(e.warnings).toEqual([
      `${ASTRO}/markdown-style-guide.md: "heroImage" file "../../assets/no-such-picture.png" not found: the article is built without it`,
      `2 image(s) from heroImage, cover, featured_image or thumbnail have no alt text and are shown as decorative (give them "imageAlt"): ${ASTRO}/first-post.md, ${ASTRO}/second-post.md`,
    ]);
    expect(noticeLines(e.notices)).toEqual([
      "Offprint: 3 articles",
      "  mapped: description → excerpt: 3; heroImage → image: 3; no category → Uncategorized: 3; pubDate → date: 3; updatedDate → updated: 1",
      `  skipped 1 .mdx file (they need a JSX runtime): ${ASTRO}/using-mdx.mdx`,
    ]);
  });

  it("turns every warning into a problem with strict: true (OFFPRINT_STRICT=1)", async () => {
    expect(await problemsOf(ASTRO, { strict: true })).toEqual(
      e.warnings.map((w) => `${w} (OFFPRINT_STRICT=1)`),
    );
  });
});

describe("Offprint's own rules stay", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "offprint-own-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("fails on a missing own image even beside borrowed fields, and on an unreadable pubDate", async () => {
    await writeFile(
      path.join(dir, "a.md"),
      "---\ntitle: A\ndate: 2024-01-01\ncategories: [x]\nimage: gone.png\nimageAlt: Gone\n---\nBody\n",
    );
    await writeFile(path.join(dir, "b.md"), "---\ntitle: B\npubDate: 'someday'\n---\nBody\n");
    const shown = path.relative(process.cwd(), dir);
    expect(await problemsOf(dir)).toEqual([
      `${shown}/a.md: "image" file "gone.png" not found`,
      `${shown}/b.md: "pubDate" must be YYYY-MM-DD (got "someday")`,
    ]);
  });
});
