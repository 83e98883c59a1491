// Offline-first and installable (issue 5): the real service worker on the built app. Every test
// starts in a fresh browser context, so each first visit installs the worker anew.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { chromium } from "@playwright/test";
import { test, expect, watch, type Problems } from "./fixtures.ts";
import { figure } from "./figures.ts";
import { CHROMIUM_ARGS, chromiumPath } from "./browser.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import type { CatalogIndex } from "../../src/catalog/types.ts";

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";

/** Waits until the service worker has installed (precache complete) and controls the page. */
async function controlled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), {
      timeout: 20_000,
    })
    .toBe(true);
}

/** What a fetch of a URL gives: "ok", an HTTP status, or "failed" (no network). */
function fetchResult(page: Page, url: string): Promise<string> {
  return page.evaluate(
    (u) =>
      fetch(u, { cache: "no-store" }).then(
        (r) => (r.ok ? "ok" : String(r.status)),
        () => "failed",
      ),
    url,
  );
}

/** Every image in `scope` has loaded (with a width), and there is at least `min` of them. */
async function imagesLoaded(page: Page, min: number, scope = page.locator("main")): Promise<void> {
  const images = scope.locator("img");
  await expect.poll(() => images.count()).toBeGreaterThanOrEqual(min);
  for (const img of await images.all()) {
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)))
      .toBeGreaterThan(0);
  }
}

const offlineStatus = (page: Page) => page.getByRole("status").filter({ hasText: /^Offline$/ });
const cards = (page: Page) =>
  page.getByRole("list", { name: "Latest articles" }).getByRole("article");
const card = (page: Page, title: string) =>
  cards(page).filter({ has: page.getByRole("heading", { level: 2, name: title }) });
const offlineMarker = (scope: ReturnType<Page["locator"]>) =>
  scope.getByRole("list", { name: "Status" }).getByText("Available offline", { exact: true });

/** The URLs a build's service worker precaches, read from its sw.js. */
async function precached(dist: string): Promise<string[]> {
  const sw = await readFile(path.join(dist, "sw.js"), "utf8");
  return [...sw.matchAll(/\burl"?:"([^"]+)"/g)].map((m) => m[1]);
}

/**
 * A half-uploaded deploy: a copy of `build` without its catalog manifest, a file its precache
 * lists and `previous`'s did not (the edition changed), so the installed version never cached it.
 */
async function halfUploaded(
  build: string,
  previous: string,
): Promise<{ dir: string; missing: string }> {
  const dir = `${build}-half`;
  await rm(dir, { recursive: true, force: true });
  await cp(build, dir, { recursive: true });
  const before = new Set(await precached(previous));
  const missing = (await precached(dir)).find(
    (url) => /^content\/catalog-[0-9a-f]+\.json$/.test(url) && !before.has(url),
  );
  if (!missing) throw new Error(`${build}'s precache lists no new catalog manifest`);
  await rm(path.join(dir, missing));
  return { dir, missing };
}

async function readIndex(dist: string): Promise<CatalogIndex> {
  const dir = path.join(dist, "content");
  const file = (await readdir(dir)).find((f) => /^index-[0-9a-f]+\.json$/.test(f));
  return JSON.parse(await readFile(path.join(dir, file ?? "missing"), "utf8")) as CatalogIndex;
}

/**
 * Installs deploy A in `page`, then puts a half-uploaded B on the host (a fault of the test).
 * Returns the half deploy's folder and how many articles A lists.
 */
async function halfUpload(page: Page, host: StaticHost): Promise<{ dir: string; total: number }> {
  host.setRoot(A);
  await page.goto(host.url);
  await expect(card(page, SPACE)).toBeVisible();
  await controlled(page);
  const { dir, missing } = await halfUploaded(B, A);
  test.info().annotations.push({ type: "missing from the deploy", description: missing });
  host.setRoot(dir);
  figure(test.info(), "faults injected", 1);
  return { dir, total: (await readIndex(A)).articles.length };
}

/** Asks the host for a new version, as a tab shown again does: "installed", "redundant"… */
function checkForUpdate(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return "no registration";
    const settled = new Promise<string>((resolve) => {
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state !== "installing") resolve(worker.state);
        });
      });
      setTimeout(() => resolve("no update found in 30 s"), 30_000);
    });
    await registration.update().catch(() => undefined);
    return settled;
  });
}

