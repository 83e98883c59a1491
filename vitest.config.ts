import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";

const edition = new URL("tests/unit/edition-stub.ts", import.meta.url).pathname;
/** Server renders are tested in files of their own, under Solid's server build. */
const SERVER_TESTS = "tests/unit/**/*.server.test.{ts,tsx}";

export default defineConfig({
  test: {
    testTimeout: 20000,
    projects: [
      {
        plugins: [solid()],
        resolve: {
          conditions: ["development", "browser"],
          alias: { "virtual:offprint/edition": edition },
        },
        test: {
          name: "browser",
          environment: "jsdom",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          exclude: [SERVER_TESTS],
          setupFiles: ["tests/unit/setup.ts"],
          testTimeout: 20000,
        },
      },
      {
        // The components compiled for and run by Solid's server renderer, in Node: no window,
        // no document, no storage, as at build time (build/prerender.ts).
        plugins: [solid({ ssr: true })],
        resolve: { alias: { "virtual:offprint/edition": edition } },
        ssr: { noExternal: ["@solidjs/router"] },
        test: {
          name: "server",
          environment: "node",
          include: [SERVER_TESTS],
          hookTimeout: 60000,
          testTimeout: 20000,
        },
      },
    ],
  },
});
