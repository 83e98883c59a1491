// Two pages typing into one draft in turn, with reloads and closes between: every word typed must
// end up in the stored draft or in a kept other version, whichever text each conflict kept.
import type { BrowserContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures.ts";
import { figure } from "./figures.ts";
import { random } from "./random.ts";

const FOG = "field-notes-on-coastal-fog";
const QUESTION = "This draft was changed in another tab";

/** 24 rounds in `npm test`'s 60-round storm, 200 in `npm run test:stress`'s 500. */
const ROUNDS = Math.round((Number(process.env.OFFPRINT_STORM_ROUNDS ?? 60) * 2) / 5);
/** A new seed every run, printed; `OFFPRINT_TWO_TAB_SEED` replays one. */
const SEED = Number(process.env.OFFPRINT_TWO_TAB_SEED ?? Math.floor(Math.random() * 1e9));

const comment = (page: Page) => page.getByRole("textbox", { name: "Comment" });
const status = (page: Page) =>
  page.getByRole("region", { name: "Leave a Reply" }).getByRole("status");

async function open(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/articles/${FOG}`);
  await comment(page).waitFor(); // the form shows once the draft has been read back
  return page;
}

/** Every comment the device keeps for the article: the draft's, then each other version's. */
function keptComments(page: Page): Promise<string[]> {
  return page.evaluate(async (slug) => {
    type Kept = { slug?: string; fields: { comment: string } };
    const read = (db: string, key?: string) =>
      new Promise<Kept[]>((resolve, reject) => {
        const req = indexedDB.open(db);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const store = req.result.transaction("records").objectStore("records");
          const get = key === undefined ? store.getAll() : store.get(key);
          get.onsuccess = () => {
            req.result.close();
            resolve([get.result ?? []].flat() as Kept[]);
          };
        };
      });
    const draft = await read("offprint-drafts", slug);
    const versions = (await read("offprint-versions")).filter((k) => k.slug === slug);
    return [...draft, ...versions].map((k) => k.fields.comment);
  }, FOG);
}

const safetyCopies = (page: Page) =>
  page.evaluate(
    () => Object.keys(localStorage).filter((k) => k.startsWith("offprint-draft-safety:")).length,
  );

test(
  "two pages typing into one draft, reloaded and closed at random, lose no word",
  { tag: "@reliability" },
  async ({ context }) => {
    test.setTimeout(60_000 + ROUNDS * 3_000);
    console.log(`two-tab storm: seed ${SEED} (OFFPRINT_TWO_TAB_SEED=${SEED} replays it)`);
    test.info().annotations.push({ type: "seed", description: String(SEED) });
    const next = random(SEED);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const events: string[] = [];

    /** Answers the conflict question, at random, when the page asks it. */
    async function answer(page: Page, who: string): Promise<void> {
      const prompt = page.getByText(QUESTION);
      if (!(await prompt.isVisible())) return;
      const choice = pick(["Keep my text", "Load the other text"]);
      events.push(`${who}: ${choice}`);
      await page
        .getByRole("button", { name: choice })
        .click({ timeout: 5_000 })
        .catch(async (err: unknown) => {
          if (await prompt.isVisible()) throw err; // gone by itself (the texts became the same)
        });
    }

    const pages = [await open(context), await open(context)];
    const typed: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const i = round % 2;
      const page = pages[i];
      await answer(page, `round ${round}, page ${i}`);
      const token = `a${round}`;
      const box = comment(page);
      await box.focus();
      await page.keyboard.press("ControlOrMeta+End");
      await page.keyboard.type(`${token} `);
      typed.push(token);
      await expect(box).toHaveValue(new RegExp(`\\b${token} $`)); // on screen: never to be lost

      const roll = next();
      if (roll < 0.3) {
        // The storm's deliberate delay: 0–300 ms after the last key, a page reloads or closes.
        const j = pick([0, 1]);
        const delayMs = Math.floor(next() * 300);
        const close = roll < 0.1;
        events.push(`round ${round}: ${close ? "close" : "reload"} page ${j} after ${delayMs} ms`);
        if (close) {
          await pages[j].evaluate((ms) => new Promise((r) => setTimeout(r, ms)), delayMs);
          await pages[j].close();
          pages[j] = await open(context);
        } else {
          const reloaded = pages[j].waitForEvent("load");
          await pages[j].evaluate((ms) => void setTimeout(() => location.reload(), ms), delayMs);
          await reloaded;
          await comment(pages[j]).waitFor();
        }
      }
    }

    // Both pages go; a new one takes over what they left and says where everything is.
    for (const page of pages) await page.close();
    const last = await open(context);
    await expect(status(last)).toHaveText(/^Draft saved at|choose which text to keep/);
    await answer(last, "last page");
    await expect(status(last)).toHaveText(/^Draft saved at/);
    await expect.poll(() => safetyCopies(last)).toBe(0);

    const kept = new Set((await keptComments(last)).flatMap((text) => text.split(/\s+/)));
    const missing = typed.filter((token) => !kept.has(token));
    const characters = typed.reduce((n, token) => n + token.length + 1, 0);
    const lost = missing.reduce((n, token) => n + token.length + 1, 0);
    const count = (what: string) => events.filter((e) => e.includes(what)).length;
    console.log(
      `two-tab storm: ${ROUNDS} rounds, ${characters} characters typed, ${lost} characters lost; ` +
        `${count("text")} conflicts answered, ${count("reload")} reloads, ${count("close")} closes` +
        (missing.length > 0 ? ` (${missing.join(" ")}); seed ${SEED}\n${events.join("\n")}` : ""),
    );
    figure(test.info(), "two-tab rounds", ROUNDS);
    figure(test.info(), "characters lost (two tabs)", lost);
    expect(missing).toEqual([]);
  },
);