/** How many cached responses are HTML kept for something that is not a page (a file). */
function htmlAsContent(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const page = /(?:\.html|\/)$/.test(new URL(request.url).pathname);
        const type = (await cache.match(request))?.headers.get("content-type") ?? "";
        if (!page && /^text\/html/i.test(type)) count++;
      }
    }
    return count;
  });
}

/** Whether any Workbox precache still holds `url`. */
function inPrecache(page: Page, url: string): Promise<boolean> {
  return page.evaluate(async (u) => {
    for (const name of await caches.keys()) {
      if (name.includes("-precache-") && (await (await caches.open(name)).match(u))) return true;
    }
    return false;
  }, url);
}

const updatePrompt = (page: Page) =>
  page.getByRole("status").filter({ hasText: "A new version is available" });

const A = "dist-offline-a";
const B = "dist-offline-b";
const CHANGED = "US and Russia Open Space Security Talks in Vienna";
let deploys: Promise<void> | undefined;

/** Builds two deploys once for every test that needs them: A, the sample edition, and B, where
 * one article's title changed. */
function buildDeploys(): Promise<void> {
  deploys ??= (async () => {
    const content = await mkdtemp(path.join(tmpdir(), "offprint-b-"));
    try {
      await cp("content/articles", content, { recursive: true });
      const file = path.join(content, `${SPACE_SLUG}.md`);
      const md = await readFile(file, "utf8");
      await writeFile(file, md.replace(`title: "${SPACE}"`, `title: "${CHANGED}"`));
      await Promise.all([buildApp(A, {}), buildApp(B, { OFFPRINT_CONTENT: content })]);
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  })();
  return deploys;
}

test("after one visit the list, deep links and every image open with no network", async ({
  page,
  context,
  problems,
}) => {
  problems.allow.push(/ERR_INTERNET_DISCONNECTED/); // the deliberate fetch that proves it
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await controlled(page);

  await context.setOffline(true);
  // The network is really gone: a URL the worker has not cached cannot be fetched.
  expect(await fetchResult(page, `/not-cached-${Date.now()}.txt`)).toBe("failed");
  await expect(offlineStatus(page)).toBeVisible();

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Latest articles" })).toBeVisible();
  const total = (await readIndex(process.env.E2E_DIST ?? "dist")).articles.length;
  await expect(cards(page)).toHaveCount(total);
  await expect(offlineStatus(page)).toBeVisible();
  // The whole sample edition is precached, so every article says it opens offline.
  await expect(offlineMarker(page.locator("main"))).toHaveCount(total);
  await imagesLoaded(page, 1, cards(page).first()); // the rest load lazily, when scrolled to

  for (const [slug, title] of [
    [SPACE_SLUG, SPACE],
    ["the-lighthouse-problem", "The Lighthouse Problem"],
    ["field-guide-to-urban-crows", "A Field Guide to the Crows on Your Street"],
  ]) {
    await page.goto(`/articles/${slug}`);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.locator(".prose p").first()).toBeVisible();
    await imagesLoaded(page, 1);
  }
  for (const [url, h1] of [
    ["/category/science", "Science"],
    ["/saved", "Saved"],
    ["/drafts", "Drafts"],
  ]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: h1 })).toBeVisible();
    await expect(offlineStatus(page)).toBeVisible();
  }

  await context.setOffline(false);
  await expect(offlineStatus(page)).toHaveCount(0);
});

