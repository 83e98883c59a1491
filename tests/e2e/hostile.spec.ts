// Hostile content and hostile routes: nothing runs, nothing is stored, no CSP violation.
import type { BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { figure } from "./figures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { writeHostileEdition } from "../fixtures/hostile-edition.ts";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.ts";

/** Any execution of a payload sets window.__xss; alert/confirm/prompt are traps too. */
async function setTrap(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const w = window as unknown as { __xss?: unknown; __trapped?: string[] };
    w.__trapped = [];
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => w.__trapped?.push(`${name}(${args.join(",")})`),
      });
    }
  });
}

/** What ran on the page so far (counted as the run's executions); the test expects nothing. */
async function sprung(page: Page): Promise<unknown[]> {
  const ran = await page.evaluate(() => {
    const w = window as unknown as {
      __xss?: unknown;
      __trapped?: string[];
      parent: { __xss?: unknown };
    };
    return [w.__xss, ...(w.__trapped ?? [])].filter((x) => x !== undefined);
  });
  figure(test.info(), "executions", ran.length);
  return ran;
}

test.describe("a hostile edition", { tag: "@reliability" }, () => {
  let host: StaticHost;
  let slugs: string[];
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    slugs = await writeHostileEdition("dist-hostile-content");
    await buildApp("dist-hostile", { OFFPRINT_CONTENT: "dist-hostile-content" });
    host = await serveStatic("dist-hostile", "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test("runs none of its payloads on the list, category and article pages", async ({
    page,
    context,
  }) => {
    test.setTimeout(180_000);
    await setTrap(context);
    figure(test.info(), "payloads tried", slugs.length);
    await page.goto(host.url);
    await expect(page.getByRole("heading", { level: 2 })).toHaveCount(slugs.length);
    // Titles are text: the payload's characters are shown as written.
    await expect(
      page.getByRole("heading", { level: 2, name: /^Hostile 0 <script>/ }),
    ).toBeVisible();
    expect(await sprung(page)).toEqual([]);

    const categories = await page
      .locator(".meta .category")
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")))]);
    for (const href of categories) {
      await page.goto(new URL(href!, host.url).href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await sprung(page)).toEqual([]);
    }
    for (const slug of slugs) {
      await page.goto(`${host.url}articles/${slug}`);
      await expect(page.getByText(`Article ${slug.split("-")[1]} ends.`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
      expect(await sprung(page), slug).toEqual([]);
    }
    // Nothing from the content may clobber the app's globals or leave the page.
    expect(await page.evaluate(() => typeof document.getElementById)).toBe("function");
    expect(new URL(page.url()).origin).toBe(new URL(host.url).origin);
  });
});

const HOSTILE_ROUTES = [
  ["/articles/" + "a".repeat(5000), "Article not found"],
  ["/articles/%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E", "Article not found"],
  ["/articles/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "Article not found"],
  ["/articles/__proto__", "Article not found"],
  ["/articles/constructor", "Article not found"],
  ["/articles/..%2F..%2Fetc%2Fpasswd", "Article not found"],
  ["/articles/%252e%252e", "Article not found"],
  ["/articles/us-russia-space-security-talks%00", "Article not found"],
  ["/category/__proto__", "Page not found"],
  ["/category/%3Csvg%20onload%3Dalert(1)%3E", "Page not found"],
  ["/..%2F..%2Findex.html", "Page not found"],
  ["/articles/a/b/c", "Page not found"],
  ["/" + "%41".repeat(3000), "Page not found"],
] as const;

test(
  "hostile routes show Not found, run nothing and store nothing",
  { tag: "@reliability" },
  async ({ page, context }) => {
    await setTrap(context);
    figure(test.info(), "payloads tried", HOSTILE_ROUTES.length);
    for (const [route, heading] of HOSTILE_ROUTES) {
      await page.goto(route);
      await expect(
        page.getByRole("heading", { level: 1, name: heading }),
        route.slice(0, 80),
      ).toBeVisible();
      expect(await sprung(page)).toEqual([]);
    }
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name ?? "");
      const all: string[] = [];
      for (const name of names) {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const store of db.objectStoreNames) {
          const tx = db.transaction(store, "readonly");
          const [keys, values] = await Promise.all(
            [tx.objectStore(store).getAllKeys(), tx.objectStore(store).getAll()].map(
              (req) =>
                new Promise<unknown[]>(
                  (resolve) => (req.onsuccess = () => resolve(req.result as unknown[])),
                ),
            ),
          );
          all.push(`${name}/${store}: ${JSON.stringify(keys)} ${JSON.stringify(values)}`);
        }
        db.close();
      }
      return all.join("\n");
    });
    expect(stored).not.toMatch(/__proto__|constructor|script|passwd|aaaaaaaaaa|svg/);
    expect(stored).not.toMatch(/"marks":\{"[^"]/);
  },
);

test(
  "the corpus typed as drafts, sent as search queries and used as slugs runs nothing",
  { tag: "@reliability" },
  async ({ page, context }) => {
    test.setTimeout(240_000);
    await setTrap(context);
    // Each payload as a search query, as a slug and in the draft.
    figure(test.info(), "payloads tried", XSS_PAYLOADS.length * 3);
    for (const payload of XSS_PAYLOADS) {
      await page.goto(`/search?q=${encodeURIComponent(payload)}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("searchbox").first()).toHaveValue(payload);
      expect(await sprung(page), `search ${payload}`).toEqual([]);

      await page.goto(`/articles/${encodeURIComponent(payload)}`);
      await expect(
        page.getByRole("heading", { level: 1, name: "Article not found" }),
      ).toBeVisible();
      expect(await sprung(page), `slug ${payload}`).toEqual([]);
    }

    await page.goto("/articles/us-russia-space-security-talks");
    const comment = page.getByLabel("Comment *");
    const all = XSS_PAYLOADS.join("\n");
    await comment.fill(all);
    await expect(page.getByText(/^Draft saved/)).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Comment *")).toHaveValue(all);
    await page.goto("/drafts");
    // The drafts page shows the first line of the comment as characters, not markup.
    await expect(page.getByText(XSS_PAYLOADS[0], { exact: true })).toBeVisible();
    expect(await sprung(page)).toEqual([]);
    expect(await page.locator("main script, main img[src='x'], main svg[onload]").count()).toBe(0);
  },
);
