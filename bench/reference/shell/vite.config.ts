// Builds the reference shell (bench/reference/shell) under /shell/. BENCH_INDEX_URL: the catalog
// index of the edition it lists; BENCH_OUT: where to write it.
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/shell/",
  plugins: [solid()],
  define: { __INDEX_URL__: JSON.stringify(process.env.BENCH_INDEX_URL ?? "/content/index.json") },
  build: {
    target: "es2022",
    outDir: process.env.BENCH_OUT ?? "../../.work/shell",
    emptyOutDir: true,
  },
  logLevel: "warn",
});
