// Every address is a real page: the build writes each route's HTML from the app's own components
// (build/prerender.ts), so a reader with JavaScript off (and a search engine, a link preview) reads
// the article, the category and the newest articles without any script.
import type { Browser, Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";

const SLUG = "a-short-history-of-the-bicycle-bell";
const TITLE = "Ding: A Short History of the Bicycle Bell";

/** A page in a browser with JavaScript disabled. */
async function withoutJavaScript(browser: Browser, baseURL?: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  return context.newPage();
}

test.describe("without JavaScript", () => {
  test("an article shows its title, meta line, figure with credit and its whole body", async ({
    browser,
    baseURL,
  }) => {
    const page = await withoutJavaScript(browser, baseURL);
    const response = await page.goto(`/articles/${SLUG}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${TITLE} · Offprint`);
    const article = page.getByRole("article");
    await expect(article.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await expect(article.getByRole("link", { name: "Technology" })).toBeVisible();
    await expect(article.locator("time")).toHaveText("November 2, 2023");
    await expect(article.getByText("By Anneliese Provost")).toBeVisible();
    const figure = article.getByRole("figure");
    await expect(figure.getByRole("img", { name: /brass bicycle bell/ })).toBeVisible();
    await expect(figure).toContainText("Photo credit: Illustration by Mateo Lindgren for Offprint");
    // The body from its first paragraph to its last.
    await expect(article.getByRole("heading", { level: 2, name: "Before the ring" })).toBeVisible();
    await expect(article.getByText(/^Of all the parts of a bicycle/)).toBeVisible();
    await expect(article.getByText(/a small brass dome can carry\.$/)).toBeVisible();
    // The reply form cannot work without script, and says so.
    await expect(page.getByText("Replies need JavaScript: turn it on to write one.")).toBeVisible();
    await expect(page.getByRole("textbox", { name: /Comment/ })).toHaveCount(0);
    await page.context().close();
  });

  test("a category lists its newest articles as links", async ({ browser, baseURL }) => {
    const page = await withoutJavaScript(browser, baseURL);
    await page.goto("/category/technology");
    await expect(page.getByRole("heading", { level: 1, name: "Technology" })).toBeVisible();
    const links = page
      .getByRole("list", { name: "Technology" })
      .getByRole("heading", { level: 2 })
      .getByRole("link");
    await expect(links.filter({ hasText: TITLE })).toHaveAttribute("href", `/articles/${SLUG}`);
    expect(await links.count()).toBeGreaterThan(1);
    await page.context().close();
  });

  test("/ lists at least twenty newest articles as links that open without JavaScript", async ({
    browser,
    baseURL,
  }) => {
    const page = await withoutJavaScript(browser, baseURL);
    await page.goto("/");
    const links = page
      .getByRole("list", { name: "Latest articles" })
      .getByRole("heading", { level: 2 })
      .getByRole("link");
    expect(await links.count()).toBeGreaterThanOrEqual(20);
    await links.filter({ hasText: TITLE }).click();
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    await page.context().close();
  });

  test("controls that need the app are disabled; links and the search box still work", async ({
    browser,
    baseURL,
  }) => {
    const page = await withoutJavaScript(browser, baseURL);
    await page.goto("/");
    await expect(page.getByRole("button", { name: "Mark all as read" })).toBeDisabled();
    await expect(page.getByRole("button", { name: `Bookmark: ${TITLE}` })).toBeDisabled();
    await page.goto("/settings");
    await expect(page.getByRole("radio", { name: "Dark" })).toBeDisabled();
    await expect(page.getByRole("link", { name: "Saved" })).toBeEnabled();

    // The header's search box leads to the search page, which says why it finds nothing.
    const box = page.getByRole("searchbox", { name: "Search" });
    await box.fill("bell");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=bell$/);
    await expect(page.getByText(/^Searching needs JavaScript/)).toBeVisible();
    await page.getByRole("link", { name: "listed here" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Latest articles" })).toBeVisible();

    // The highlights are in the browser's storage: the page says why it shows none.
    await page.goto("/highlights");
    await expect(page.getByText(/^Your highlights are kept in this browser/)).toBeVisible();
    await page.context().close();
  });
});

test("with JavaScript, the app takes the place of an article's static page", async ({
  page,
  problems,
}) => {
  // The body's file cannot be had: the app needs only what the page carries. (Keeping the
  // article offline, beside, copies the file when it can; here it fails, and says so in the log.)
  problems.allow.push(/Failed to load resource/);
  await page.route(/\/content\/articles\//, (route) => route.abort());
  await page.goto(`/articles/${SLUG}`);
  await expect(page.locator("#first-screen")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await expect(page.getByLabel("Comment *")).toBeVisible();
  // The body came with the page: the app shows the static copy's, with the body's own ids.
  await expect(page.locator(".prose")).toContainText("a small brass dome can carry.");
  expect(await page.locator(".prose [id^='first-'], .prose [href^='#first-']").count()).toBe(0);
  // The app's own controls work; nothing of the static copy's disabled ones is left.
  await expect(page.getByRole("button", { name: "Bookmark", exact: true })).toBeEnabled();
  await expect(page.locator("fieldset.static-controls")).toHaveCount(0);
  await page.goto("/search");
  await expect(page.getByText(/^Searching needs JavaScript/)).toHaveCount(0);
  await page.goto("/highlights");
  await expect(page.getByText("No highlights yet.", { exact: false })).toBeVisible();
  await expect(page.getByText(/^Your highlights are kept in this browser/)).toHaveCount(0);
});

/**
 * Where the page's headings and first paragraph of body sit: what a reader's eye follows. With
 * `painted`, read in an animation frame, as the next paint shows them: between two of the app's
 * tasks a page can be in a state no frame shows. (A page without JavaScript runs no frames.)
 */
async function landmarks(page: Page, painted = false): Promise<string[]> {
  return page.evaluate((painted) => {
    const read = () =>
      [...document.querySelectorAll("main h1, main h2, main legend, main .prose > p:first-of-type")]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => `${el.tagName} ${Math.round(el.getBoundingClientRect().top)}`);
    return painted
      ? new Promise<string[]>((resolve) => requestAnimationFrame(() => resolve(read())))
      : read();
  }, painted);
}

// A lazily loaded page's own stylesheet is linked by its static copy: without it the copy showed
// unstyled parts (the article's reading-progress bar in the flow) and the page moved at take-over.
for (const address of [
  `/articles/${SLUG}`,
  "/settings",
  "/search",
  "/drafts",
  "/saved",
  "/highlights",
]) {
  test(`${address}: nothing moves when the app takes the static copy's place`, async ({
    browser,
    page,
    baseURL,
  }) => {
    const still = await withoutJavaScript(browser, baseURL);
    await still.setViewportSize(page.viewportSize()!);
    await still.goto(address);
    const before = await landmarks(still);
    expect(before.length).toBeGreaterThan(0);
    await still.context().close();
    await page.goto(address);
    await expect(page.locator("#first-screen")).toHaveCount(0);
    expect(await landmarks(page, true)).toEqual(before);
  });
}
