// The real command, run as a publisher runs it: npm run import:wordpress -- …
import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../../../build/frontmatter.ts";
import { runImportCommand } from "../../../../build/wordpress/command.ts";

const run = promisify(execFile);
const FIXTURE = "tests/fixtures/wordpress";

/** The real command in a process of its own, as a publisher runs it. */
async function importWordpress(...args: string[]) {
  try {
    const { stdout, stderr } = await run("npm", ["run", "-s", "import:wordpress", "--", ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The same command in this process (a child process costs seconds of CPU to start). */
async function command(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runImportCommand(args, {
    log: (line) => (stdout += `${line}\n`),
    error: (line) => (stderr += `${line}\n`),
  });
  return { code, stdout, stderr };
}

const temp = () => mkdtemp(path.join(tmpdir(), "wp-import-"));

async function allText(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), "latin1")),
  );
  return texts.join("\n");
}

describe("npm run import:wordpress", { timeout: 120_000 }, () => {
  it("imports the fixture export: posts, pages, images and comments, and says what it did", async () => {
    const out = path.join(await temp(), "articles");
    const comments = path.join(await temp(), "comments.json");
    const result = await importWordpress(
      `${FIXTURE}/export.xml`,
      ...["--out", out, "--uploads", `${FIXTURE}/uploads`, "--pages", "--comments", comments],
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe(
      "Imported 7 posts and 1 page, skipped 13 (6 attachments, 1 custom type product, 1 draft, " +
        "1 with no text, 1 future, 1 navigation item, 1 password-protected, 1 private); " +
        "5 images: 4 copied, 1 not found under --uploads; " +
        "3 unknown shortcodes (left as text): [foo]×2 [contact-form-7]×1; " +
        `2 approved comments (Offprint does not show comments; written to ${comments})`,
    );
    expect(lines).toContain(
      '"Duplicate News, Again" (https://old.example/2024/06/duplicate-news/): slug "duplicate-news" is already taken; it is now "duplicate-news-2"',
    );
    expect(lines).toContain(
      "(untitled) (https://old.example/2024/05/13/): image https://old.example/wp-content/uploads/2024/05/missing-map.png not found under --uploads",
    );
    expect(lines).toContain("  harbour-lights: 2");

    expect((await readdir(out)).sort()).toEqual([
      "about.md",
      "duplicate-news-2.md",
      "duplicate-news.md",
      "harbour-lights.md",
      "images",
      "post-13.md",
      "privet-mir.md",
      "shortcode-round-up.md",
      "tide-tables.md",
    ]);
    for (const file of (await readdir(out)).filter((f) => f.endsWith(".md"))) {
      expect(parseFrontMatter(await readFile(path.join(out, file), "utf8")).ok, file).toBe(true);
    }
    const written = await allText(out);
    for (const secret of [
      "PROTECTED-",
      "DRAFT-TEXT",
      "FUTURE-TEXT",
      "PRIVATE-TEXT",
      "hunter2",
      "Members Only",
    ]) {
      expect(written).not.toContain(secret);
    }

    const list = JSON.parse(await readFile(comments, "utf8"));
    expect(list).toEqual([
      expect.objectContaining({
        post: "harbour-lights",
        author: "Carol Reed",
        date: "2024-05-02T08:00:00Z",
      }),
      expect.objectContaining({ post: "harbour-lights", author: "Dan", text: "Agreed!" }),
    ]);
    const all = (await readFile(comments, "utf8")) + written + result.stdout;
    expect(all).not.toMatch(/@mail\.example|@old\.example/);
  });

  it("refuses a folder that already has files, and with --force writes over only its own", async () => {
    const out = await temp();
    await writeFile(path.join(out, "mine.md"), "not the importer's");
    const refused = await command(`${FIXTURE}/export.xml`, "--out", out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${out} already has files`);
    expect(refused.stderr).toContain("--force");
    expect(await readdir(out)).toEqual(["mine.md"]);

    const forced = await command(`${FIXTURE}/export.xml`, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(await readFile(path.join(out, "mine.md"), "utf8")).toBe("not the importer's");
    expect(await readdir(out)).toContain("harbour-lights.md");
  });

  it("stops at XML that is not well-formed with file:line: message, and writes nothing", async () => {
    const dir = await temp();
    const bad = path.join(dir, "bad.xml");
    const good = await readFile(`${FIXTURE}/export.xml`, "utf8");
    // Break the file far down, after many complete items: nothing may have been written by then.
    const lines = good.split("\n");
    const at = lines.findIndex((l) => l.includes("<title><![CDATA[About the Gazette]]></title>"));
    lines[at] = "\t\t<title>About <b>the Gazette</title>";
    await writeFile(bad, lines.join("\n"));
    const out = path.join(dir, "out");
    const comments = path.join(dir, "comments.json");
    const result = await importWordpress(bad, "--out", out, "--comments", comments);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^${bad}:${at + 1}: .+`));
    expect(await readdir(dir)).toEqual(["bad.xml"]);
  });

  it("refuses an XML file that is not a WordPress export", async () => {
    const dir = await temp();
    const feed = path.join(dir, "feed.xml");
    await writeFile(
      feed,
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n',
    );
    const result = await command(feed, "--out", path.join(dir, "out"));
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `${feed}:2: not a WordPress export (WXR): the root element is <feed>, not <rss>`,
    );
  });

  it("names a missing export file and a missing uploads folder", async () => {
    const dir = await temp();
    expect((await command(path.join(dir, "nope.xml"))).stderr).toContain(
      "nope.xml: export file not found",
    );
    await mkdir(path.join(dir, "x"));
    const noUploads = await command(
      `${FIXTURE}/export.xml`,
      "--out",
      path.join(dir, "o"),
      "--uploads",
      path.join(dir, "none"),
    );
    expect(noUploads.stderr).toContain("--uploads");
    expect(noUploads.code).toBe(1);
  });
});
