// Waiting for the service worker in browser tests.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures.ts";

/**
 * Waits until the service worker has installed (its precache complete) and controls the page: slow
 * on a busy machine for a large edition, hence `timeout`.
 * @example await controlled(page, 60_000); await context.setOffline(true);
 */
export async function controlled(page: Page, timeout = 20_000): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout })
    .toBe(true);
}
