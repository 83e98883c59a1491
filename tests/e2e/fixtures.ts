// The `test` every browser test uses: it fails a test on any console error, uncaught exception or
// Content-Security-Policy violation on any page the test opened.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
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
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (text.startsWith(CSP_VIOLATION)) problems.csp++;
    if (!problems.allow.some((re) => re.test(text))) problems.list.push(`console: ${text}`);
  });
  page.on("pageerror", (err) => problems.list.push(`pageerror: ${err.message}`));
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

export const test = base.extend<{ problems: Problems }>({
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
