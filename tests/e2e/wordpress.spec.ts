// From WordPress in one command, through the front door: the real `npm run import:wordpress` on the
// fixture export, the real build of what it wrote, and the built app in Chromium.
import { execFile } from "node:child_process";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";

const run = promisify(execFile);
const DIST = `${process.env.E2E_DIST ?? "dist"}-wordpress`;
const CONTENT = `${DIST}-content`;
const FIXTURE = "tests/fixtures/wordpress";

/** Every file under a folder, as text (images included: a secret must not hide in one either). */
async function everything(dir: string): Promise<string> {
  const files = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files.filter((f) => f.isFile()).map((f) => readFile(path.join(f.parentPath, f.name), "latin1")),
  );
  return texts.join("\n");
}

test.describe("an edition imported from WordPress", () => {
  test.describe.configure({ mode: "serial" });
  let host: StaticHost;
  let summary: string;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    await rm(CONTENT, { recursive: true, force: true });
    const { stdout } = await run("npm", [
      ...["run", "-s", "import:wordpress", "--", `${FIXTURE}/export.xml`],
      ...["--out", CONTENT, "--uploads", `${FIXTURE}/uploads`, "--pages"],
    ]);
    summary = stdout.trim().split("\n").at(-1) ?? "";
    await buildApp(DIST, {
      OFFPRINT_CONTENT: CONTENT,
      OFFPRINT_SITE_NAME: "The Old Harbour Gazette",
    });
    host = await serveStatic(DIST, "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test("lists the imported posts and page", async ({ page }) => {
    expect(summary).toMatch(/^Imported 7 posts and 1 page, skipped 13 /);
    await page.goto(host.url);
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(8);
    await expect(page.getByRole("heading", { level: 2, name: "Привет, мир" })).toBeVisible();
  });

  test("shows a classic post with its paragraphs, caption figure and rewritten links", async ({
    page,
  }) => {
    await page.goto(`${host.url}articles/harbour-lights`);
    await expect(
      page.getByRole("heading", { level: 1, name: "Harbour Lights & Night Ferries" }),
    ).toBeVisible();
    await expect(page.getByText("The council paid for new lamps.")).toBeVisible();
    const figure = page.getByRole("figure", { name: "The harbour at dusk, by Ann Lee" });
    const photo = figure.getByRole("img", { name: "The harbour at dusk" });
    await expect(photo).toBeVisible();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    await expect(figure.getByRole("link", { name: "Ann Lee" })).toHaveAttribute(
      "href",
      "https://photos.example/ann",
    );
    await expect(page.getByText("Photo credit: Photo: Ann Lee for the Gazette")).toBeVisible();
    await page.getByRole("link", { name: "the new tide tables" }).click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Tide Tables for the Summer" }),
    ).toBeVisible();
  });

  test("shows a block post with its table, figure, embed link and footnote", async ({ page }) => {
    await page.goto(`${host.url}articles/tide-tables`);
    const table = page
      .getByRole("figure", { name: "Times for the harbour mouth" })
      .getByRole("table");
    await expect(table.getByRole("columnheader", { name: "High water" })).toBeVisible();
    await expect(table.getByRole("row", { name: "Monday 06:12 12:30" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "High and low water" })).toBeVisible();
    await expect(
      page
        .getByRole("figure", { name: "The new crane" })
        .getByRole("img", { name: "A crane on the quay" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Video on YouTube" })).toHaveAttribute(
      "href",
      "https://www.youtube.com/watch?v=tide42",
    );
    await expect(page.getByText("Source: the harbour master.")).toBeVisible();
    await expect(page.getByText("wp:paragraph")).toHaveCount(0);
    // The footnote's number leads to its note (the sanitizer's id prefix once, on both ends).
    const ref = page.locator("sup").getByRole("link").first();
    const target = decodeURIComponent(((await ref.getAttribute("href")) ?? "").slice(1));
    await expect(page.locator(`[id="${target}"]`)).toHaveCount(1);
    await ref.click();
    await expect(page.getByText("Source: the harbour master.")).toBeInViewport();
  });

  test("runs none of the hostile markup an imported post carried", async ({ page }) => {
    await page.goto(`${host.url}articles/shortcode-round-up`);
    await expect(page.getByRole("img", { name: "The gull again" })).toBeVisible();
    await expect(page.getByText("a script link")).toBeVisible();
    await expect(page.getByRole("link", { name: "a script link" })).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
  });

  test("never writes the password-protected post's text, into the content or the site", async () => {
    for (const dir of [CONTENT, DIST]) {
      const all = await everything(dir);
      for (const secret of [
        "PROTECTED-TEXT-7731",
        "PROTECTED-EXCERPT-7731",
        "PROTECTED-COMMENT-7731",
        "Members Only",
      ]) {
        expect(all, `${dir} holds ${secret}`).not.toContain(secret);
      }
    }
  });

  // The block post holds the most structure: a figure around a table, a captioned image, a
  // heading, a quote, code, a footnote and the embed's link.
  for (const slug of ["tide-tables"]) {
    test(`axe finds no violations on the imported article ${slug}`, async ({ page }) => {
      await page.goto(`${host.url}articles/${slug}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      ).toEqual([]);
    });
  }
});
