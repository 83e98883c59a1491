// Reading comfort in a real browser: the position in an article is kept and comes back, reading
// settings apply before the first paint, and the reader's data goes out to a file and back.
import { readFile } from "node:fs/promises";
import { test, expect } from "./fixtures.ts";
import { getRaw } from "./stored-records.ts";
import type { Page } from "@playwright/test";

const LONG = "/articles/night-trains-return-to-europe";
const SHOTS = process.env.COMFORT_SHOTS; // a folder: also take the review screenshots

async function openLong(page: Page): Promise<void> {
  await page.goto(LONG);
  await expect(page.locator(".prose p").first()).toBeVisible();
}

const progress = (page: Page) => page.getByRole("progressbar", { name: "Reading progress" });

test("reopening an article returns to where the reader left it, and the list offers it", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const title = "Sleeping Across a Continent: The Return of Europe's Night Trains";
  await page
    .getByRole("list", { name: "Latest articles" })
    .getByRole("link", { name: title })
    .click();
  await expect(page.locator(".prose p").first()).toBeVisible();
  await expect(progress(page)).toHaveAttribute("value", "0");
  const end = await page.evaluate(() => {
    const prose = document.querySelector(".prose") as HTMLElement;
    return prose.getBoundingClientRect().bottom + scrollY - innerHeight;
  });
  const y = Math.round(end * 0.4);
  await page.mouse.wheel(0, y);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(y - 5);
  const left = await page.evaluate(() => scrollY);
  await expect(progress(page)).toHaveAttribute("value", String(Math.round((left / end) * 100)));

  // Going back to the list (a route change) keeps the place; the list offers the article again.
  await page.goBack();
  const continuing = page.getByRole("region", { name: "Continue reading" });
  await expect(continuing.getByRole("link", { name: title })).toBeVisible();
  await expect(continuing.getByText(/^\d+% read$/)).toHaveText(
    `${Math.round((left / end) * 100)}% read`,
  );
  await continuing.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(left - 3);
  expect(Math.abs((await page.evaluate(() => scrollY)) - left)).toBeLessThanOrEqual(2);

  // A reload (pagehide) keeps the latest place too, within the throttle.
  await page.mouse.wheel(0, 600);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(left + 500);
  const later = await page.evaluate(() => scrollY);
  await page.reload();
  await expect(page.locator(".prose p").first()).toBeVisible();
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(later - 3);
  expect(Math.abs((await page.evaluate(() => scrollY)) - later)).toBeLessThanOrEqual(2);
});

test.describe("with the service worker kept out (page.route cannot hold what it serves)", () => {
  test.use({ serviceWorkers: "block" });

  test("settings survive a reload and the first paint already has them", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/settings");
    await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").check();
    await page.getByRole("group", { name: "Text size" }).getByLabel("Largest").check();
    await page.getByRole("group", { name: "Font" }).getByLabel("Sans-serif").check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    // Kept on the device before the reload.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise((resolve) => {
              const req = indexedDB.open("offprint-settings");
              req.onsuccess = () => {
                const get = req.result.transaction("records").objectStore("records").get("reading");
                get.onsuccess = () => resolve(get.result?.theme);
              };
            }),
        ),
      )
      .toBe("dark");

    // Hold the app's own script back: whatever the page shows now comes from theme.js and the CSS.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(LONG, { waitUntil: "commit" });
    await page.waitForFunction(() => document.readyState !== "loading" || !!document.body);
    // Wait for the stylesheet itself (its custom properties), not just for <body> to exist.
    await page.waitForFunction(
      () =>
        getComputedStyle(document.documentElement).getPropertyValue("--measure-em").trim() !== "",
    );
    const first = await page.evaluate(() => ({
      app: document.getElementById("app")?.childElementCount ?? -1,
      theme: document.documentElement.dataset.theme,
      size: document.documentElement.dataset.textSize,
      font: document.documentElement.dataset.font,
      background: getComputedStyle(document.body).backgroundColor,
      textSize: getComputedStyle(document.documentElement).getPropertyValue("--text-size").trim(),
    }));
    expect(first).toEqual({
      app: 0, // the app has not rendered anything yet
      theme: "dark",
      size: "largest",
      font: "sans",
      background: "rgb(22, 20, 18)",
      textSize: "1.5rem",
    });
    release();
    await expect(page.locator(".prose p").first()).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.locator(".prose")).toHaveCSS("font-size", "24px");
    await page.unroute(/\/assets\/index-[^/]+\.js$/);
  });
});

