// The service worker and web app manifest: vite-plugin-pwa building our worker (src/sw.ts) with
// Workbox's precache list injected, set up for a static deploy under any base path. The app
// registers the worker itself (src/shell/register-sw.ts).
import { VitePWA } from "vite-plugin-pwa";
import type { PluginOption } from "vite";
import type { Edition } from "./edition.ts";
import { CONTENT_DIR } from "./edition.ts";
import { SERVICE_WORKER_FILE } from "./output-names.ts";
import { MB, precacheTransform, type PrecacheBudget } from "./precache.ts";
import { PUBLISHED_GLOBS } from "./published.ts";
import { STATIC_PAGE_GLOBS } from "./prerender.ts";

export const THEME_COLOR = "#8a2b1c";
export const BACKGROUND_COLOR = "#fbf8f3";

export interface PwaOptions {
  base: string;
  siteName: string;
  budget: PrecacheBudget;
  edition: () => Edition | undefined;
}

export function offprintPwa(options: PwaOptions): PluginOption {
  const { base, siteName, budget } = options;
  return VitePWA({
    registerType: "prompt",
    injectRegister: false,
    // globPatterns below already list public/'s files; listing them twice breaks the install.
    includeManifestIcons: false,
    manifest: {
      name: siteName,
      short_name: siteName.length <= 12 ? siteName : siteName.slice(0, 12).trim(),
      description: `${siteName}: an offline-first reader for this publication's articles.`,
      lang: "en",
      start_url: base,
      scope: base,
      id: base,
      display: "standalone",
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      icons: [
        { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
        { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        {
          src: "icons/icon-maskable-512.png",
          sizes: "512x512",
          type: "image/png",
          purpose: "maskable",
        },
      ],
    },
    // Our own worker (src/sw.ts): generateSW cannot give the precache the integrity plugin.
    strategies: "injectManifest",
    srcDir: "src",
    filename: SERVICE_WORKER_FILE.replace(/\.js$/, ".ts"),
    injectManifest: {
      // Everything the shell and the edition need; the manifest is added by the plugin itself.
      globPatterns: ["**/*.{js,css,html,json,svg,png,jpg,jpeg,gif,webp,avif,ico}"],
      // 404.html is index.html again, for static hosts; the navigation route covers it. Feeds,
      // the sitemap and link-preview pictures are for other sites, not for the app offline.
      // The static page of every route (build/prerender.ts) is not precached either: it would
      // double the precache, and the app shell (index.html) draws any route; the worker keeps an
      // article's page once it has been visited (src/sw.ts).
      globIgnores: ["404.html", ...STATIC_PAGE_GLOBS, ...PUBLISHED_GLOBS],
      // Hashed names never change content: keep them as plain URLs (no revision query), which
      // also lets the page find them with `caches.match(url)` (offline, before the worker
      // controls it: src/catalog/catalog.ts). The paged catalog's files are named by hash alone.
      dontCacheBustURLsMatching: new RegExp(
        `^(?:assets/.+-[A-Za-z0-9_-]{8}|${CONTENT_DIR}/(?:.+-|catalog/)[0-9a-f]{10})\\.\\w+$`,
      ),
      // The article budget is enforced by precacheTransform; the shell, the catalog and the search
      // index are always needed offline, whatever their size (a 10,000-article edition has a
      // 27 MB search index), so Workbox's own per-file limit must not drop them or fail the build.
      maximumFileSizeToCacheInBytes: Math.max(budget.bytes, 512 * MB),
      manifestTransforms: [precacheTransform(options.edition, base, budget)],
    },
  });
}
