import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { offprintContent } from "./build/plugin.ts";
import { offprintPwa } from "./build/pwa.ts";
import { offprintPrerender } from "./build/prerender.ts";
import { budgetFromEnv, readerCacheBytesFromEnv } from "./build/precache.ts";
import { feedItemsFromEnv } from "./build/feeds.ts";
import { siteUrlFromEnv } from "./build/site-url.ts";
import { stopBuild } from "./build/stop.ts";
import { localforageIndexedDbOnly } from "./build/localforage.ts";
import { startUpChunk } from "./build/start-up-chunk.ts";

/** An on/off variable: 1 or 0 (unset is 0). */
function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const value = env[name] ?? "";
  if (value !== "" && value !== "0" && value !== "1") {
    throw new Error(`${name} must be 1 or 0 (got ${JSON.stringify(value)})`);
  }
  return value === "1";
}

/** Build settings come from the environment, so a publisher needs no config file of their own. */
function settings() {
  const env = process.env;
  let base = env.OFFPRINT_BASE || "/";
  if (!base.startsWith("/")) base = `/${base}`;
  if (!base.endsWith("/")) base = `${base}/`;
  const commentsUrl = env.OFFPRINT_COMMENTS_URL || undefined;
  if (commentsUrl && !/^https?:\/\//.test(commentsUrl)) {
    throw new Error(
      `OFFPRINT_COMMENTS_URL must be an http(s) URL (got ${JSON.stringify(commentsUrl)})`,
    );
  }
  return {
    base,
    content: env.OFFPRINT_CONTENT || "content/articles",
    strict: flag(env, "OFFPRINT_STRICT"),
    drafts: flag(env, "OFFPRINT_DRAFTS"),
    siteName: env.OFFPRINT_SITE_NAME || "Offprint",
    commentsUrl,
    siteUrl: siteUrlFromEnv(env, base),
    feedItems: feedItemsFromEnv(env),
  };
}

/** The settings, or the build stops with the one line that names the bad variable. */
function settingsOrStop() {
  try {
    return {
      ...settings(),
      budget: budgetFromEnv(process.env),
      readerCacheBytes: readerCacheBytesFromEnv(process.env),
    };
  } catch (err) {
    stopBuild([err instanceof Error ? err.message : String(err)]);
  }
}

const { base, budget, readerCacheBytes, ...content } = settingsOrStop();
const edition = offprintContent({ ...content, precacheArticles: budget.articles });

export default defineConfig({
  base,
  define: {
    // The page keeps the reader cache within this (src/state/kept-offline.ts).
    "import.meta.env.OFFPRINT_READER_CACHE_BYTES": JSON.stringify(readerCacheBytes),
  },
  plugins: [
    localforageIndexedDbOnly(),
    solid(),
    edition,
    offprintPrerender(() => edition.api),
    offprintPwa({
      base,
      siteName: content.siteName,
      budget,
      edition: () => edition.api?.edition(),
    }),
    {
      name: "offprint-theme",
      apply: "build",
      async writeBundle(options) {
        const dir = options.dir ?? "dist";
        // theme.js runs before the first paint on every page load: ship it without its comments
        // and indentation (it has no strings containing "//").
        const theme = path.join(dir, "theme.js");
        const source = await readFile(theme, "utf8");
        const lines = source.split("\n").map((line) => line.trim());
        await writeFile(theme, lines.filter((l) => l && !l.startsWith("//")).join("\n") + "\n");
      },
    },
  ],
  build: {
    target: "es2022",
    assetsInlineLimit: 0,
    // The folder is kept between builds: a file is written only when it changed, and what the
    // build did not make is removed at the end (build/out-dir.ts). `--emptyOutDir` still empties it.
    emptyOutDir: false,
    // A lazy chunk's own imports are not preloaded beside it (the browser fetches them as it reads
    // the chunk; a link's hover or the service worker's precache has usually fetched them by
    // then): the list of every chunk's dependencies cost the start-up file ~0.4 KB gzip. Only
    // stylesheets are still loaded with the chunk that needs them.
    modulePreload: false,
    rolldownOptions: {
      output: {
        // What the first screen needs travels as one file (build/start-up-chunk.ts).
        codeSplitting: { groups: [{ name: startUpChunk(), debugName: "core" }] },
      },
    },
  },
});
