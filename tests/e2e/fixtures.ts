// The `test` every browser test uses: it fails a test on any console error, uncaught exception or
// Content-Security-Policy violation on any page the test opened.
import {
  test as base,
  expect,
  type BrowserContext,
  type CDPSession,
  type Page,
} from "@playwright/test";
import { figure } from "./figures.ts";

export interface Problems {
  list: string[];
  /** Console messages matching these are expected by the test (e.g. a deliberate 404). */
  allow: RegExp[];
  /** Content-Security-Policy violations seen, allowed or not (the reliability summary counts them). */
  csp: number;
}

const CSP_VIOLATION = "CSP violation:";

export function watch(page: Page, problems: Problems): void {
  waitForTheApp(page);
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (text.startsWith(CSP_VIOLATION)) problems.csp++;
    if (!problems.allow.some((re) => re.test(text))) problems.list.push(`console: ${text}`);
  });
  page.on("pageerror", (err) => problems.list.push(`pageerror: ${err.message}`));
}

/**
 * Keeps `context.setOffline(true)` true for every new document. Debian's Chromium 150 with
 * Playwright 1.65 keeps the network down after a reload or on a new page, but reports
 * `navigator.onLine` as true there (and fires no "offline" event), unlike a device that really
 * lost its network. Setting the emulation again on the page's own DevTools session puts
 * `navigator.onLine` right without ever letting the network back up for a moment.
 */
export function keepOfflineTrue(context: BrowserContext): void {
  let offline = false;
  const setOffline = context.setOffline.bind(context);
  const sessions = new Map<Page, Promise<CDPSession>>();
  const emulate = (page: Page, on: boolean) => {
    let session = sessions.get(page);
    if (!session) sessions.set(page, (session = context.newCDPSession(page)));
    return session
      .then((cdp) =>
        cdp.send("Network.emulateNetworkConditions", {
          offline: on,
          latency: 0,
          downloadThroughput: -1,
          uploadThroughput: -1,
        }),
      )
      .catch(() => undefined); // the page went meanwhile
  };
  const reapply = (page: Page) => {
    if (offline && !page.isClosed()) void emulate(page, true);
  };
  const follow = (page: Page) => {
    page.on("framenavigated", (frame) => frame === page.mainFrame() && reapply(page));
    page.on("close", () => sessions.delete(page));
  };
  context.on("page", follow);
  context.pages().forEach(follow);
  context.setOffline = async (on: boolean) => {
    offline = on;
    await setOffline(on);
    // Back online, the pages' own sessions must say so too: Debian's Chromium 156 keeps a page
    // offline while its session's emulation says offline, whatever the context says.
    if (!on) await Promise.all([...sessions.keys()].map((page) => emulate(page, false)));
  };
}

/** Watches every page of a context, the test's own or one it made with `browser.newContext`. */
export async function watchContext(context: BrowserContext, problems: Problems): Promise<void> {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  context.on("page", (page) => watch(page, problems));
  for (const page of context.pages()) watch(page, problems);
}

/**
 * Waits, after a navigation, until the app has taken the place of the page's static copy
 * (build/prerender.ts). The copy looks like the page but is not the app: a test that types into it,
 * or measures it, while the app is taking over acts on elements about to be removed. A page whose
 * app never starts (its code cannot be fetched) keeps its copy: the wait then just ends.
 */
export async function appTookOver(page: Page): Promise<void> {
  await page
    .waitForFunction(() => !document.getElementById("first-screen"), null, { timeout: 10_000 })
    .catch(() => undefined);
}

const waiting = new WeakSet<Page>();

/**
 * `page.goto` and `page.reload` that wait, when they wait for the load, for the app too: on every
 * page a test watches (its own, and those of the contexts it makes and watches).
 */
function waitForTheApp(page: Page): void {
  if (waiting.has(page)) return;
  waiting.add(page);
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  const loaded = (options?: { waitUntil?: string }) =>
    !options?.waitUntil || options.waitUntil === "load";
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (loaded(options)) await appTookOver(page);
    return response;
  };
  page.reload = async (options) => {
    const response = await reload(options);
    if (loaded(options)) await appTookOver(page);
    return response;
  };
}

export const test = base.extend<{ problems: Problems }>({
  context: async ({ context }, use) => {
    keepOfflineTrue(context);
    await use(context);
  },
  problems: [
    async ({ context }, use, testInfo) => {
      const problems: Problems = { list: [], allow: [], csp: 0 };
      await watchContext(context, problems);
      await use(problems);
      figure(testInfo, "CSP violations", problems.csp);
      expect(problems.list, "console errors, page errors or CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
