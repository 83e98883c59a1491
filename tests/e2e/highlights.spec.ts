// Highlights and notes (issue 19) in the built app: made by mouse and by keyboard, across
// paragraphs; the note autosaved and kept over a reload; Remove and Undo; a second tab following;
// /highlights with its filter and deep links; and a new edition that edits one highlighted
// passage (re-anchored) and deletes another (listed as unplaced, never dropped).
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { buildApp } from "./build.ts";
import { serveStatic, type StaticHost } from "./static-server.ts";
import { getRaw } from "./stored-records.ts";

const run = promisify(execFile);
const A = "dist-highlights-a";
const B = "dist-highlights-b";
const TITLE = "Night Trains";
const P1 = "The night train left Vienna at ten, and by midnight most of the carriage slept.";
const P2 = "Only the conductor walked the *corridor*, checking that every door was shut.";
const P3 = "In the morning the Alps were white with the first snow of the year.";
const P4 = "The dining car closed early, and nobody complained about the cold coffee.";
const OTHER = "A Quiet Article";
// A plain static host answers an article's address with 404.html (status 404) until the service
// worker serves the app: the browser logs that status, and the app shows the article all the same.
const DEEP_LINK_404 = /status of 404 \(Not Found\)/;

const article = (title: string, body: string) =>
  `---\ntitle: "${title}"\ndate: 2026-03-02\ncategory: General\n---\n${body}\n`;
const editionA = `${P1}\n\n${P2}\n\n${P3}\n\n- Bring a blanket\n- Bring tea\n\n${P4}`;
// The next edition adds a paragraph, fixes a word in P2 and deletes P4.
const editionB = `A new first paragraph, added in the second edition.\n\n${P1}\n\n${P2.replace("every", "each")}\n\n${P3}\n\n- Bring a blanket\n- Bring tea`;

async function content(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "offprint-highlights-"));
  for (const [name, md] of Object.entries(files)) await writeFile(path.join(dir, name), md);
  return dir;
}

const marks = (page: Page) => page.locator("main mark.highlight");
const paragraph = (page: Page, text: string) =>
  page.locator(".prose p", { hasText: text.replace(/\*/g, "").slice(0, 30) });

/** Drags the mouse from the start of one paragraph's text to a point inside another's. */
async function dragSelect(page: Page, from: string, to: string, fraction = 0.5): Promise<void> {
  const a = await paragraph(page, from).boundingBox();
  const b = await paragraph(page, to).boundingBox();
  if (!a || !b) throw new Error("paragraphs not laid out");
  await page.mouse.move(a.x + 1, a.y + 4);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * fraction, b.y + 4, { steps: 5 });
  await page.mouse.up();
}