test("an article opened once is answered with its own page, offline too; others get the app's page", async ({
  page,
  context,
}) => {
  const lighthouse = "/articles/the-lighthouse-problem";
  await page.goto(lighthouse);
  await expect(
    page.getByRole("heading", { level: 1, name: "The Lighthouse Problem" }),
  ).toBeVisible();
  await controlled(page);
  // Opening the article kept it offline, its static page with it.
  await expect
    .poll(() => page.evaluate(async (file) => !!(await caches.match(file)), `${lighthouse}.html`))
    .toBe(true);

  await context.setOffline(true);
  for (const reopen of [() => page.reload(), () => page.goto(lighthouse)]) {
    const response = await reopen();
    // The worker's answer is the article's own page, text and all, before any script runs.
    const html = (await response?.text()) ?? "";
    expect(/<html[^>]* data-page="([^"]*)"/.exec(html)?.[1]).toBe(lighthouse);
    expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toMatch(/^The Lighthouse Problem/);
    await expect(
      page.getByRole("heading", { level: 1, name: "The Lighthouse Problem" }),
    ).toBeVisible();
    await expect(page.locator("#first-screen")).toHaveCount(0); // the app took over
  }
  // An article never opened (its body precached) is the app's page, as before.
  const response = await page.goto(`/articles/${SPACE_SLUG}`);
  expect(/<html[^>]* data-page="([^"]*)"/.exec((await response?.text()) ?? "")?.[1]).toBe("/");
  await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
  await context.setOffline(false);
});

test("the Offline status passes axe in light and dark", async ({ page, context }) => {
  await page.goto("/");
  await expect(cards(page).first()).toBeVisible();
  await controlled(page);
  await context.setOffline(true);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(offlineStatus(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${scheme} ${v.id}: ${v.nodes.length}`)).toEqual([]);
  }
});

/** Installability is never reported in an incognito context: use a real profile. */
async function installabilityErrors(url: string, problems: Problems): Promise<unknown[]> {
  const profile = await mkdtemp(path.join(tmpdir(), "offprint-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    watch(page, problems);
    await page.goto(url);
    await expect(cards(page).first()).toBeVisible();
    await controlled(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    const { errors } = await cdp.send("Page.getAppManifest");
    return [...installabilityErrors, ...errors];
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

test("Chromium reports no installability errors", async ({ baseURL, problems }) => {
  expect(await installabilityErrors(`${baseURL}/`, problems)).toEqual([]);
});

test.describe("a sub-path build with a precache budget smaller than the edition", () => {
  const DIST = "dist-offline-budget";
  let host: StaticHost;
  let index: CatalogIndex;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await buildApp(DIST, {
      OFFPRINT_BASE: "/news/",
      OFFPRINT_SITE_NAME: "The Daily Test",
      OFFPRINT_PRECACHE_ARTICLES: "3",
    });
    index = await readIndex(DIST);
    host = await serveStatic(DIST, "/news/");
  });
  test.afterAll(() => host?.close());

  test("an article past the budget says so offline, and loads once online", async ({
    page,
    context,
    problems,
  }) => {
    // The body fetch that fails offline is logged by the browser, as it should be.
    problems.allow.push(/Failed to load resource|ERR_INTERNET_DISCONNECTED/);
    await page.goto(host.url);
    await expect(cards(page).first()).toBeVisible();
    await controlled(page);
    const [first, , third, fourth] = index.articles;
    await expect(offlineMarker(card(page, first.title))).toBeVisible();
    await expect(offlineMarker(card(page, third.title))).toBeVisible();
    await expect(offlineMarker(card(page, fourth.title))).toHaveCount(0);
    expect(index.articles.at(-1)?.slug).toBe(SPACE_SLUG);
    await expect(offlineMarker(card(page, SPACE))).toHaveCount(0);

    await context.setOffline(true);
    // Even the worker's own fetches are offline: an uncached article file cannot be had.
    expect(await fetchResult(page, `${host.url}${fourth.body}`)).toBe("failed");

    await page.goto(`${host.url}articles/${SPACE_SLUG}`);
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
    const missing = page.getByRole("alert").filter({ hasText: "Try again" });
    await expect(missing).toContainText("This article isn't available offline yet");

    await context.setOffline(false);
    await missing.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator(".prose p").first()).toBeVisible();
    await expect(missing).toHaveCount(0);
    await imagesLoaded(page, 1);

    // Opened once, it is kept: offline again, it opens from a fresh page load.
    await page.getByRole("link", { name: "Articles", exact: true }).click();
    await expect(offlineMarker(card(page, SPACE))).toBeVisible();
    await context.setOffline(true);
    await page.goto(`${host.url}articles/${SPACE_SLUG}`);
    await expect(page.locator(".prose p").first()).toBeVisible();
    await imagesLoaded(page, 1);
  });

  test("bookmarking an article fetches it for offline", async ({ page, context }) => {
    await page.goto(host.url);
    await controlled(page);
    const target = index.articles[5];
    const item = card(page, target.title);
    await expect(offlineMarker(item)).toHaveCount(0);
    await item.getByRole("button", { name: `Bookmark: ${target.title}` }).click();
    await expect(offlineMarker(item)).toBeVisible();

    await context.setOffline(true);
    await page.goto(`${host.url}articles/${target.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: target.title })).toBeVisible();
    await expect(page.locator(".prose p").first()).toBeVisible();
    await imagesLoaded(page, target.image ? 1 : 0);
  });

  test("the manifest's start_url and scope follow OFFPRINT_BASE; it is installable", async ({
    page,
    problems,
  }) => {
    expect(await installabilityErrors(host.url, problems)).toEqual([]);
    await page.goto(host.url);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? "";
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({
      name: "The Daily Test",
      start_url: "/news/",
      scope: "/news/",
      display: "standalone",
    });
    const sizes = await page.evaluate(
      async (icons: { src: string; sizes: string; purpose: string }[]) =>
        Promise.all(
          icons.map(async (icon) => {
            const img = new Image();
            img.src = new URL(icon.src, `${location.origin}/news/`).href;
            await img.decode();
            return `${icon.sizes} ${icon.purpose}: ${img.naturalWidth}x${img.naturalHeight}`;
          }),
        ),
      manifest.icons,
    );
    expect(sizes).toEqual([
      "192x192 any: 192x192",
      "512x512 any: 512x512",
      "512x512 maskable: 512x512",
    ]);
  });
});

