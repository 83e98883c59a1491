// Every page the build writes carries its route's first screen, rendered on the server
// (build/prerender.ts): `/` shows the newest articles before any script has run, and the app takes
// their place when ready.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";

const NEWEST = "Letter from a Mountain Hut";

// page.route cannot hold what a service worker serves; these tests are about the first visit.
test.use({ serviceWorkers: "block" });

/** Holds every script of the app until `release()` is called (a slow network, made exact). */
async function holdScripts(page: Page): Promise<() => void> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await gate;
    await route.continue().catch(() => undefined); // the page may be gone by then
  });
  return release;
}

test("without JavaScript, / still lists the newest articles as links", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Latest articles" })).toBeVisible();
  const links = page
    .getByRole("list", { name: "Latest articles" })
    .getByRole("heading", { level: 2 })
    .getByRole("link");
  expect(await links.count()).toBeGreaterThanOrEqual(20);
  await expect(links.first()).toHaveText(NEWEST);
  await expect(links.first()).toHaveAttribute("href", "/articles/letter-from-a-mountain-hut");
  await context.close();
});

test("the first screen shows before the app's code arrives, and gives way to the app", async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto("/", { waitUntil: "commit" }); // "load" waits for the held scripts
  const newest = page.getByRole("link", { name: NEWEST });
  await expect(newest).toBeVisible();
  await expect(page.locator("#first-screen")).toHaveCount(1);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);

  // A reader who starts typing a search before the app is ready keeps what they typed.
  const box = page.getByRole("searchbox", { name: "Search" });
  await box.fill("lighthouse");
  release();
  await expect(page.locator("#first-screen")).toHaveCount(0);
  await expect(box).toHaveValue("lighthouse");
  await expect(box).toBeFocused();
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);

  // The app's own controls answer now.
  const bookmark = page.getByRole("button", { name: `Bookmark: ${NEWEST}` });
  await bookmark.click();
  await expect(bookmark).toHaveAttribute("aria-pressed", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=lighthouse$/);
  await expect(page.getByRole("link", { name: /The Lighthouse Problem/ })).toBeVisible();
});

for (const [path, heading] of [
  ["/saved", "Saved"],
  ["/?filter=unread", undefined],
  ["/articles/letter-from-a-mountain-hut", NEWEST],
] as const) {
  test(`${path} never shows the first screen of /, even before the app is ready`, async ({
    page,
  }) => {
    await holdScripts(page);
    await page.goto(path, { waitUntil: "commit" });
    await expect(page.getByRole("heading", { name: "Latest articles" })).toHaveCount(0);
    if (heading) {
      // Its own page, written by the build, shows instead.
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    } else {
      // Served index.html for another address: the copy of `/` is parsed, and hidden.
      await expect(page.locator("#first-screen")).toHaveCount(1);
      await expect(page.locator("#first-screen")).toBeHidden();
      await expect(page.getByRole("link", { name: NEWEST })).toHaveCount(0);
    }
  });
}

test("only the filter being shown is marked as the current page", async ({ page }) => {
  await page.goto("/?filter=unread");
  const filters = page.getByRole("navigation", { name: "Filter articles" });
  await expect(filters.getByRole("link", { name: /^Unread/ })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(filters.locator('[aria-current="page"]')).toHaveCount(1);
  await filters.getByRole("link", { name: /^All/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(filters.getByRole("link", { name: /^All/ })).toHaveAttribute("aria-current", "page");
  await expect(filters.locator('[aria-current="page"]')).toHaveCount(1);
});
