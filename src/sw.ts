// The service worker, built by vite-plugin-pwa (injectManifest) into sw.js. Ours rather than
// Workbox's generated one because generateSW cannot give the precache a plugin: every file it
// installs must pass the same integrity rule as what it caches later (catalog/offline-files.ts),
// so a deploy whose files answer with the app's HTML is never installed.
import { clientsClaim, type WorkboxPlugin } from "workbox-core";
import {
  addPlugins,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  matchPrecache,
  precacheAndRoute,
  type PrecacheEntry,
} from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import type { RouteHandlerCallbackOptions } from "workbox-core/types.js";
import { CacheFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { CONTENT_CACHED } from "./catalog/offline-files.ts";
import { CACHES } from "./storage/keys.ts";
import { isTrustworthy } from "./catalog/content-rules.ts";
import { appFilesOf, articleAt, articlePageFile, isPageOf } from "./catalog/article-pages.ts";

/** The parts of the worker's global scope used here (the project's types are the page's). */
interface WorkerScope {
  __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  clients: { matchAll(options: { type: "window" }): Promise<{ postMessage(m: unknown): void }[]> };
}

const BASE = import.meta.env.BASE_URL;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const trusted = (url: string, response: Response) =>
  isTrustworthy(new URL(url).pathname, response.status, response.headers.get("content-type"));

/** Keeps out, and never serves, a response that is not what its address asks for. */
const integrity: WorkboxPlugin = {
  cacheWillUpdate: async ({ request, response }) =>
    trusted(request.url, response) ? response : null,
  cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
    cachedResponse && trusted(request.url, cachedResponse) ? cachedResponse : null,
};

// Before precacheAndRoute: an install that meets an untrustworthy file fails, and the installed
// version stays.
addPlugins([integrity]);
precacheAndRoute((self as unknown as WorkerScope).__WB_MANIFEST);
// Deletes only older Workbox precaches ("…-precache-…"): CACHES.content outlives every update.
cleanupOutdatedCaches();
// The first visit is controlled at once; updates still wait for the reader's "Reload".
clientsClaim();

addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "SKIP_WAITING") {
    void (self as unknown as WorkerScope).skipWaiting();
  }
});

/**
 * The static page the reader cache keeps for the article at `url` (src/state/kept-offline.ts),
 * when it is still a page of this version: every script and stylesheet it names is precached now.
 * A page an older version kept names files a deploy has since removed, and would never start.
 */
async function keptArticlePage(url: URL): Promise<Response | undefined> {
  const slug = articleAt(url.pathname, BASE);
  if (slug === undefined) return undefined;
  const page = new URL(`${BASE}${articlePageFile(slug)}`, url).href;
  const kept = await (await caches.open(CACHES.content)).match(page);
  if (!kept || !trusted(page, kept)) return undefined;
  const html = await kept.text();
  if (!isPageOf(html, url.pathname)) return undefined;
  for (const file of appFilesOf(html)) {
    if (!(await matchPrecache(new URL(file, url).href))) return undefined;
  }
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

const shell = createHandlerBoundToURL("index.html");

/** A navigation: a kept article's own page when there is one, else the app's page. */
async function navigation(options: RouteHandlerCallbackOptions): Promise<Response> {
  const page = await keptArticlePage(options.url).catch(() => undefined);
  return page ?? shell(options);
}

// Every page of the app is index.html (or a kept article's own page); the edition's files, the
// worker and the manifest are not.
registerRoute(
  new NavigationRoute(navigation, {
    denylist: [
      new RegExp(`^${escapeRegExp(BASE)}(?:content|assets)/`),
      /\/[^/?]+\.[a-z0-9]+(?:\?.*)?$/i,
    ],
  }),
);

// Bodies and images past the precache: kept once seen. What the reader keeps on purpose is
// copied here by the page (src/state/kept-offline.ts), which also keeps the cache within budget:
// only the page knows which articles are bookmarked or drafted.
/** Tells the pages the cache grew, so one of them keeps it within budget. */
const announce: WorkboxPlugin = {
  cacheDidUpdate: async () => {
    const pages = await (self as unknown as WorkerScope).clients.matchAll({ type: "window" });
    for (const page of pages) page.postMessage({ type: CONTENT_CACHED });
  },
};

registerRoute(
  new RegExp(`^[^?#]*${escapeRegExp(BASE)}content/(?:articles|img)/`),
  new CacheFirst({ cacheName: CACHES.content, plugins: [integrity, announce] }),
);

// The archive's search files are not precached; one a search fetched is kept, so the same search
// offline later finds it; so are the catalog's pages and slug shards past the precache, so an
// article opened (or bookmarked) online finds its summary offline, now that the whole index is
// not precached. Their names carry their content's hash, so a kept one is never stale; those of
// older deploys go as newer ones come (the least recently used past FILES_KEPT, per cache).
const FILES_KEPT = 300;
const keptFiles = (path: string, cacheName: string) =>
  registerRoute(
    new RegExp(`^[^?#]*${escapeRegExp(BASE)}${path}`),
    new CacheFirst({
      cacheName,
      plugins: [
        integrity,
        new ExpirationPlugin({ maxEntries: FILES_KEPT, purgeOnQuotaError: true }),
      ],
    }),
  );
keptFiles("content/search/archive-", CACHES.search);
keptFiles("content/catalog/", CACHES.catalog);
