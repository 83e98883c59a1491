import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildEdition, ContentError, shortHash } from "../../../build/edition.ts";

const BAD = "tests/fixtures/editions/bad";
const BASIC = "tests/fixtures/editions/basic";

async function problemsOf(folder: string): Promise<string[]> {
  try {
    await buildEdition(folder);
  } catch (err) {
    if (err instanceof ContentError) return err.problems;
    throw err;
  }
  throw new Error("the build did not fail");
}

describe("bad content fails the build, naming the file and the field", () => {
  it("reports every bad file in one run, not only the first", async () => {
    const problems = await problemsOf(BAD);
    expect(problems).toHaveLength(8);
    expect(problems.some((p) => p.includes("fine.md"))).toBe(false);
  });

  it.each([
    ["a missing required field", `${BAD}/missing-title.md: "title" is required`],
    ["a bad date", `${BAD}/bad-date.md: "date" must be YYYY-MM-DD (got "25/07/2020")`],
    [
      "a bad slug",
      `${BAD}/Bad_Slug.md: the slug (file name) must match [a-z0-9]+(-[a-z0-9]+)* (got "Bad_Slug")`,
    ],
    ["a duplicate slug", `${BAD}/sub/dup.md: duplicate slug "dup" (also used by ${BAD}/dup.md)`],
    [
      "a missing image file",
      `${BAD}/missing-image.md: "image" file "images/nowhere.png" not found`,
    ],
    ["an image without imageAlt", `${BAD}/no-alt.md: "imageAlt" is required when "image" is given`],
    ["an empty body", `${BAD}/empty-body.md: the body is empty`],
  ])("names %s", async (_, message) => {
    const problems = await problemsOf(BAD);
    expect(problems.some((p) => p.startsWith(message))).toBe(true);
  });

  it("names unparsable front matter", async () => {
    const problems = await problemsOf(BAD);
    expect(problems.find((p) => p.startsWith(`${BAD}/broken-yaml.md:`))).toMatch(
      /front matter cannot be parsed/,
    );
  });

  it("rejects an impossible calendar date", async () => {
    const { parseFrontMatter } = await import("../../../build/frontmatter.ts");
    const parsed = parseFrontMatter("---\ntitle: T\ndate: 2023-02-30\ncategory: C\n---\nBody");
    expect(parsed).toEqual({ ok: false, errors: ['"date" must be YYYY-MM-DD (got "2023-02-30")'] });
  });

  it("fails on a content folder that does not exist", async () => {
    expect(await problemsOf("tests/fixtures/editions/none")).toEqual([
      "tests/fixtures/editions/none: content folder not found",
    ]);
  });
});

describe("a good edition", () => {
  it("lists summaries newest first, with slug, category slug and reading time", async () => {
    const { index } = await buildEdition(BASIC);
    expect(index.articles.map((a) => a.slug)).toEqual(["alpha-news", "beta-notes", "gamma-long"]);
    expect(index.articles[1]).toMatchObject({
      title: "Beta notes",
      date: "2023-11-20",
      category: "Arts & Culture",
      categorySlug: "arts-culture",
      minutes: 1,
    });
  });

  it("keeps bodies out of the index and writes one body file per article", async () => {
    const { index, files, bodies } = await buildEdition(BASIC);
    expect(JSON.stringify(index)).not.toContain("<p>");
    for (const a of index.articles) {
      expect(files.some((f) => f.fileName === a.body)).toBe(true);
      expect(a.body).toMatch(new RegExp(`^content/articles/${a.slug}-[0-9a-f]{10}\\.json$`));
    }
    expect(bodies.get("alpha-news")?.html).toContain("<table>");
  });

  it("computes reading time as words / 200 rounded up", async () => {
    const { index } = await buildEdition(BASIC);
    // 401 "word"s plus the opening paragraph: more than 400 words, so 3 minutes.
    expect(index.articles.find((a) => a.slug === "gamma-long")?.minutes).toBe(3);
  });

  it("takes the excerpt from front matter, else the first paragraph cut on a word boundary", async () => {
    const { index } = await buildEdition(BASIC);
    const [alpha, beta, gamma] = index.articles;
    expect(alpha.excerpt).toBe("The first paragraph of the alpha article is short.");
    expect(beta.excerpt).toBe("A hand-written excerpt.");
    expect(gamma.excerpt.length).toBeLessThanOrEqual(200);
    expect(gamma.excerpt.endsWith("…")).toBe(true);
    expect(gamma.excerpt).toMatch(/^This sentence is part of a long opening paragraph/);
    expect(gamma.excerpt).toMatch(/[a-z]…$/);
  });

  it("copies the image under a hashed name and records its size, alt and credit", async () => {
    const { index, files } = await buildEdition(BASIC);
    const image = index.articles[0].image;
    expect(image).toMatchObject({
      width: 640,
      height: 360,
      alt: "A dark circle on a pale blue ground",
      credit: "Test Desk",
    });
    expect(image?.src).toMatch(/^content\/img\/dot-[0-9a-f]{10}\.svg$/);
    expect(files.filter((f) => f.fileName === image?.src)).toHaveLength(1);
  });

  it("renders GFM: tables, footnotes, strikethrough; demotes a body h1; sizes body images", async () => {
    const { bodies, index } = await buildEdition(BASIC);
    const alpha = bodies.get("alpha-news")?.html ?? "";
    expect(alpha).toContain("<del>struck</del>");
    expect(alpha).toMatch(/<section[^>]*class="footnotes"/);
    expect(alpha).toContain(`src="/${index.articles[0].image?.src}"`);
    expect(alpha).toMatch(/width="640" height="360"/);
    const beta = bodies.get("beta-notes")?.html ?? "";
    expect(beta).not.toContain("<h1");
    expect(beta).toContain("<h2>A top heading in the body</h2>");
  });

  it("prefixes body image URLs with the deploy base", async () => {
    const { bodies, index } = await buildEdition(BASIC, { base: "/news/" });
    expect(bodies.get("alpha-news")?.html).toContain(`src="/news/${index.articles[0].image?.src}"`);
  });

  it("gives external links rel=noopener noreferrer and leaves internal links alone", async () => {
    const { bodies } = await buildEdition(BASIC);
    const html = bodies.get("alpha-news")?.html ?? "";
    expect(html).toContain('<a href="https://example.org/page" rel="noopener noreferrer">');
    expect(html).toContain('<a href="/articles/beta-notes">');
  });
});

