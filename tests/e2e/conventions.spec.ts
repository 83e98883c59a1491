// A Jekyll _posts folder, a Hugo content/posts folder, an Eleventy folder and an Astro blog, each built as it is
// by the real build and read in Chromium: what the publisher wrote shows, template tags Offprint
// understands are gone, and the ones it does not are shown as written.
import type { Locator, Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";

const FIX = "tests/fixtures/conventions";
const SITES = {
  jekyll: `${FIX}/jekyll/_posts`,
  hugo: `${FIX}/hugo/content/posts`,
  eleventy: `${FIX}/eleventy/posts`,
  astro: `${FIX}/astro/src/content/blog`,
};
type Site = keyof typeof SITES;

test.describe.configure({ mode: "serial" });

const hosts = new Map<Site, StaticHost>();
test.beforeAll(async () => {
  test.setTimeout(240_000);
  await Promise.all(
    Object.entries(SITES).map(async ([site, content]) => {
      const dir = await buildApp(`dist-conventions-${site}`, { OFFPRINT_CONTENT: content });
      hosts.set(site as Site, await serveStatic(dir, "/", { spa: true }));
    }),
  );
});
test.afterAll(async () => {
  await Promise.all([...hosts.values()].map((h) => h.close()));
});

const url = (site: Site, path = "") => `${hosts.get(site)!.url}${path}`;

/** A card of the list, found by its title. */
const card = (page: Page, title: string) =>
  page.locator("article.card").filter({ has: page.getByRole("heading", { name: title }) });

async function expectLoaded(img: Locator): Promise<void> {
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
}

/** The article's text has no template tag left but the ones listed as kept. */
async function expectNoTemplateTags(page: Page, kept: string[] = []): Promise<void> {
  let text = await page.locator(".prose").innerText();
  for (const tag of kept) {
    expect(text).toContain(tag);
    text = text.split(tag).join("");
  }
  expect(text).not.toMatch(/\{%|%\}|\{\{|\}\}/);
}

test("a Jekyll blog: dates as written, file-name dates, categories, Liquid tags and code", async ({
  page,
}) => {
  await page.goto(url("jekyll"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "Unfinished Notes" })).toHaveCount(0);
  const lights = card(page, "Harbour Lights Return for the Winter");
  await expect(lights.locator("time")).toHaveText("December 17, 2014");
  await expect(lights.getByRole("link", { name: "release" })).toBeVisible();
  const tables = card(page, "Tide Tables Turn Two");
  await expect(tables.locator("time")).toHaveText("May 6, 2014");
  await expect(tables.getByRole("link", { name: "community" })).toBeVisible();
  const ferry = card(page, "Ferry Timetable 3.0 Released");
  await expect(ferry.locator(".excerpt")).toHaveText(
    "Winter sailings, a bigger font and the night boat at last.",
  );
  await expectLoaded(ferry.getByRole("img", { name: "The blue ferry leaving the pier" }));

  await page.goto(url("jekyll", "articles/writing-markdown"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Writing Markdown for the Harbour Notes",
  );
  await expect(page.getByText("By Ines Marlow")).toBeVisible();
  await expect(page.locator(".prose pre code")).toHaveText(
    "![Alt text](./full/or/relative/path/of/image)",
  );
  await expect(page.locator(".prose p code").first()).toHaveText("![x](nope.png)");
  await expectLoaded(page.getByRole("img", { name: "The lighthouse at noon" }));

  await page.goto(url("jekyll", "articles/harbour-lights-return"));
  await expect(page.locator(".prose pre code.language-ruby")).toContainText("string.on! if dusk?");
  await expect(page.getByText("Write {{ page.title }} in a layout")).toBeVisible();
  await expectNoTemplateTags(page, ["{{ page.title }}"]);
  await page.getByRole("link", { name: "tide tables turned two" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tide Tables Turn Two");
  await expect(page.getByRole("link", { name: "the lights post" })).toHaveAttribute(
    "href",
    "/articles/harbour-lights-return",
  );
  // The tags Offprint does not run stay visible, as the build's notices listed them.
  await expectNoTemplateTags(page, [
    "{% for post in site.posts %}",
    "{{ post.title }}",
    "{% endfor %}",
    "{{ site.author }}",
  ]);
});

test("a Hugo site: page bundles, lastmod, drafts left out, shortcodes", async ({ page }) => {
  await page.goto(url("hugo"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "A Draft About Buoys" })).toHaveCount(0);
  const keepers = card(page, "The Last Lighthouse Keepers");
  await expect(keepers.locator("time")).toHaveText("March 4, 2021");
  await expect(keepers.getByRole("link", { name: "Coast" })).toBeVisible();
  await expect(keepers.locator(".excerpt")).toHaveText(
    "Three keepers, one tower and forty winters.",
  );
  await expectLoaded(keepers.getByRole("img", { name: "A white tower above green water" }));
  await expect(card(page, "How a Tide Clock Works").locator(".excerpt")).toHaveText(
    "One hand, two tides a day.",
  );

  await page.goto(url("hugo", "articles/lighthouse-keepers"));
  const figure = page.getByRole("figure", { name: "The cap he left behind" });
  await expectLoaded(figure.getByRole("img", { name: "A keeper's cap on a hook" }));
  await expect(page.getByRole("link", { name: "Watch the video on YouTube" })).toHaveAttribute(
    "href",
    "https://www.youtube.com/watch?v=abc123XYZ",
  );
  await expectNoTemplateTags(page);
  await page.getByRole("link", { name: "the tide clock" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How a Tide Clock Works");
  await expectLoaded(page.getByRole("img", { name: "The bay at low water" }));
  await expectNoTemplateTags(page, [
    '{{< tweet user="harbourclock" id="1234" >}}',
    '{{< figure src="x.png" >}}',
  ]);
});

test("an Eleventy folder: tags as text or a list, Uncategorized, a folder with index.md", async ({
  page,
}) => {
  await page.goto(url("eleventy", "category/uncategorized"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(2);
  const second = card(page, "Second Light");
  await expect(second.getByRole("link", { name: "Uncategorized" })).toBeVisible();
  await expect(second.locator("time")).toHaveText("September 15, 2019");
  await expectLoaded(second.getByRole("img", { name: "Fog on a window pane" }));
  await page.goto(url("eleventy", "articles/second-light"));
  await expect(page.getByText("By Tomas Reyes")).toBeVisible();
  await expectLoaded(page.getByRole("img", { name: "The same window at noon" }));
});

test("an Astro blog: pubDate, description, heroImage relative and from public/, code kept", async ({
  page,
}) => {
  await page.goto(url("astro"));
  await expect(page.getByRole("heading", { level: 2 })).toHaveCount(3);
  const first = card(page, "First post");
  await expect(first.locator("time")).toHaveText("July 8, 2022");
  await expect(first.locator(".excerpt")).toHaveText("A quiet start for the harbour blog.");
  await expect(first.getByRole("link", { name: "Uncategorized" })).toBeVisible();
  // heroImage has no alt in Astro's template: shown as decorative (the build's warning says so).
  const hero = first.locator("img");
  await expect(hero).toHaveAttribute("alt", "");
  await expect
    .poll(() => hero.evaluate((i: HTMLImageElement) => i.naturalWidth))
    .toBeGreaterThan(0);
  // Written at 18:45 −07:00 on the 15th: the 15th, whatever the machine's zone.
  const second = card(page, "Second post");
  await expect(second.locator("time")).toHaveText("July 15, 2022");
  const fromPublic = second.locator("img");
  await expect
    .poll(() => fromPublic.evaluate((i: HTMLImageElement) => i.naturalWidth))
    .toBeGreaterThan(0);
  // A missing heroImage is a warning: the article is built without a picture.
  await expect(card(page, "Markdown Style Guide").locator("img")).toHaveCount(0);

  await page.goto(url("astro", "articles/markdown-style-guide"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Markdown Style Guide");
  await expect(page.locator(".prose pre code").first()).toContainText(
    "![Alt text](./full/or/relative/path/of/image)",
  );
  await expectNoTemplateTags(page);
});
