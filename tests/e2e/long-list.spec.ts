// A long edition's list renders only the rows near the viewport: the document stays small, screen
// readers still hear the list's real length, and scrolling, j/k and "back" behave as on a short list.
import AxeBuilder from "@axe-core/playwright";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { CatalogIndex } from "../../src/catalog/types.ts";
import { catalogFileUrl, type CatalogManifest } from "../../src/catalog/paged.ts";
import { buildApp } from "./build.ts";
import { test, expect } from "./fixtures.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { writeSyntheticEdition } from "./synthetic-edition.ts";

const N = 2000;
// Beside the suite's own build folder, so checkouts running side by side do not share it.
const DIST = `${process.env.E2E_DIST ?? "dist"}-long`;
const CONTENT = `${DIST}-content`;

async function readIndex(): Promise<CatalogIndex> {
  const dir = path.join(DIST, "content");
  const file = (await readdir(dir)).find((f) => /^index-[0-9a-f]+\.json$/.test(f));
  return JSON.parse(await readFile(path.join(dir, file ?? "missing"), "utf8")) as CatalogIndex;
}

/** Waits until the page of the oldest articles is read: the list does so once idle, unscrolled. */
async function oldestPageRead(page: Page): Promise<void> {
  const dir = path.join(DIST, "content");
  const name = (await readdir(dir)).find((f) => /^catalog-[0-9a-f]+\.json$/.test(f));
  const manifest = JSON.parse(
    await readFile(path.join(dir, name ?? "missing"), "utf8"),
  ) as CatalogManifest;
  const oldest = catalogFileUrl(manifest.all.pages[0]);
  await expect
    .poll(() =>
      page.evaluate(() =>
        performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname.slice(1)),
      ),
    )
    .toContain(oldest);
}

/** The list row at a 1-based position, once rendered. */
const row = (page: Page, position: number) =>
  page.getByRole("list", { name: "Latest articles" }).locator(`li[aria-posinset="${position}"]`);

/** The title link of the row at a 1-based position. */
const titleLink = (page: Page, position: number) =>
  row(page, position).getByRole("heading", { level: 2 }).getByRole("link");

