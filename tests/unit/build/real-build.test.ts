// Runs the real `vite build` (what `npm run build` runs) and reads what a publisher would see.
// Each build takes seconds: keep these few, and test the rules themselves in the other files.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BAD = "tests/fixtures/editions/bad";

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), "offprint-build-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/**
 * `vite build` into a temporary folder with the given OFFPRINT_* variables, emptied first; or,
 * given a path, into that folder as `npm run build` leaves it.
 */
function viteBuild(name: string, env: Record<string, string>): Promise<Outcome> {
  const outDir = path.isAbsolute(name) ? name : path.join(temp, name);
  const empty = path.isAbsolute(name) ? [] : ["--emptyOutDir"];
  return new Promise((resolve) => {
    execFile(
      "npx",
      ["vite", "build", "--outDir", outDir, ...empty],
      { env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Expects a build to have succeeded; when it did not, the message is what it printed to stderr. */
const expectBuilt = (outcome: Outcome) => expect(outcome.code, outcome.stderr).toBe(0);

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");

describe("npm run build on bad input", () => {
  it("prints one line per problem of every bad file, and nothing else, and fails", async () => {
    const { code, stdout, stderr } = await viteBuild("bad", { OFFPRINT_CONTENT: BAD });
    expect(code).not.toBe(0);
    expect(lines(stderr)).toEqual([
      `${BAD}/Bad_Slug.md: the slug (file name) must match [a-z0-9]+(-[a-z0-9]+)* (got "Bad_Slug")`,
      `${BAD}/bad-date.md: "date" must be YYYY-MM-DD (got "25/07/2020")`,
      expect.stringMatching(/^tests\/fixtures\/editions\/bad\/broken-yaml\.md: front matter /),
      `${BAD}/empty-body.md: the body is empty: write the article below the front matter`,
      `${BAD}/missing-image.md: "image" file "images/nowhere.png" not found`,
      `${BAD}/missing-title.md: "title" is required`,
      `${BAD}/no-alt.md: "imageAlt" is required when "image" is given`,
      `${BAD}/sub/dup.md: duplicate slug "dup" (also used by ${BAD}/dup.md)`,
    ]);
    expect(stdout).not.toMatch(/error|service worker|\n\s+at /i);
  });

  it("names a bad OFFPRINT_ variable in one line, and fails", async () => {
    const { code, stdout, stderr } = await viteBuild("bad-env", { OFFPRINT_PRECACHE_MB: "abc" });
    expect(code).not.toBe(0);
    expect(lines(stderr)).toEqual([`OFFPRINT_PRECACHE_MB must be a number ≥ 0 (got "abc")`]);
    expect(stdout).not.toMatch(/error/i);
  });

  it.each([
    [
      { OFFPRINT_SITE_URL: "gazette.example/news/" },
      `OFFPRINT_SITE_URL must be the absolute http(s) URL of the site's root, such as ` +
        `https://gazette.example/ (got "gazette.example/news/")`,
    ],
    [{ OFFPRINT_FEED_ITEMS: "0" }, `OFFPRINT_FEED_ITEMS must be a whole number ≥ 1 (got "0")`],
  ])("stops on %j with the one line naming the variable", async (env, message) => {
    const { code, stdout, stderr } = await viteBuild("bad-site", env);
    expect(code).toBe(1);
    expect(lines(stderr)).toEqual([message]);
    expect(stdout).not.toMatch(/error/i);
  });
});

describe("npm run build on content it has to clean", () => {
  it("leaves out an image from another site with a warning line, and succeeds", async () => {
    const content = path.join(temp, "external-content");
    await mkdir(content);
    await writeFile(
      path.join(content, "remote.md"),
      '---\ntitle: "Remote"\ndate: 2024-01-01\ncategory: General\n---\n' +
        "Before ![A map](https://example.com/map.png) after.\n",
    );
    const built = await viteBuild("external", { OFFPRINT_CONTENT: content });
    const { stdout, stderr } = built;
    expect(lines(stdout + stderr)).toContain(
      `${path.relative(process.cwd(), content)}/remote.md: image "https://example.com/map.png" ` +
        "left out: an image from another site would not show offline and would tell that site " +
        "who reads the article",
    );
    expectBuilt(built);
    // Built without OFFPRINT_SITE_URL: one line says what needs it and was left out.
    expect(lines(stdout + stderr).filter((l) => l.includes("OFFPRINT_SITE_URL"))).toEqual([
      "offprint: OFFPRINT_SITE_URL is not set, so the build left out what needs the site's " +
        "absolute address: canonical links, Open Graph and X card tags, JSON-LD, link-preview " +
        "pictures, the feeds (feed.xml, feed.json) and sitemap.xml",
    ]);
    // It says how many static pages it wrote (/, a category, the article, 5 shells, 404.html).
    expect(lines(stdout).filter((l) => l.includes("static pages"))).toEqual([
      expect.stringMatching(
        /^ {2}static pages: 9 in \d+\.\d s, 0 of them kept from the last build$/,
      ),
    ]);
    // And what every reader's first visit installs, by kind, against OFFPRINT_PRECACHE_MB.
    expect(lines(stdout).filter((l) => l.includes("service worker precaches"))).toEqual([
      expect.stringMatching(
        /^offprint: the service worker precaches \d+\.\d MB of the 20\.0 MB budget \(OFFPRINT_PRECACHE_MB\): app \d+\.\d MB in \d+ files, .*articles \d+\.\d MB in 1 file/,
      ),
    ]);
    const dist = await readdir(path.join(temp, "external"));
    expect(dist).toContain("robots.txt");
    expect(dist).not.toContain("feed.xml");
    expect(dist).not.toContain("sitemap.xml");
    const articles = path.join(temp, "external", "content", "articles");
    const [body] = await readdir(articles);
    const html = JSON.parse(await readFile(path.join(articles, body), "utf8")).html;
    expect(html).toContain("after.");
    expect(html).not.toContain("example.com");
    // A whole build: on a machine shared with other work it can take longer than the default.
  }, 60_000);
});

// Each of these is a real build too: on a busy machine one can take longer than the default.
describe("npm run build on an Astro blog as it is", () => {
  const ASTRO = "tests/fixtures/conventions/astro/src/content/blog";
  const warnings = [
    `${ASTRO}/markdown-style-guide.md: "heroImage" file "../../assets/no-such-picture.png" not found: the article is built without it`,
    `2 image(s) from heroImage, cover, featured_image or thumbnail have no alt text and are shown as decorative (give them "imageAlt"): ${ASTRO}/first-post.md, ${ASTRO}/second-post.md`,
  ];

  it("says once what it mapped and skipped, lists each warning, and succeeds", async () => {
    const built = await viteBuild("astro", { OFFPRINT_CONTENT: ASTRO });
    const { stdout, stderr } = built;
    expectBuilt(built);
    const out = lines(stdout);
    const start = out.indexOf("Offprint: 3 articles");
    expect(start).toBeGreaterThan(out.findIndex((l) => l.startsWith("✓ built in")));
    expect(out.slice(start, start + 3)).toEqual([
      "Offprint: 3 articles",
      "  mapped: description → excerpt: 3; heroImage → image: 3; no category → Uncategorized: 3; pubDate → date: 3; updatedDate → updated: 1",
      `  skipped 1 .mdx file (they need a JSX runtime): ${ASTRO}/using-mdx.mdx`,
    ]);
    expect(lines(stderr).slice(0, 2)).toEqual(warnings);
    const index = (await readdir(path.join(temp, "astro", "content"))).find((f) =>
      f.startsWith("index-"),
    );
    const catalog = JSON.parse(await readFile(path.join(temp, "astro", "content", index!), "utf8"));
    expect(catalog.articles.map((a: { date: string }) => a.date)).toEqual([
      "2024-06-19",
      "2022-07-15",
      "2022-07-08",
    ]);
  }, 120_000);

  it("with OFFPRINT_STRICT=1, prints every warning as a problem and fails", async () => {
    const { code, stderr } = await viteBuild("astro-strict", {
      OFFPRINT_CONTENT: ASTRO,
      OFFPRINT_STRICT: "1",
    });
    expect(code).not.toBe(0);
    expect(lines(stderr)).toEqual(warnings.map((w) => `${w} (OFFPRINT_STRICT=1)`));
  }, 120_000);

  it("names a bad OFFPRINT_STRICT or OFFPRINT_DRAFTS in one line, and fails", async () => {
    const { code, stderr } = await viteBuild("bad-strict", { OFFPRINT_DRAFTS: "yes" });
    expect(code).not.toBe(0);
    expect(lines(stderr)).toEqual([`OFFPRINT_DRAFTS must be 1 or 0 (got "yes")`]);
  }, 120_000);
});

/** Every file under `dir`, relative path → its bytes as text. */
async function filesOf(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const e of entries.filter((f) => f.isFile())) {
    const file = path.join(e.parentPath, e.name);
    out.set(path.relative(dir, file), await readFile(file, "latin1"));
  }
  return out;
}

describe("npm run build after one article is edited", () => {
  it("changes none of the app's scripts or styles, only the edition's files that hold it, and renders only the pages that show it", async () => {
    const content = path.join(temp, "edited-content");
    const cache = path.join(temp, "edited-cache");
    await mkdir(content);
    const article = (n: number, title = `Article ${n}`, extra = "") =>
      writeFile(
        path.join(content, `article-${n}.md`),
        `---\ntitle: "${title}"\ndate: 2024-01-0${n}\ncategory: General\n---\n` +
          `The body of article ${n}.${extra}\n`,
      );
    for (const n of [1, 2, 3, 4, 5]) await article(n);
    const env = { OFFPRINT_CONTENT: content, OFFPRINT_BUILD_CACHE: cache };
    const before = await viteBuild("before-edit", env);
    expectBuilt(before);
    // The oldest article, shown on its own page and linked from the next newer one's.
    await article(1, "Article 1, revised", " A sentence added later.");
    const after = await viteBuild("after-edit", env);
    expectBuilt(after);
    const [was, is] = await Promise.all(
      ["before-edit", "after-edit"].map((name) => filesOf(path.join(temp, name))),
    );
    const changed = [...is.keys()].filter((f) => was.get(f) !== is.get(f)).sort();
    // A returning reader's browser fetches no script or stylesheet again for an edit: the
    // edition's addresses are in the page (#offprint-edition), not in the app's code.
    expect(changed.filter((f) => f.startsWith("assets/"))).toEqual([]);
    expect(changed).toContain("index.html");
    expect(is.get("index.html")).toMatch(
      /<script type="application\/json" id="offprint-edition">\{"index":"content\/index-[0-9a-f]{10}\.json","catalog":"content\/catalog-[0-9a-f]{10}\.json","search":"content\/search-[0-9a-f]{10}\.json","count":5\}<\/script>/,
    );
    // The edited article's body changed, the others' did not.
    const bodies = changed.filter((f) => f.startsWith("content/articles/"));
    expect(bodies).toHaveLength(1);
    expect(is.get(bodies[0])).toContain("A sentence added later.");
    // Of the articles' pages, the build rendered the two that show the edit and kept the others.
    expect(lines(after.stdout).filter((l) => l.includes("static pages"))).toEqual([
      expect.stringMatching(
        /^ {2}static pages: 13 in \d+\.\d s, 3 of them kept from the last build$/,
      ),
    ]);
    expect(is.get("articles/article-1.html")).toContain("A sentence added later.");
    expect(is.get("articles/article-2.html")).toContain("Article 1, revised");
    // And every file is the one a build with no cache makes.
    const fresh = await viteBuild("after-edit-fresh", {
      ...env,
      OFFPRINT_BUILD_CACHE: path.join(temp, "fresh-cache"),
    });
    expectBuilt(fresh);
    expect(lines(fresh.stdout).filter((l) => l.includes("static pages"))).toEqual([
      expect.stringMatching(/, 0 of them kept from the last build$/),
    ]);
    const cold = await filesOf(path.join(temp, "after-edit-fresh"));
    expect([...cold.keys()].sort()).toEqual([...is.keys()].sort());
    expect([...is.keys()].filter((f) => cold.get(f) !== is.get(f))).toEqual([]);
  }, 240_000);
});

describe("npm run build into the folder of the last build", () => {
  it("writes only the files that changed, removes what the edition no longer has, and leaves what a fresh build makes", async () => {
    // Inside the project, where Vite would empty the folder by itself (out-dir.ts, mayTidy).
    const kept = path.resolve("node_modules/.cache", `offprint-kept-${process.pid}`);
    const content = path.join(temp, "kept-content");
    const env = { OFFPRINT_CONTENT: content, OFFPRINT_BUILD_CACHE: path.join(temp, "kept-cache") };
    await mkdir(content);
    const article = (n: number, extra = "") =>
      writeFile(
        path.join(content, `article-${n}.md`),
        `---\ntitle: "Article ${n}"\ndate: 2024-02-0${n}\ncategory: Section ${n}\n---\n` +
          `The body of article ${n}.${extra}\n`,
      );
    try {
      for (const n of [1, 2, 3, 4]) await article(n);
      const first = await viteBuild(kept, env);
      expectBuilt(first);
      const was = await filesOf(kept);
      const written = new Map<string, number>();
      for (const f of was.keys()) written.set(f, (await stat(path.join(kept, f))).mtimeMs);
      expect([...was.keys()]).toContain("articles/article-4.html");
      expect([...was.keys()]).toContain("category/section-4.html");

      // The newest article is gone, the oldest edited; a file nobody built lies in the folder.
      await rm(path.join(content, "article-4.md"));
      await article(1, " A sentence added later.");
      await writeFile(path.join(kept, "left-by-hand.txt"), "not the build's");
      const after = await viteBuild(kept, env);
      expectBuilt(after);
      expect(lines(after.stdout)).toContainEqual(
        expect.stringMatching(
          /^ {2}node_modules\/\.cache\/offprint-kept-\d+\/: \d+ files written, \d+ already as built, \d+ left from an earlier build removed$/,
        ),
      );
      const is = await filesOf(kept);
      expect(
        [...is.keys()].filter((f) => f.includes("article-4") || f.includes("section-4")),
      ).toEqual([]);
      expect(is.has("left-by-hand.txt")).toBe(false);
      expect(is.get("articles/article-1.html")).toContain("A sentence added later.");

      // What holds the same bytes was not written again: the other articles' bodies. (Every
      // page changes with an edit: it names the edition's files, #offprint-edition.)
      const same = [...is.keys()].filter((f) => was.get(f) === is.get(f));
      expect(same.filter((f) => f.startsWith("content/articles/"))).toHaveLength(2);
      const rewritten: string[] = [];
      for (const f of same) {
        if ((await stat(path.join(kept, f))).mtimeMs !== written.get(f)) rewritten.push(f);
      }
      expect(rewritten.filter((f) => /^(content|articles|category)\//.test(f))).toEqual([]);

      // And the folder holds exactly what a build into an empty folder makes. (That one is
      // outside the project, which the build never tidies, and says so.)
      const fresh = await viteBuild(path.join(temp, "kept-fresh"), env);
      expectBuilt(fresh);
      expect(lines(fresh.stderr)).toContainEqual(
        `offprint: ${path.join(temp, "kept-fresh")} is outside the project, so files of earlier builds are left in it: pass --emptyOutDir to empty it first`,
      );
      const made = await filesOf(path.join(temp, "kept-fresh"));
      expect([...is.keys()].sort()).toEqual([...made.keys()].sort());
      expect([...is.keys()].filter((f) => made.get(f) !== is.get(f))).toEqual([]);
    } finally {
      await rm(kept, { recursive: true, force: true });
    }
  }, 240_000);
});
