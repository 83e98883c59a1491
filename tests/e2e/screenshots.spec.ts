// Keeps the README's pictures true: they are taken from the real app on every test run.
import { test, expect } from "./fixtures.ts";

test("takes the README's screenshots of the list and an article", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/list.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles/us-russia-space-security-talks");
  await expect(page.getByRole("figure").getByRole("img")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: "docs/article.png" });
});
