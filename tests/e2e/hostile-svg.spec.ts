// A publisher's SVG opened at its own URL is a document of the app's origin that the page's CSP
// does not cover: the build must have taken out everything in it that runs or fetches.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { test, expect } from "./fixtures.ts";
import { figure } from "./figures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { TRAP, TRAP_TITLE, writeHostileSvgEdition } from "../fixtures/hostile-svg.ts";

const DIST = "dist-hostile-svg";
/** Asked for last: every request the SVG made before it has been seen by then. */
const DONE = "/svg-done";

test.describe("hostile SVG images", { tag: "@reliability" }, () => {
  let host: StaticHost;
  let svgs: string[];
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    await writeHostileSvgEdition(`${DIST}-content`);
    await buildApp(DIST, { OFFPRINT_CONTENT: `${DIST}-content` });
    const images = path.join(DIST, "content", "img");
    svgs = (await readdir(images)).filter((f) => f.endsWith(".svg"));
    host = await serveStatic(DIST, "/", { spa: true });
  });
  test.afterAll(() => host?.close());

  test("opened at their own URL, run nothing and ask nothing of another site", async ({
    page,
    context,
  }) => {
    const trapped: string[] = [];
    const elsewhere: string[] = [];
    page.on("request", (req) => {
      if (req.url().includes(TRAP)) trapped.push(req.url());
      if (!req.url().startsWith(host.url)) elsewhere.push(req.url());
    });
    // Nothing may leave the machine, even if the test fails.
    await context.route(
      (url) => !url.href.startsWith(host.url),
      (route) => route.abort(),
    );
    expect(svgs).toHaveLength(2);
    figure(test.info(), "hostile SVGs opened", svgs.length);
    let titled = 0;
    const runnable: string[] = [];
    for (const svg of svgs) {
      await page.goto(`${host.url}content/img/${svg}`);
      await page.mouse.move(200, 100);
      await page.mouse.click(200, 100);
      const left = await page.evaluate(() => ({
        title: document.title,
        // What would run if given the chance: scripts, handlers, javascript: links, HTML.
        runnable: [...document.querySelectorAll("*")].flatMap((el) => [
          ...(["script", "foreignObject", "set", "animate"].includes(el.localName)
            ? [el.localName]
            : []),
          ...[...el.attributes]
            .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
            .map((a) => `${el.localName} ${a.name}`),
        ]),
      }));
      // A request sent now arrives after any the SVG sent before it.
      await Promise.all([
        page.waitForRequest((req) => req.url().endsWith(DONE)),
        page.evaluate((done) => void fetch(done).catch(() => undefined), DONE),
      ]);
      if (left.title === TRAP_TITLE) titled++;
      runnable.push(...left.runnable.map((what) => `${svg}: ${what}`));
    }
    figure(test.info(), "scripts run", trapped.length + titled);
    expect(trapped).toEqual([]);
    expect(titled).toBe(0);
    expect(elsewhere).toEqual([]);
    expect(runnable).toEqual([]);
  });

  test("still show in the article, sanitized", async ({ page }) => {
    await page.goto(`${host.url}articles/hostile-svg`);
    const images = page.getByRole("img", { name: /A hostile (drawing|map)/ });
    await expect(images).toHaveCount(2);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect(image).toHaveJSProperty("complete", true);
      expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(400);
    }
  });
});
