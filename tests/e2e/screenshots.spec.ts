// Takes the README's pictures from the real app. `npm test` takes them into test-results/ (the
// app must still draw them without an error); only `npm run docs:screenshots` writes docs/.
import { test, expect } from "./fixtures.ts";

const toDocs = process.env.OFFPRINT_DOCS_SCREENSHOTS === "1";

test("takes the README's screenshots of the list and an article", async ({ page }, testInfo) => {
  const shot = (name: string) => (toDocs ? `docs/${name}` : testInfo.outputPath(name));
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: shot("list.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/articles/us-russia-space-security-talks");
  await expect(page.getByRole("figure").getByRole("img")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: shot("article.png") });
});