test.describe("a list of 2,000 articles", () => {
  let host: StaticHost;
  let titles: string[];
  test.beforeAll(async () => {
    test.setTimeout(300_000);
    await writeSyntheticEdition(N, CONTENT, { paragraphs: 1 });
    await buildApp(DIST, { OFFPRINT_CONTENT: CONTENT });
    titles = (await readIndex()).articles.map((a) => a.title);
    host = await serveStatic(DIST, "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test.beforeEach(async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await expect(titleLink(page, 1)).toHaveText(titles[0]);
  });

  test("keeps fewer than 1,400 elements in the document and tells its real length", async ({
    page,
  }) => {
    const elements = await page.evaluate(() => document.querySelectorAll("*").length);
    expect(elements).toBeLessThan(1400);
    const first = page.getByRole("list", { name: "Latest articles" }).getByRole("listitem").first();
    await expect(first).toHaveAttribute("aria-posinset", "1");
    await expect(first).toHaveAttribute("aria-setsize", String(N));
    await expect(row(page, N)).toHaveCount(0);
  });

  test("scrolled to the bottom, shows the last article", async ({ page }) => {
    const last = page.getByRole("heading", { level: 2, name: titles[N - 1], exact: true });
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await expect(last).toBeInViewport({ timeout: 1000 });
    }).toPass();
    await expect(row(page, N)).toHaveAttribute("aria-setsize", String(N));
    await expect(row(page, 1)).toHaveCount(0);
    expect(await page.evaluate(() => document.querySelectorAll("*").length)).toBeLessThan(1400);
  });

  test("reads the oldest articles ahead, so jumping to the end needs no connection", async ({
    page,
  }) => {
    await oldestPageRead(page);
    // From here the catalog cannot be fetched: the end of the list shows from what was read.
    const asked: string[] = [];
    await page.route("**/content/catalog/**", (route) => {
      asked.push(new URL(route.request().url()).pathname);
      return route.abort();
    });
    // The End key alone reaches the very end, and asks for no page it passes on the way.
    await page.keyboard.press("End");
    const last = page.getByRole("heading", { level: 2, name: titles[N - 1], exact: true });
    await expect(last).toBeInViewport();
    await expect
      .poll(() =>
        page.evaluate(() => document.documentElement.scrollHeight - innerHeight - scrollY),
      )
      .toBeLessThanOrEqual(2);
    expect(asked, "catalog files asked for on the way to the end").toEqual([]);
  });

  test("a fling reads only the articles where it comes to rest, not the pages it passes", async ({
    page,
  }) => {
    await oldestPageRead(page);
    const asked: string[] = [];
    page.on("request", (r) => r.url().includes("/content/catalog/") && asked.push(r.url()));
    // A mouse drag of 200,000 px at 100,000 px/s: past seven pages of 100 articles.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.synthesizeScrollGesture", {
      x: 600,
      y: 400,
      yDistance: -200_000,
      speed: 100_000,
      gestureSourceType: "mouse",
    });
    const shown = page.getByRole("list", { name: "Latest articles" }).getByRole("listitem");
    await expect(shown.first()).not.toHaveAttribute("aria-posinset", "1");
    await expect(page.getByText("Loading…")).toHaveCount(0);
    // Where it rests, the rows in view and past its edges can span two pages; one more allows for
    // a stall of the machine longer than the list's wait for rest.
    console.log(`a fling of 200,000 px over ${N} articles: ${asked.length} catalog files read`);
    expect(asked.length, asked.join("\n")).toBeLessThanOrEqual(3);
  });

  test("j and k move the focus past the rows rendered at first", async ({ page }) => {
    const past = 40;
    for (let i = 0; i < past; i++) await page.keyboard.press("j");
    await expect(titleLink(page, past)).toBeFocused();
    await expect(titleLink(page, past)).toHaveText(titles[past - 1]);
    await expect(row(page, 1)).toHaveCount(0);
    for (let i = 1; i < past; i++) await page.keyboard.press("k");
    await expect(titleLink(page, 1)).toBeFocused();
  });

  test("back from an article shows the same articles at the same place", async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, 150_000));
    // The first row wholly in view once the rows for that offset are rendered.
    const before = await page.evaluate(async () => {
      for (;;) {
        await new Promise(requestAnimationFrame);
        const rows = [...document.querySelectorAll<HTMLElement>("ol.articles > li")];
        const shown = rows.find((li) => li.getBoundingClientRect().top >= 0);
        // Rows still loading (pages read on demand) may yet change height: wait for them.
        const loading = rows.some((li) => li.ariaBusy === "true");
        if (!loading && shown && shown.getBoundingClientRect().bottom <= innerHeight) {
          return { position: shown.ariaPosInSet ?? "", top: shown.getBoundingClientRect().top };
        }
      }
    });
    expect(Number(before.position)).toBeGreaterThan(100);
    await titleLink(page, Number(before.position)).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      titles[Number(before.position) - 1],
    );
    await page.goBack();
    const shown = row(page, Number(before.position));
    await expect(shown).toBeInViewport();
    const top = await shown.evaluate((li) => li.getBoundingClientRect().top);
    expect(Math.abs(top - before.top)).toBeLessThan(2);
  });

  test("bookmarks, the filters and Mark all as read work on the windowed list", async ({
    page,
  }) => {
    await page.getByRole("button", { name: `Bookmark: ${titles[2]}`, exact: true }).click();
    await expect(
      page.getByRole("button", { name: `Bookmark: ${titles[2]}`, exact: true }),
    ).toHaveAttribute("aria-pressed", "true");
    const filters = page.getByRole("navigation", { name: "Filter articles" });
    await filters.getByRole("link", { name: /^Saved/ }).click();
    await expect(page.getByRole("heading", { level: 2 })).toHaveText([titles[2]]);
    await filters.getByRole("link", { name: /^Unread/ }).click();
    await expect(titleLink(page, 1)).toHaveText(titles[0]);
    await expect(row(page, 1)).toHaveAttribute("aria-setsize", String(N));
    await expect(row(page, 1).getByText("Unread", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Mark all as read" }).click();
    await expect(page.getByText("You have read everything here.")).toBeVisible();
    await filters.getByRole("link", { name: /^All/ }).click();
    await expect(titleLink(page, 1)).toHaveText(titles[0]);
    await expect(row(page, 1).getByText("Unread", { exact: true })).toHaveCount(0);
  });

  test("axe finds no violations on the windowed list", async ({ page }) => {
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
    ).toEqual([]);
  });

  test("without JavaScript, / and a category list their newest articles in a page that does not grow with the edition", async ({
    browser,
  }) => {
    const index = await readIndex();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [at, name, articles] of [
      ["", "Latest articles", index.articles],
      [
        `category/${index.articles[0].categorySlug}`,
        index.articles[0].category,
        index.articles.filter((a) => a.categorySlug === index.articles[0].categorySlug),
      ],
    ] as const) {
      await page.goto(`${host.url}${at}`);
      const links = page
        .getByRole("list", { name })
        .getByRole("heading", { level: 2 })
        .getByRole("link");
      expect(await links.count()).toBeGreaterThanOrEqual(20);
      await expect(links.first()).toHaveText(articles[0].title);
      await expect(page.getByText("This page could not be loaded")).toHaveCount(0);
      // The newest screenful, not the whole list: the page's size is bounded (bytes on disk).
      const file = path.join(DIST, at ? `${at}.html` : "index.html");
      expect((await readFile(file)).length).toBeLessThan(80_000);
    }
    await context.close();
  });
});