test.describe("a new deploy", () => {
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildDeploys();
    host = await serveStatic(A);
  });
  test.afterAll(() => host?.close());

  test("is offered with a prompt, never reloads by itself, and Reload keeps the draft", async ({
    context,
    problems,
  }) => {
    // Deep links on a plain static host answer with 404.html until the worker serves them.
    problems.allow.push(/status of 404/);
    host.setRoot(A);
    const page = await context.newPage();
    await page.goto(`${host.url}articles/${SPACE_SLUG}`);
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
    await controlled(page);
    const other = await context.newPage();
    await other.goto(host.url);
    await expect(card(other, SPACE)).toBeVisible();

    host.setRoot(B);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
    const prompt = updatePrompt(page);
    await expect(prompt).toBeVisible();
    // Still build A's page: the new version waits for the reader.
    await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();

    const comment = page.getByRole("textbox", { name: /Comment/ });
    await comment.fill("A reply typed just before the update.");
    await other.evaluate(() => {
      (window as unknown as { before: boolean }).before = true;
      navigator.serviceWorker.addEventListener("controllerchange", () => {
        (window as unknown as { switched: boolean }).switched = true;
      });
    });

    await prompt.getByRole("button", { name: "Reload" }).click();
    await expect(page.getByRole("heading", { level: 1, name: CHANGED })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    await expect(page.getByRole("textbox", { name: /Comment/ })).toHaveValue(
      "A reply typed just before the update.",
    );

    // The other tab was taken over by the new worker but kept its page and asks the reader.
    await expect.poll(() => other.evaluate(() => "switched" in window)).toBe(true);
    expect(await other.evaluate(() => "before" in window)).toBe(true);
    await expect(updatePrompt(other)).toBeVisible();
    await expect(card(other, SPACE)).toBeVisible();
  });

  test(
    "with a file missing from its precache is not installed, and the old version keeps working offline",
    { tag: "@reliability" },
    async ({ page, context, problems }) => {
      test.setTimeout(120_000);
      // A deep link on a plain static host answers with 404.html until the worker serves it.
      problems.allow.push(/status of 404/);
      const { dir, total } = await halfUpload(page, host);
      // The tab checks for the new version, as it does when shown again: the new worker's install
      // fetches the precache, meets the missing file and is discarded.
      expect(await checkForUpdate(page)).toBe("redundant");
      const prompt = updatePrompt(page);
      const pending = () =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return [registration?.installing?.state, registration?.waiting?.state].filter(Boolean);
        });

      // A reload checks again, fails again, and shows the installed version with nothing offered.
      await page.reload();
      await expect(card(page, SPACE)).toBeVisible();
      await expect.poll(pending).toEqual([]);
      await expect(prompt).toHaveCount(0);

      await context.setOffline(true);
      await page.reload();
      await expect(cards(page)).toHaveCount(total);
      await expect(card(page, SPACE)).toBeVisible();
      await expect(offlineStatus(page)).toBeVisible();
      await page.goto(`${host.url}articles/${SPACE_SLUG}`);
      await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
      await expect(page.locator(".prose")).toContainText("Vienna");
      await imagesLoaded(page, 1);
      await expect(prompt).toHaveCount(0);

      // Once the deploy is complete, the same update installs and is offered as usual.
      await context.setOffline(false);
      host.setRoot(B);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await expect(prompt).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
      await rm(dir, { recursive: true, force: true });
    },
  );
});