const temps: string[] = [];
afterAll(() => Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A content folder in a temporary directory: file name → content. */
async function writeEdition(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "offprint-edition-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

const article = (front: string, body = "Body.") =>
  `---\ntitle: "T"\ndate: 2024-01-01\ncategory: General\n${front}---\n${body}\n`;

const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="4" onload="fetch(\'/trap\')">' +
  '<script>document.title=\'ran\'</script><rect width="8" height="4"/></svg>';

describe("SVG images", () => {
  it("copies an article image and a body image sanitized, named by the sanitized bytes", async () => {
    const dir = await writeEdition({
      "a.md": article('image: pic.svg\nimageAlt: "A picture"\n', "![A map](map.svg)"),
      "pic.svg": HOSTILE_SVG,
      "map.svg": HOSTILE_SVG.replace('width="8"', 'width="9"'),
    });
    const { index, files } = await buildEdition(dir);
    const svgs = files.filter((f) => f.fileName.endsWith(".svg"));
    expect(svgs).toHaveLength(2);
    for (const file of svgs) {
      const text = Buffer.from(file.source).toString("utf8");
      expect(text).not.toMatch(/script|onload|trap/);
      expect(text).toContain("<rect");
      expect(file.fileName).toContain(`-${shortHash(file.source)}.svg`);
    }
    expect(index.articles[0].image).toMatchObject({ width: 8, height: 4 });
  });

  it("fails the build naming a file that is not a well-formed SVG", async () => {
    const dir = await writeEdition({
      "a.md": article('image: pic.svg\nimageAlt: "A picture"\n'),
      "pic.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script',
    });
    await expect(buildEdition(dir)).rejects.toMatchObject({
      problems: [
        `${path.relative(process.cwd(), dir)}/a.md: "image" file "pic.svg" is not a well-formed SVG, so it cannot be made safe`,
      ],
    });
  });
});

describe("aliases: old slugs of a renamed article", () => {
  it("puts each old slug and the article's slug now in the catalog", async () => {
    const dir = await writeEdition({
      "new-name.md": article("aliases: [old-name, older-name]\n"),
      "other.md": article(""),
    });
    const { index } = await buildEdition(dir);
    expect(index.aliases).toEqual({ "old-name": "new-name", "older-name": "new-name" });
  });

  it("leaves the map out of an edition without aliases", async () => {
    const dir = await writeEdition({ "a.md": article("") });
    expect((await buildEdition(dir)).index).not.toHaveProperty("aliases");
  });

  it("fails on an alias that is not a slug, naming the file and the field", async () => {
    const dir = await writeEdition({ "a.md": article('aliases: ["Old_Name"]\n') });
    const shown = path.relative(process.cwd(), dir);
    expect(await problemsOf(dir)).toEqual([
      `${shown}/a.md: "aliases" must be old slugs, lowercase letters and digits joined by single hyphens (got "Old_Name")`,
    ]);
  });

  it("fails on an alias that is another article's slug, naming both files", async () => {
    const dir = await writeEdition({ "a.md": article("aliases: [b]\n"), "b.md": article("") });
    const shown = path.relative(process.cwd(), dir);
    expect(await problemsOf(dir)).toEqual([
      `${shown}/a.md: alias "b" is the slug of ${shown}/b.md: remove the alias or rename that file`,
    ]);
  });

  it("fails on an alias two articles claim, naming both files", async () => {
    const dir = await writeEdition({
      "a.md": article("aliases: [gone]\n"),
      "b.md": article("aliases: [gone]\n"),
    });
    const shown = path.relative(process.cwd(), dir);
    expect(await problemsOf(dir)).toEqual([
      `${shown}/b.md: alias "gone" is also an alias of ${shown}/a.md: an old address can lead to one article only`,
    ]);
  });
});