async function axeClean(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

test.describe("highlights and notes", () => {
  test.describe.configure({ mode: "serial" });
  let host: StaticHost;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const a = await content({
      "night-trains.md": article(TITLE, editionA),
      "quiet.md": article(OTHER, "Nothing to see here, only a quiet paragraph.").replace(
        "2026-03-02",
        "2026-03-01",
      ),
    });
    const b = await content({
      "night-trains.md": article(TITLE, editionB),
      "quiet.md": article(OTHER, "Nothing to see here, only a quiet paragraph.").replace(
        "2026-03-02",
        "2026-03-01",
      ),
    });
    try {
      await Promise.all([
        buildApp(A, { OFFPRINT_CONTENT: a }),
        // The new edition through the publisher's own command.
        run("npm", ["run", "build", "--", "--outDir", B, "--emptyOutDir", "--logLevel", "error"], {
          env: { ...process.env, OFFPRINT_CONTENT: b },
          maxBuffer: 16 * 1024 * 1024,
        }),
      ]);
    } finally {
      await Promise.all([a, b].map((dir) => rm(dir, { recursive: true, force: true })));
    }
    host = await serveStatic(A);
  });
  test.afterAll(() => host?.close());

  test("highlights by mouse and keyboard, keeps a note over a reload, removes with Undo, and a second tab follows", async ({
    page,
    context,
    problems,
  }) => {
    test.setTimeout(90_000);
    problems.allow.push(DEEP_LINK_404);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`${host.url}articles/night-trains`);
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    const other = await context.newPage();
    await other.goto(`${host.url}articles/night-trains`);
    await expect(other.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();

    // Mouse: a double click selects a word; the toolbar offers Highlight.
    await page
      .locator(".prose p")
      .first()
      .getByText(/Vienna/)
      .dblclick({ position: { x: 200, y: 5 } });
    const toolbar = page.getByRole("toolbar", { name: "Selected text" });
    await expect(toolbar.getByRole("button", { name: "Add note" })).toBeVisible();
    const word = await page.evaluate(() => document.getSelection()?.toString().trim());
    await toolbar.getByRole("button", { name: "Highlight" }).click();
    await expect(marks(page)).toHaveText([word as string]);
    await expect(page.locator("mark.highlight")).toBeFocused();
    // The second tab paints it without a reload.
    await expect(marks(other)).toHaveText([word as string]);

    // A selection outside the body (the title) offers nothing.
    await page.getByRole("heading", { level: 1, name: TITLE }).dblclick();
    await expect(toolbar).toHaveCount(0);

    // Mouse, across paragraphs and emphasis, then a note.
    await dragSelect(page, P2, P3);
    await toolbar.getByRole("button", { name: "Add note" }).click();
    const note = page.getByLabel("Note");
    await expect(note).toBeFocused();
    await page.evaluate(() => {
      const [first, last] = [...document.querySelectorAll(".prose mark")].slice(0, 2);
      (window as unknown as { before: Element[] }).before = [
        document.getElementById("highlight-note")!,
        first,
        last,
      ];
    });
    await note.fill("<b>not bold</b> — a note");
    await expect(page.getByText("24 / 10,000 characters")).toBeVisible();
    await expect
      .poll(async () => {
        const r = (await getRaw(page, "offprint-highlights", "night-trains")) as {
          highlights: { note: string }[];
        };
        return r?.highlights.map((h) => h.note);
      })
      .toContain("<b>not bold</b> — a note");
    // The save rebuilt neither the panel typed in (its caret, its undo history) nor the marks.
    expect(
      await page.evaluate(() => {
        const w = window as unknown as { before: Element[] };
        return w.before.map((el) => el.isConnected);
      }),
    ).toEqual([true, true, true]);
    await page.getByRole("button", { name: "Close" }).click();
    const crossing = page.locator("mark.highlight.has-note");
    await expect(crossing).toHaveCount(1);
    // The passage spans two paragraphs, the emphasis inside one of them included.
    expect(
      await page.locator(".prose p:nth-child(2) mark, .prose p:nth-child(3) mark").count(),
    ).toBeGreaterThan(2);

    // Keyboard: from P4's first character (where caret browsing's caret would start a
    // selection), Shift+Arrow extends it; h highlights it.
    await page.evaluate((text) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const p = [...document.querySelectorAll(".prose p")].find((x) => x.textContent === text);
      const range = document.createRange();
      range.setStart(p!.firstChild!, 0);
      range.setEnd(p!.firstChild!, 1);
      document.getSelection()?.removeAllRanges();
      document.getSelection()?.addRange(range);
    }, P4);
    for (let i = 0; i < 13; i++) await page.keyboard.press("Shift+ArrowRight");
    await expect(toolbar).toBeVisible();
    await page.keyboard.press("h");
    await expect(marks(page).filter({ hasText: "The dining car" })).toHaveText(["The dining car"]);

    // The note survived a reload, and shows as characters.
    await page.reload();
    await expect(marks(page).first()).toBeVisible();
    await page.locator("mark.highlight.has-note").click();
    await expect(page.getByLabel("Note")).toHaveValue("<b>not bold</b> — a note");
    await page.getByRole("button", { name: "Copy" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
      "> Only the conductor walked the corridor",
    );
    await page.keyboard.press("Escape");

    // Remove, then Undo: by keyboard, Enter on the focused highlight opens it.
    const exactly = new RegExp(`^${word}$`);
    const vienna = marks(page).filter({ hasText: exactly });
    await vienna.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Remove highlight" }).click();
    await expect(vienna).toHaveCount(0);
    await expect(marks(other).filter({ hasText: exactly })).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(vienna).toHaveCount(1);
    await expect(marks(other).filter({ hasText: exactly })).toHaveCount(1);

    // The ? dialog lists h.
    await page.locator("body").press("?");
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText(
      "Highlight the text selected in the article",
    );
    await page.keyboard.press("Escape");

    // axe: highlights shown and a panel open, light and dark.
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator("mark.highlight.has-note").click();
      await expect(page.getByLabel("Note")).toBeVisible();
      await axeClean(page);
      await page.keyboard.press("Escape");
    }
  });

  test("/highlights lists, filters, links to the passage and copies Markdown; list cards count", async ({
    page,
    context,
    problems,
  }) => {
    problems.allow.push(DEEP_LINK_404);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    // A passage selected while the highlights' code is still coming gets its toolbar once it comes.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/ArticleHighlights-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${host.url}articles/night-trains`);
    await paragraph(page, P1).dblclick({ position: { x: 20, y: 5 } });
    release();
    await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();
    await page.unroute(/\/assets\/ArticleHighlights-[^/]+\.js$/);
    for (const [i, text] of [P1, P3].entries()) {
      await paragraph(page, text).dblclick({ position: { x: 20, y: 5 } });
      await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();
      await page.keyboard.press("h");
      await expect(marks(page)).toHaveCount(i + 1);
    }
    await page.locator("mark.highlight").first().click();
    // The "Highlighted" notices still show: none of them covers the panel's controls.
    await expect(page.getByRole("status").filter({ hasText: "Highlighted" })).not.toHaveCount(0);
    const covered = await page.evaluate(() =>
      [...document.querySelectorAll(".highlight-panel :is(button, textarea)")]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
          return !el.contains(top);
        })
        .map((el) => el.textContent || el.id),
    );
    expect(covered).toEqual([]);
    await page.getByLabel("Note").fill("Remember the snow");
    await page.getByRole("button", { name: "Close" }).click();
    await expect(page.locator("mark.has-note")).toHaveCount(1);

    await page.getByRole("link", { name: "Articles" }).click();
    const card = page.locator(".card", { hasText: TITLE });
    await expect(card.getByText("2 highlights")).toBeVisible();
    await expect(page.locator(".card", { hasText: OTHER }).getByText(/highlight/)).toHaveCount(0);

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Highlights" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Highlights" })).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "2 highlights" })).toBeVisible();
    await page.getByLabel("Filter highlights").fill("snow");
    await expect(page.getByRole("status").filter({ hasText: "1 highlight match" })).toBeVisible();
    await page.getByRole("button", { name: /^Copy as Markdown/ }).click();
    const md = await page.evaluate(() => navigator.clipboard.readText());
    expect(md).toContain(`## [${TITLE}](${host.url}articles/night-trains)`);
    expect(md).toContain("Remember the snow");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await axeClean(page);
    }

    // The quote links to its passage, which gets the focus.
    const link = page.locator(".highlight-items a").first();
    const id = (await link.getAttribute("href"))?.split("#")[1];
    await link.click();
    await expect(page.locator(`mark#${id}`)).toBeFocused();
    await page.reload();
    await expect(page.locator(`mark#${id}`)).toBeFocused();

    // Offline, the list opens from the device.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);
    await context.setOffline(true);
    await page.goto(`${host.url}highlights`);
    await expect(page.getByRole("status").filter({ hasText: "2 highlights" })).toBeVisible();
    await expect(page.getByText("Remember the snow")).toBeVisible();
    await context.setOffline(false);
  });

  test("a new edition re-anchors an edited passage and lists a deleted one as unplaced", async ({
    page,
    problems,
  }) => {
    test.setTimeout(90_000);
    problems.allow.push(DEEP_LINK_404);
    await page.goto(`${host.url}articles/night-trains`);
    await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
    for (const [text, mark] of [
      [P2, "Only the conductor"],
      [P4, "The dining car"],
    ] as const) {
      await page.evaluate(
        (start) => {
          const p = [...document.querySelectorAll(".prose p")].find((x) =>
            x.textContent?.startsWith(start),
          )!;
          const range = document.createRange();
          range.selectNodeContents(p);
          document.getSelection()?.removeAllRanges();
          document.getSelection()?.addRange(range);
        },
        text.slice(0, 20),
      );
      // h acts once the highlights' code is in the page, which shows the toolbar.
      await expect(page.getByRole("toolbar", { name: "Selected text" })).toBeVisible();
      await page.keyboard.press("h");
      // Saved and painted before the next selection is made.
      await expect(marks(page).filter({ hasText: mark })).not.toHaveCount(0);
    }
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
      .toBe(true);

    host.setRoot(B);
    try {
      await page.goto(host.url);
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      const prompt = page.getByRole("status").filter({ hasText: "A new version is available" });
      // Reload hands over to the new worker, then reloads the page: an address opened before
      // that reload would race it (and could be answered by the old worker).
      const reloaded = page.waitForEvent("load");
      await prompt.getByRole("button", { name: "Reload" }).click();
      await reloaded;
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const r = await navigator.serviceWorker.getRegistration();
            return !!r?.active && !r.waiting && navigator.serviceWorker.controller !== null;
          }),
        )
        .toBe(true);
      await page.goto(`${host.url}articles/night-trains`);
      await expect(page.getByText("A new first paragraph")).toBeVisible();
      // The edited passage is found again, as it now reads.
      await expect(marks(page).filter({ hasText: "checking that each door" })).not.toHaveCount(0);
      const unplaced = page.getByRole("region", { name: "1 highlight could not be placed" });
      await expect(unplaced).toContainText(P4);
      await expect(
        unplaced.getByRole("button", { name: `Remove highlight: ${P4}`, exact: true }),
      ).toBeVisible();
      await axeClean(page);
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Highlights" })
        .click();
      await expect(page.getByRole("link", { name: P4 })).toBeVisible();
    } finally {
      host.setRoot(A);
    }
  });
});