test.describe("on a host that rewrites every unknown path to index.html", () => {
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await buildDeploys();
    host = await serveStatic(A, "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test(
    "a half-uploaded deploy is not installed, and the app's HTML is never kept as a file",
    { tag: "@reliability" },
    async ({ page, context, problems }) => {
      test.setTimeout(120_000);
      // Back online, the new version keeps the open article's own page; Chromium's offline
      // emulation can still hold for the worker a moment, and that fetch (optional) is logged.
      problems.allow.push(/ERR_INTERNET_DISCONNECTED/);
      // The host answers the deploy's missing catalog with index.html and status 200.
      const { dir, total } = await halfUpload(page, host);
      const outcome = await checkForUpdate(page);
      // Files the host no longer has (an article or image a deploy removed) get HTML too.
      for (const gone of ["articles/gone-0123456789.json", "img/gone-0123456789.svg"]) {
        expect(await fetchResult(page, `${host.url}content/${gone}`)).toBe("ok");
      }
      const kept = await htmlAsContent(page);
      figure(test.info(), "HTML-as-content responses cached", kept);
      expect(kept).toBe(0);
      expect(outcome).toBe("redundant");

      await page.reload();
      await expect(cards(page)).toHaveCount(total);
      await expect(updatePrompt(page)).toHaveCount(0);
      await context.setOffline(true);
      await page.reload();
      await expect(cards(page)).toHaveCount(total);
      await page.goto(`${host.url}articles/${SPACE_SLUG}`);
      await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
      await expect(page.locator(".prose p").first()).toBeVisible();
      await imagesLoaded(page, 1);

      // Once the upload is complete the update installs, and its catalog loads.
      await context.setOffline(false);
      host.setRoot(B);
      expect(await checkForUpdate(page)).toBe("installed");
      await updatePrompt(page).getByRole("button", { name: "Reload" }).click();
      await expect(page.getByRole("heading", { level: 1, name: CHANGED })).toBeVisible();
      const after = await htmlAsContent(page);
      figure(test.info(), "HTML-as-content responses cached", after);
      expect(after).toBe(0);
      await rm(dir, { recursive: true, force: true });
    },
  );
});

