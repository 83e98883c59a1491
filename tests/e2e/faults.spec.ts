// Storage faults in a real browser, with the real IndexedDB: full, unopenable, corrupt, blocked.
import { test, expect } from "./fixtures.ts";
import { figure } from "./figures.ts";

/** Every test here is part of the reliability suite (`npm run test:stress`). */
const RELIABILITY = { tag: "@reliability" };

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_URL = "/articles/us-russia-space-security-talks";

test(
  "a full device: the draft is not called saved, stays in the form, and is saved once space is back",
  RELIABILITY,
  async ({ page }) => {
    // Chromium's quota override does not make small IndexedDB writes fail at once, so the device
    // "fills up" the way the browser reports it: put() throws QuotaExceededError.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
        if ((window as unknown as { __full?: boolean }).__full) {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        }
        return put.apply(this, args);
      };
    });
    figure(test.info(), "faults injected", 1);
    const setFull = (full: boolean) =>
      page.evaluate((f) => ((window as unknown as { __full?: boolean }).__full = f), full);
    await page.goto(SPACE_URL);
    const comment = page.getByLabel("Comment *");
    await comment.fill("First words.");
    await expect(page.getByText(/^Draft saved/)).toBeVisible();

    await setFull(true);
    await comment.pressSequentially(" More words.");
    await expect(page.getByText(/Draft not saved: this device's storage is full/)).toBeVisible();
    await expect(page.getByText(/^Draft saved/)).toHaveCount(0);
    await expect(comment).toHaveValue("First words. More words.");

    await setFull(false);
    await comment.pressSequentially(" Done.");
    await expect(page.getByText(/^Draft saved/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Comment *")).toHaveValue("First words. More words. Done.");
  },
);

test(
  "IndexedDB that cannot be opened: the notice shows and reading works",
  RELIABILITY,
  async ({ page }) => {
    await page.addInitScript(() => {
      IDBFactory.prototype.open = function () {
        throw new DOMException(
          "The user denied permission to access the database.",
          "UnknownError",
        );
      };
    });
    figure(test.info(), "faults injected", 1);
    await page.goto("/");
    await expect(
      page.getByText(/cannot keep your reading list, read marks and drafts/),
    ).toBeVisible();
    await page.getByRole("link", { name: SPACE }).click();
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
    await expect(page.locator(".prose")).toContainText("Vienna");
  },
);

test(
  "a corrupt record is skipped and reported, and the rest loads",
  RELIABILITY,
  async ({ page }) => {
    await page.goto(SPACE_URL);
    const bookmark = page.getByRole("button", { name: "Bookmark", exact: true });
    await bookmark.click();
    await expect(bookmark).toHaveAttribute("aria-pressed", "true");
    // Damage one record behind the app's back, as a broken extension or an old version might.
    figure(test.info(), "faults injected", 1);
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open("offprint-bookmarks");
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction("records", "readwrite");
      tx.objectStore("records").put({ v: 1, slug: 42, savedAt: "yesterday" }, "damaged");
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    });
    await page.reload();
    await expect(page.getByRole("button", { name: "Bookmark", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await page.getByRole("link", { name: "Settings" }).click();
    await expect(
      page.getByText(
        "1 stored record could not be read (damaged or from another app) and was skipped; everything else loaded.",
      ),
    ).toBeVisible();
  },
);

test(
  "another tab holding the database while this one starts: nothing hangs",
  RELIABILITY,
  async ({ context }) => {
    // One tab holds the database open and ignores requests to close; a second asks for an upgrade,
    // which then waits, and every later open of that database queues behind it.
    figure(test.info(), "faults injected", 1);
    const holder = await context.newPage();
    await holder.goto("/no-such-page");
    await expect(holder.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await holder.evaluate(async () => {
      await new Promise<void>((resolve) => {
        const req = indexedDB.open("offprint-reads");
        req.onsuccess = () => resolve();
      });
      const blocked = indexedDB.open("offprint-reads", 99);
      (window as unknown as { blocked: IDBOpenDBRequest }).blocked = blocked;
      await new Promise<void>((resolve) => (blocked.onblocked = () => resolve()));
    });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 2, name: SPACE })).toBeVisible();
    // The read marks cannot load: within the 5 s storage limit the reader is told, and reading works.
    await expect(
      page.getByText(/cannot keep your reading list, read marks and drafts/),
    ).toBeVisible({
      timeout: 15_000,
    });
    await page.getByRole("link", { name: SPACE }).click();
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
  },
);

// Requests a service worker answers cannot be intercepted: this test fails the network itself.
test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });
  test(
    "a page whose code cannot be fetched says so with a Reload button, and drafts are unaffected",
    RELIABILITY,
    async ({ page, problems }) => {
      problems.allow.push(/Failed to load resource|dynamically imported module/);
      await page.goto(SPACE_URL);
      await page.getByLabel("Comment *").fill("Kept through a broken chunk.");
      await expect(page.getByText(/^Draft saved/)).toBeVisible();

      // A new tab, where the search page's code cannot be fetched (a half-replaced deploy).
      const broken = await page.context().newPage();
      await broken.route(/\/assets\/SearchPage-[^/]+\.js$/, (route) => route.abort());
      figure(test.info(), "faults injected", 1);
      await broken.goto("/");
      await broken.getByRole("searchbox", { name: "Search" }).fill("vienna");
      await broken.keyboard.press("Enter");
      const alert = broken.getByRole("alert").filter({ hasText: "This page could not be loaded" });
      await expect(alert).toBeVisible();
      await broken.unroute(/\/assets\/SearchPage-[^/]+\.js$/);
      await alert.getByRole("button", { name: "Reload" }).click();
      await expect(broken.getByRole("heading", { level: 1 })).not.toHaveText(
        "This page could not be loaded",
      );
      await broken.goto(SPACE_URL);
      await expect(broken.getByLabel("Comment *")).toHaveValue("Kept through a broken chunk.");
    },
  );
});
