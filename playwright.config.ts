import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "./tests/e2e/browser.ts";

/** Several checkouts' suites can run side by side with their own port and build folder. */
export const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? "dist";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: "off",
  },
  webServer: {
    // Never another server's: the port is checked before the build (port-free.ts says what to do),
    // and readiness is vite's own line, not an answer on the port (given a url, Playwright meets a
    // stranger's answer with advice to set reuseExistingServer).
    command: [
      `npx tsx tests/e2e/port-free.ts ${PORT}`,
      `npx vite build --outDir ${DIST} --emptyOutDir`,
      `npx vite preview --outDir ${DIST} --host 127.0.0.1 --port ${PORT} --strictPort`,
    ].join(" && "),
    wait: { stdout: new RegExp(`Local:\\s+http://127\\.0\\.0\\.1:${PORT}/`) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
  },
});
