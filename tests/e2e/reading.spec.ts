import { test, expect } from "./fixtures.ts";

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_URL = "/articles/us-russia-space-security-talks";

test("a bookmark and a read mark survive a reload", async ({ page }) => {
  await page.goto(SPACE_URL);
  const bookmark = page.getByRole("button", { name: "Bookmark", exact: true });
  await bookmark.click();
  await expect(bookmark).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("button", { name: "Bookmark", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(page.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await page.goto("/saved");
  await expect(
    page.getByRole("list", { name: "Saved articles" }).getByRole("heading", { name: SPACE }),
  ).toBeVisible();
});

test("the Unread filter no longer lists an article once it was opened", async ({ page }) => {
  await page.goto("/?filter=unread");
  const list = page.getByRole("list", { name: "Latest articles" });
  await expect(list.getByRole("heading", { level: 2, name: SPACE })).toBeVisible();
  await expect(
    list.getByRole("article").filter({ hasText: SPACE }).getByText("Unread"),
  ).toBeVisible();
  await list.getByRole("link", { name: SPACE }).click();
  await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?filter=unread$/);
  await expect(list.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(list.getByRole("heading", { level: 2, name: SPACE })).toHaveCount(0);
  await page.reload();
  await expect(list.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(list.getByRole("heading", { level: 2, name: SPACE })).toHaveCount(0);
});

test("a bookmark made in one tab appears in another without a reload", async ({ context }) => {
  const one = await context.newPage();
  const two = await context.newPage();
  await one.goto("/");
  await two.goto("/saved");
  await expect(two.getByText(/No saved articles yet/)).toBeVisible();
  await one.getByRole("button", { name: `Bookmark: ${SPACE}` }).click();
  await expect(
    two.getByRole("list", { name: "Saved articles" }).getByRole("heading", { name: SPACE }),
  ).toBeVisible();
  await expect(two.getByText(/No saved articles yet/)).toHaveCount(0);

  // Read marks travel too: marking unread in one tab shows Unread in the other.
  await two.goto(SPACE_URL);
  await expect(two.getByRole("button", { name: "Mark as unread" })).toBeVisible();
  await one.reload();
  const card = one.getByRole("article").filter({ has: one.getByRole("heading", { name: SPACE }) });
  await expect(card.getByText("Unread")).toHaveCount(0);
  await two.getByRole("button", { name: "Mark as unread" }).click();
  await expect(card.getByText("Unread")).toBeVisible();
});

test("Your data says whether storage is persistent and how much is used", async ({ page }) => {
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Your data" });
  await expect(section.getByText("Persistent storage")).toBeVisible();
  await expect(section.getByText(/^\d+(\.\d)? (bytes|KB|MB)( of .+ available)?$/)).toBeVisible();
});
