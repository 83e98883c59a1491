// Versioned records in the built app (issue 13): a backup from the first version of Offprint imports
// through the migrations, and records saved by a newer version are kept as they are, with the tab
// asking to reload instead of writing over them.
import path from "node:path";
import { test, expect } from "./fixtures.ts";
import { figure } from "./figures.ts";
import { getRaw, putRaw } from "./stored-records.ts";

const TRAINS = {
  slug: "night-trains-return-to-europe",
  title: "Sleeping Across a Continent: The Return of Europe's Night Trains",
};
const FIXTURE = path.join(process.cwd(), "tests/fixtures/records/backup-schema-1.json");

test("a backup saved by the first version of Offprint (schema 1) imports, losing nothing", async ({
  page,
}) => {
  await page.goto("/settings");
  const data = page.getByRole("region", { name: "Your data" });
  await data.getByLabel("Import").setInputFiles(FIXTURE);
  await expect(data.getByText("Bookmarks: 1 new")).toBeVisible();
  await expect(data.getByText(/^Draft for “night-trains-return-to-europe”: added/)).toBeVisible();
  await data.getByRole("button", { name: "Apply import" }).click();
  await expect(data.getByText(/^Imported “/)).toBeVisible();
  // The settings, the bookmark and the draft of version 1 are all there, in today's versions.
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.getByRole("link", { name: "Saved" }).click();
  await expect(page.getByRole("heading", { level: 2, name: TRAINS.title })).toBeVisible();
  await page.getByRole("link", { name: "Drafts", exact: true }).click();
  await expect(page.getByText("The sleeper from Vienna was late, but worth it.")).toBeVisible();
  expect(await getRaw(page, "offprint-drafts", TRAINS.slug)).toMatchObject({ v: 2, rev: 7 });
});

test(
  "records saved by a newer version are kept as they are, and the tab asks to reload",
  { tag: "@reliability" },
  async ({ page }) => {
    await page.goto(`/articles/${TRAINS.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: TRAINS.title })).toBeVisible();
    // A later Offprint, in another tab, saved this article's draft and bookmark in version 9.
    const draft = { v: 9, rev: 40, text: "Written by a later Offprint", updatedAt: 1 };
    const bookmark = { v: 9, slug: TRAINS.slug, savedAt: 5, folder: "Trains" };
    await putRaw(page, "offprint-drafts", TRAINS.slug, draft);
    await putRaw(page, "offprint-bookmarks", TRAINS.slug, bookmark);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: TRAINS.title })).toBeVisible();

    const prompt = page
      .getByRole("status")
      .filter({ has: page.getByRole("button", { name: "Reload", exact: true }) });
    // Typing a reply: the write is refused, the text stays in the form, and the reader is told.
    await page.getByRole("textbox", { name: "Comment" }).fill("An older tab's words");
    const form = page.getByRole("region", { name: "Leave a Reply" });
    await expect(form.getByRole("status")).toContainText("newer version of Offprint");
    await expect(page.getByRole("textbox", { name: "Comment" })).toHaveValue(
      "An older tab's words",
    );
    // Pressing Bookmark cannot replace the newer bookmark either.
    await page.getByRole("button", { name: "Bookmark", exact: true }).click();
    await expect(prompt).toContainText(
      "This data was saved by a newer version of Offprint. Reload to use it.",
    );
    await expect(prompt.getByRole("button", { name: "Reload" })).toBeVisible();

    let kept = 0;
    if ((await getRaw(page, "offprint-drafts", TRAINS.slug)) !== undefined) {
      expect(await getRaw(page, "offprint-drafts", TRAINS.slug)).toEqual(draft);
      kept++;
    }
    expect(await getRaw(page, "offprint-bookmarks", TRAINS.slug)).toEqual(bookmark);
    kept++;
    figure(test.info(), "records from a newer version kept", kept);
    expect(kept).toBe(2);
  },
);