test.describe("an update that drops a bookmarked article from the precache", () => {
  const SMALL = "dist-offline-small";
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await Promise.all([buildDeploys(), buildApp(SMALL, { OFFPRINT_PRECACHE_ARTICLES: "2" })]);
    host = await serveStatic(A);
  });
  test.afterAll(() => host?.close());

  test(
    "leaves it opening offline with its images",
    { tag: "@reliability" },
    async ({ page, context }) => {
      test.setTimeout(120_000);
      const article = (await readIndex(A)).articles.find((a) => a.slug === SPACE_SLUG);
      expect(await precached(SMALL)).not.toContain(article?.body);
      await page.goto(host.url);
      await expect(card(page, SPACE)).toBeVisible();
      await controlled(page);
      await expect(offlineMarker(card(page, SPACE))).toBeVisible(); // precached

      // Bookmarking keeps it offline; the app says so once it has (offline.ts: CACHED_EVENT).
      await page.evaluate(() => {
        const w = window as unknown as { kept: Promise<void> };
        w.kept = new Promise((resolve) => addEventListener("offprint:cached", () => resolve()));
      });
      await card(page, SPACE)
        .getByRole("button", { name: `Bookmark: ${SPACE}` })
        .click();
      await page.evaluate(() => (window as unknown as { kept: Promise<void> }).kept);

      host.setRoot(SMALL);
      expect(await checkForUpdate(page)).toBe("installed");
      await updatePrompt(page).getByRole("button", { name: "Reload" }).click();
      await expect(updatePrompt(page)).toHaveCount(0); // the page reloaded into the new version
      await expect(card(page, SPACE)).toBeVisible();
      await expect.poll(() => inPrecache(page, `${host.url}${article?.body}`)).toBe(false);

      await context.setOffline(true);
      await page.goto(`${host.url}articles/${SPACE_SLUG}`);
      await expect(page.getByRole("heading", { level: 1, name: SPACE })).toBeVisible();
      const prose = page.locator(".prose p").first();
      const missing = page.getByRole("alert").filter({ hasText: "Try again" });
      await expect(prose.or(missing)).toBeVisible(); // the body, or why not
      const opened = (await prose.isVisible()) ? 1 : 0;
      figure(test.info(), "bookmarked articles offline after an update", opened);
      expect(opened).toBe(1);
      await imagesLoaded(page, 1);
    },
  );
});

test.describe("a reader cache of OFFPRINT_READER_CACHE_MB=0.05 and nothing precached", () => {
  const DIST = "dist-offline-reader-cache";
  let host: StaticHost;
  let index: CatalogIndex;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // Room for two of the articles below (about 20 KB each with their pictures and their own
    // page), not three.
    await buildApp(DIST, { OFFPRINT_PRECACHE_ARTICLES: "0", OFFPRINT_READER_CACHE_MB: "0.05" });
    index = await readIndex(DIST);
    host = await serveStatic(DIST);
  });
  test.afterAll(() => host?.close());

  test("drops the least recently opened article but never a bookmarked one, and Settings empties the rest", async ({
    page,
    context,
    problems,
  }) => {
    // The body fetch that fails offline is logged by the browser, as it should be.
    problems.allow.push(/Failed to load resource|ERR_INTERNET_DISCONNECTED/);
    const title = (slug: string) => index.articles.find((a) => a.slug === slug)?.title ?? slug;
    const saved = title("life-in-a-tide-pool");
    const older = title("the-lettering-on-road-signs");
    const newer = title("the-everyday-radicalism-of-public-libraries");
    const list = page.getByRole("link", { name: "Articles", exact: true });
    /** Opens an article from the list, in the page (the app keeps running), and comes back. */
    const open = async (name: string, bookmark = false) => {
      await card(page, name).getByRole("link", { name }).click();
      await expect(page.locator(".prose p").first()).toBeVisible();
      if (bookmark) {
        await page.getByRole("button", { name: "Bookmark", exact: true }).click();
        await expect(page.getByRole("button", { name: "Bookmark", exact: true })).toHaveAttribute(
          "aria-pressed",
          "true",
        );
      }
      await list.click();
      await expect(offlineMarker(card(page, name))).toBeVisible();
    };

    await page.goto(host.url);
    await controlled(page);
    await open(saved, true);
    await open(older);
    await open(newer);
    await expect(offlineMarker(card(page, older))).toHaveCount(0);
    await expect(offlineMarker(card(page, saved))).toBeVisible();

    await page.getByRole("link", { name: "Settings" }).click();
    const summary = page.getByText(/^Kept offline: /);
    await expect(summary).toHaveText(/^Kept offline: 2 articles, \d+\.\d KB$/);
    await page.getByRole("button", { name: "Remove articles not bookmarked" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Removed 1 article." })).toBeVisible();
    await expect(summary).toHaveText(/^Kept offline: 1 article, \d+\.\d KB$/);

    await context.setOffline(true);
    await page.goto(`${host.url}articles/life-in-a-tide-pool`);
    await expect(page.locator(".prose p").first()).toBeVisible();
    await imagesLoaded(page, 1);
    await page.goto(`${host.url}articles/the-everyday-radicalism-of-public-libraries`);
    await expect(page.getByRole("alert").filter({ hasText: "Try again" })).toBeVisible();
  });
});
