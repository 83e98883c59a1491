import AxeBuilder from "@axe-core/playwright";
import { test, expect } from "./fixtures.ts";

const PAGES = [
  ["the list", "/", "Latest articles"],
  ["a category", "/category/science", "Science"],
  [
    "an article",
    "/articles/us-russia-space-security-talks",
    "US, Russia To Hold Space Security Talks",
  ],
  [
    "an article with its reply form",
    "/articles/field-notes-on-coastal-fog",
    "Field Notes on Coastal Fog",
  ],
  ["the drafts page", "/drafts", "Drafts"],
  ["the highlights page", "/highlights", "Highlights"],
  ["the settings", "/settings", "Settings"],
  ["search results", "/search?q=vienna", "Search"],
  ["an unknown article", "/articles/nope", "Article not found"],
  ["an unknown page", "/nope/nope", "Page not found"],
] as const;

for (const scheme of ["light", "dark"] as const) {
  for (const [name, path, h1] of PAGES) {
    test(`axe finds no violations on ${name} (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: h1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`),
      ).toEqual([]);
    });
  }
}
