// The `test` every browser test uses: it fails a test on any console error, uncaught exception or
// Content-Security-Policy violation on any page the test opened.
import { test as base, expect, type Page } from "@playwright/test";

export interface Problems {
  list: string[];
  /** Console messages matching these are expected by the test (e.g. a deliberate 404). */
  allow: RegExp[];
}

export function watch(page: Page, problems: Problems): void {
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (!problems.allow.some((re) => re.test(text))) problems.list.push(`console: ${text}`);
  });
  page.on("pageerror", (err) => problems.list.push(`pageerror: ${err.message}`));
}

export const test = base.extend<{ problems: Problems }>({
  problems: [
    async ({ context }, use) => {
      const problems: Problems = { list: [], allow: [] };
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      context.on("page", (page) => watch(page, problems));
      for (const page of context.pages()) watch(page, problems);
      await use(problems);
      expect(problems.list, "console errors, page errors or CSP violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
