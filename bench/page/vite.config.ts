// Builds the bench page (bench/page) against an already-built edition: `virtual:offprint/edition`
// points at that build's index and search files (BENCH_DIST), which the bench server serves
// beside the page, so the 10,000-article edition is not rendered a second time.
import { defineConfig, type Plugin } from "vite";
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dist = process.env.BENCH_DIST ?? "bench/.work/dist-10000";

function builtEdition(): Plugin {
  const id = "virtual:offprint/edition";
  return {
    name: "bench-built-edition",
    resolveId: (source) => (source === id ? "\0" + id : undefined),
    load(source) {
      if (source !== "\0" + id) return undefined;
      const files = readdirSync(path.join(dist, "content"));
      const find = (prefix: string) => {
        const name = files.find((f) => f.startsWith(prefix) && f.endsWith(".json"));
        if (!name) throw new Error(`bench page: no ${prefix}*.json in ${dist}/content`);
        return `content/${name}`;
      };
      return [
        `export const indexUrl = ${JSON.stringify(find("index-"))};`,
        `export const searchUrl = ${JSON.stringify(find("search-"))};`,
        `export const siteName = "Offprint bench";`,
        `export const commentsUrl = "";`,
      ].join("\n");
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "/",
  plugins: [builtEdition()],
  build: {
    target: "es2022",
    outDir: process.env.BENCH_OUT ?? "../.work/bench-page",
    emptyOutDir: true,
  },
  logLevel: "warn",
});
