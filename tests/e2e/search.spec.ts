// Search and keyboard (issue 7, points 1 and 2) on the built app with its real service worker.
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";

const SPACE = "US, Russia To Hold Space Security Talks";

const results = (page: Page) =>
  page.getByRole("list", { name: "Search results" }).getByRole("article");
const searchBox = (page: Page) => page.getByRole("searchbox", { name: "Search" });
const cardLinks = (page: Page) =>
  page.getByRole("list", { name: "Latest articles" }).getByRole("heading", { level: 2 });

test("search works offline once the service worker controls the page", async ({
  page,
  context,
  problems,
}) => {
  problems.allow.push(/ERR_INTERNET_DISCONNECTED/);
  await page.goto("/");
  await expect(cardLinks(page).first()).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 20_000,
    })
    .toBe(true);
  // The first page did not fetch the index: it costs the first load nothing.
  const fetched = await page.evaluate(() =>
    performance.getEntriesByType("resource").map((e) => e.name),
  );
  expect(fetched.filter((url) => /\/content\/search-/.test(url))).toEqual([]);

  await context.setOffline(true);
  await searchBox(page).fill("vienaa");
  await searchBox(page).press("Enter");
  await expect(page).toHaveURL(/\/search\?q=vienaa$/);
  await expect(results(page).first().getByRole("heading", { level: 2 })).toHaveText(SPACE);
  await expect(results(page).first().locator("mark").first()).toHaveText(/vienna/i);

  // And a reload of the results page offline still searches.
  await page.reload();
  await expect(results(page).first().getByRole("heading", { level: 2 })).toHaveText(SPACE);
  await expect(page.getByRole("status").filter({ hasText: /results? for “vienaa”/ })).toBeVisible();
});

test("typing on /search updates the results and the URL; a hostile query stays text", async ({
  page,
}) => {
  await page.goto("/search");
  await expect(page.getByRole("heading", { level: 1, name: "Search" })).toBeVisible();
  await searchBox(page).fill("sourd");
  await expect(results(page).first().getByRole("heading", { level: 2 })).toContainText("Sourdough");
  await expect(page).toHaveURL(/\?q=sourd$/);
  await searchBox(page).fill("<img src=x onerror=alert(1)>");
  await expect(page.getByText("0 results for “<img src=x onerror=alert(1)>”")).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
});

test("/ focuses the search box from any page, without typing the slash", async ({ page }) => {
  await page.goto("/articles/us-russia-space-security-talks");
  await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
  await page.keyboard.press("/");
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue("");
});

test("? opens the shortcuts dialog; Escape closes it and the focus returns", async ({ page }) => {
  await page.goto("/");
  await expect(cardLinks(page).first()).toBeVisible();
  await page.keyboard.press("j");
  const first = cardLinks(page).first().getByRole("link");
  await expect(first).toBeFocused();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("kbd")).toHaveText([
    "j",
    "k",
    "o",
    "Enter",
    "s",
    "m",
    "h",
    "u",
    "/",
    "?",
  ]);
  // Modal: the page behind is inert, so j does not move the focus behind the dialog.
  await page.keyboard.press("j");
  await expect(first).not.toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(first).toBeFocused();
});

test("j and k move a visible focus between cards and o opens the article", async ({ page }) => {
  await page.goto("/");
  await expect(cardLinks(page).first()).toBeVisible();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const second = cardLinks(page).nth(1).getByRole("link");
  await expect(second).toBeFocused();
  // The focus ring is drawn (a real outline, not just focus).
  const outline = await second.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  const title = await second.textContent();
  await page.keyboard.press("o");
  await expect(page.getByRole("heading", { level: 1, name: title ?? "" })).toBeVisible();
  await expect(page).toHaveURL(/\/articles\//);
  await page.keyboard.press("u");
  await expect(page.getByRole("heading", { level: 1, name: "Latest articles" })).toBeVisible();
});