test("Download my data, Delete all my data, then Import brings it all back", async ({ page }) => {
  await page.goto(LONG);
  const bookmark = page.getByRole("button", { name: "Bookmark", exact: true });
  await bookmark.click();
  await expect(bookmark).toHaveAttribute("aria-pressed", "true");
  // A highlight with a note goes out with the rest, and comes back.
  await page
    .locator(".prose p")
    .first()
    .dblclick({ position: { x: 20, y: 5 } });
  await page
    .getByRole("toolbar", { name: "Selected text" })
    .getByRole("button", { name: "Add note" })
    .click();
  await page.getByLabel("Note").fill("<i>kept</i>");
  await page.getByRole("button", { name: "Close" }).click();
  await expect(page.locator("mark.highlight.has-note")).toHaveCount(1);
  const quote = await page.locator("mark.highlight").textContent();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("group", { name: "Theme" }).getByLabel("Dark").check();
  const data = page.getByRole("region", { name: "Your data" });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    data.getByRole("button", { name: "Download my data" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^offprint-data-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved).toMatchObject({ app: "offprint", schemaVersion: 3, settings: { theme: "dark" } });
  expect(Object.keys(saved.bookmarks)).toEqual(["night-trains-return-to-europe"]);
  expect(Object.keys(saved.reads)).toContain("night-trains-return-to-europe");
  expect(saved.highlights["night-trains-return-to-europe"].highlights).toMatchObject([
    { note: "<i>kept</i>", quote: { exact: quote } },
  ]);

  await data.getByRole("button", { name: "Delete all my data" }).click();
  await data.getByRole("button", { name: "Delete everything" }).click();
  await expect(data.getByText("All your data was deleted from this device.")).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  expect(await page.evaluate(() => localStorage.getItem("offprint-settings"))).toBeNull();
  expect(
    await getRaw(page, "offprint-highlights", "night-trains-return-to-europe"),
  ).toBeUndefined();

  await data.getByLabel("Import").setInputFiles(file);
  await expect(data.getByText("Bookmarks: 1 new")).toBeVisible();
  await expect(data.getByText("Highlights: 1 new")).toBeVisible();
  await data.getByRole("button", { name: "Apply import" }).click();
  await expect(data.getByText(/^Imported “/)).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  // Undo import puts the device back as it was before it, then the same file imports again.
  await data.getByRole("button", { name: "Undo import" }).click();
  await expect(
    data.getByText("The import was undone: everything is as it was before it."),
  ).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /./);
  await data.getByLabel("Import").setInputFiles(file);
  await data.getByRole("button", { name: "Apply import" }).click();
  await expect(data.getByText(/^Imported “/)).toBeVisible();
  await page.getByRole("link", { name: "Saved" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /night trains/i })).toBeVisible();
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Highlights" })
    .click();
  await expect(page.getByRole("link", { name: quote!.trim() })).toBeVisible();
  await expect(page.getByText("<i>kept</i>")).toBeVisible();
});

test("a bad import file is refused with a clear message", async ({ page }) => {
  await page.goto("/settings");
  const data = page.getByRole("region", { name: "Your data" });
  await data.getByLabel("Import").setInputFiles({
    name: "evil.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"app":"offprint","schemaVersion":1,"constructor":{"prototype":{"x":1}}}'),
  });
  await expect(data.getByRole("alert")).toHaveText(/key named “(constructor|prototype)”/);
  await expect(data.getByRole("button", { name: "Apply import" })).toHaveCount(0);
});

if (SHOTS) {
  for (const scheme of ["light", "dark"] as const) {
    for (const width of [390, 1280]) {
      test(`screenshots of settings and an article (${scheme}, ${width})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height: 900 });
        await page.goto("/settings");
        await expect(page.getByRole("group", { name: "Theme" })).toBeVisible();
        await page.screenshot({ path: `${SHOTS}/settings-${scheme}-${width}.png`, fullPage: true });
        await openLong(page);
        await page.mouse.wheel(0, 1500);
        await expect(progress(page)).not.toHaveAttribute("value", "0");
        await page.screenshot({ path: `${SHOTS}/article-${scheme}-${width}.png` });
      });
    }
  }
}
