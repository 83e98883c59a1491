// Renamed and removed articles (issue 14, finding 5) in the built app: a reader reads, bookmarks,
// drafts and scrolls edition A; edition B renames `x` to `y` (front matter `aliases: [x]`) and
// removes `z`. After the update, in the same browser profile, the old address leads to the new
// one (online and offline), everything the reader kept under `x` is on `y`, and /saved and /drafts
// show `z` under "No longer in this edition" with its title and the whole draft.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { getRaw } from "./stored-records.ts";

const A = "dist-moved-a";
const B = "dist-moved-b";
const X = "The Moving Article";
const Y = "The Moved Article";
const Z = "The Removed Article";
const STEADY = "A Steady Article";
const X_DRAFT = "My reply to the article before it moved.";
const Z_DRAFT =
  "First line of a reply to the removed article.\nSecond line, which must be kept too.";

const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of a long article. `.repeat(12)).join(
    "\n\n",
  );
const article = (title: string, date: string, more = "") =>
  `---\ntitle: "${title}"\ndate: ${date}\ncategory: General\n${more}---\n${paragraphs(40)}\n`;

/** Writes a content folder: file name → Markdown. */
async function content(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "offprint-moved-"));
  for (const [name, md] of Object.entries(files)) await writeFile(path.join(dir, name), md);
  return dir;
}

/** Every read mark, slug → time, from all chunks of the read-marks database. */
function readMarks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open("offprint-reads");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("records").objectStore("records").getAll();
          all.onsuccess = () => {
            open.result.close();
            resolve(Object.assign({}, ...all.result.map((c: { marks: object }) => c.marks)));
          };
        };
      }),
  );
}

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const comment = (page: Page) => page.getByLabel("Comment *");
const gone = (page: Page) => page.getByRole("region", { name: "No longer in this edition" });

async function axeClean(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test.describe("an edition that renames one article and removes another", () => {
  test.describe.configure({ mode: "serial" });
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const a = await content({
      "x.md": article(X, "2026-03-02"),
      "z.md": article(Z, "2026-03-01"),
      "w.md": article(STEADY, "2026-02-01"),
    });
    const b = await content({
      "y.md": article(Y, "2026-03-02", "aliases: [x]\n"),
      "w.md": article(STEADY, "2026-02-01"),
    });
    try {
      await Promise.all([
        buildApp(A, { OFFPRINT_CONTENT: a }),
        buildApp(B, { OFFPRINT_CONTENT: b }),
      ]);
    } finally {
      await Promise.all([a, b].map((dir) => rm(dir, { recursive: true, force: true })));
    }
    host = await serveStatic(A);
  });
  test.afterAll(() => host?.close());

  test("carries the reader's data to the new address and keeps the removed article's", async ({
    page,
    context,
    problems,
  }) => {
    test.setTimeout(90_000);
    // Reading offline at the end: the browser logs the requests it could not make.
    problems.allow.push(/ERR_INTERNET_DISCONNECTED|Failed to load resource/);

    // Edition A: read, bookmark, draft and scroll half way through x; bookmark and draft z.
    await page.goto(`${host.url}articles/x`);
    await expect(heading(page, X)).toBeVisible();
    await page.getByRole("button", { name: "Bookmark" }).click();
    await comment(page).fill(X_DRAFT);
    await page.evaluate(() => scrollTo(0, (document.body.scrollHeight - innerHeight) / 2));
    await expect.poll(() => getRaw(page, "offprint-positions", "x")).toMatchObject({ v: 1 });
    await expect
      .poll(() => getRaw(page, "offprint-drafts", "x"))
      .toMatchObject({ fields: { comment: X_DRAFT }, title: X });
    const { progress } = (await getRaw(page, "offprint-positions", "x")) as { progress: number };
    const readAt = (await readMarks(page)).x;
    expect(readAt).toBeGreaterThan(0);

    await page.goto(`${host.url}articles/z`);
    await expect(heading(page, Z)).toBeVisible();
    await page.getByRole("button", { name: "Bookmark" }).click();
    await comment(page).fill(Z_DRAFT);
    await expect
      .poll(() => getRaw(page, "offprint-drafts", "z"))
      .toMatchObject({ fields: { comment: Z_DRAFT }, title: Z });
    await expect.poll(() => getRaw(page, "offprint-bookmarks", "z")).toMatchObject({ title: Z });
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);

    // Edition B is deployed; the reader takes the update the app offers.
    host.setRoot(B);
    await page.goto(host.url);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByRole("status").filter({ hasText: "A new version is available" });
    await prompt.getByRole("button", { name: "Reload" }).click();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 2, name: Y })).toBeVisible();

    // The old address leads to the new one, in place of it: Back goes to the list.
    await page.goto(`${host.url}articles/x`);
    await expect(heading(page, Y)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/articles/y");
    await expect(page.getByRole("button", { name: "Bookmark" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(comment(page)).toHaveValue(X_DRAFT);
    // Back at the place the reader had reached in x.
    const bar = page.getByRole("progressbar", { name: "Reading progress" });
    await expect
      .poll(async () => Number(await bar.getAttribute("value")))
      .toBe(Math.round(progress * 100));
    const marks = await readMarks(page);
    expect(marks.y).toBe(readAt); // x's read mark, not a new one made by opening y
    expect(marks.x).toBeUndefined();
    expect(await getRaw(page, "offprint-bookmarks", "x")).toBeUndefined();
    // z's read mark is kept, noted as missing since now (dropped only after 90 days).
    await expect
      .poll(() => getRaw(page, "offprint-orphans", "missing"))
      .toMatchObject({ v: 1, since: { z: expect.any(Number) } });
    expect((await getRaw(page, "offprint-orphans", "missing")) as object).not.toHaveProperty(
      "since.y",
    );
    expect((await readMarks(page)).z).toBeGreaterThan(0);
    // All of it found through the slug shards of the reader's own slugs: the whole catalog, which
    // grows with the archive, was not fetched.
    const fetchedPaths = await page.evaluate(() =>
      performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname),
    );
    expect(fetchedPaths.filter((p) => p.startsWith("/content/index-"))).toEqual([]);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 2, name: Y })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/");

    // /saved: y among the saved articles; z under "No longer in this edition", and Remove works.
    await page.getByRole("link", { name: "Saved", exact: true }).click();
    await expect(
      page.getByRole("list", { name: "Saved articles" }).getByRole("heading", { name: Y }),
    ).toBeVisible();
    await expect(gone(page).getByRole("heading", { level: 3, name: Z })).toBeVisible();
    await axeClean(page);
    await gone(page)
      .getByRole("button", { name: `Remove bookmark: ${Z}` })
      .click();
    await expect(gone(page)).toHaveCount(0);
    await expect.poll(() => getRaw(page, "offprint-bookmarks", "z")).toBeUndefined();

    // /drafts: y's draft in the list; z's whole text under "No longer in this edition".
    await page.getByRole("link", { name: "Drafts", exact: true }).click();
    await expect(
      page.getByRole("list", { name: "Drafts" }).getByRole("link", { name: Y }),
    ).toBeVisible();
    const entry = gone(page).getByRole("listitem").filter({ hasText: Z });
    await expect(entry.getByRole("heading", { level: 3, name: Z })).toBeVisible();
    await expect(entry.getByText("Second line, which must be kept too.")).toBeVisible();
    await expect(entry).toContainText(Z_DRAFT.split("\n")[0]);
    await axeClean(page);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await entry.getByRole("button", { name: `Copy draft: ${Z}` }).click();
    await expect(page.getByText("Copied to the clipboard")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(Z_DRAFT);
    await entry.getByRole("button", { name: `Discard draft: ${Z}` }).click();
    await expect(gone(page)).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(gone(page).getByText("Second line, which must be kept too.")).toBeVisible();

    // Offline, the old address still leads to the new one.
    await context.setOffline(true);
    await page.goto(`${host.url}articles/x`);
    await expect(heading(page, Y)).toBeVisible();
    expect(new URL(page.url()).pathname).toBe("/articles/y");
    await context.setOffline(false);

    // "Delete all my data" empties the reader's offline copies too.
    expect(await page.evaluate(() => caches.has("offprint-content"))).toBe(true);
    await page.goto(`${host.url}settings`);
    const data = page.getByRole("region", { name: "Your data" });
    await data.getByRole("button", { name: "Delete all my data" }).click();
    await data.getByRole("button", { name: "Delete everything" }).click();
    await expect
      .poll(() =>
        page.evaluate(async () =>
          caches
            .has("offprint-content")
            .then(async (has) =>
              has ? (await (await caches.open("offprint-content")).keys()).length : 0,
            ),
        ),
      )
      .toBe(0);
  });
});
