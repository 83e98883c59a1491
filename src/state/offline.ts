// Offline state in memory: whether the network is there, which articles the browser's Cache
// Storage holds (precached by the service worker or cached when opened or bookmarked), and the
// pending update of the app. The service worker itself is registered by ./register-sw.ts.
import { createSignal } from "solid-js";
import type { ArticleBody, ArticleSummary } from "../catalog/types.ts";
import { assetUrl } from "../catalog/catalog.ts";
import { CACHED_EVENT, CONTENT_CACHED } from "../catalog/offline-files.ts";
import { onNewerRecord } from "../storage/records.ts";

const [online, setOnline] = createSignal(typeof navigator === "undefined" || navigator.onLine);
const [cached, setCached] = createSignal<ReadonlySet<string>>(new Set());
const [updateReady, setUpdateReady] = createSignal(false);
const [newerData, setNewerData] = createSignal(false);
const [unsaved, setUnsaved] = createSignal(false);
// A record saved by a newer version of Offprint was met (and left alone): this tab's code is old.
onNewerRecord(() => setNewerData(true));

/** Whether this tab met data saved by a newer version of Offprint (it asks for a reload). */
export { newerData };

/** Whether the browser says the network is there (follows `online`/`offline` events). */
export { online };

/** Whether a new version of the app is installed and waits for the reader's "Reload". */
export { updateReady };

/** Whether the reader's "Reload" waits because a draft could not be saved (the prompt says so). */
export { unsaved as reloadWaitsForDraft };

const hasCaches = () => typeof caches !== "undefined";

/** The URL paths of every response in this origin's Cache Storage. */
async function cachedPaths(): Promise<Set<string>> {
  const paths = new Set<string>();
  for (const name of await caches.keys()) {
    for (const request of await (await caches.open(name)).keys()) {
      paths.add(new URL(request.url).pathname);
    }
  }
  return paths;
}

let scans = 0;

/** Re-reads which article files are cached. Cheap enough to call after anything that caches. */
export async function refreshOffline(): Promise<void> {
  if (!hasCaches()) return;
  const scan = ++scans;
  try {
    const paths = await cachedPaths();
    if (scan === scans) setCached(paths); // a later scan knows better
  } catch {
    // Cache Storage refused (private mode, storage cleared): keep what we knew.
  }
}

/** Whether an article's body and picture are in the browser's cache, so it opens offline. */
export function isAvailableOffline(article: ArticleSummary): boolean {
  const paths = cached();
  return (
    paths.has(assetUrl(article.body)) && (!article.image || paths.has(assetUrl(article.image.src)))
  );
}

/**
 * Makes sure an article opens offline, now and after any update: copies its body and images into
 * the reader cache (./kept-offline.ts, loaded only now). Resolves to whether it is kept; never
 * throws, since it runs beside the action that asked for it (a bookmark, an opened page).
 * @example await toggleBookmark(slug); void keepOffline(slug);
 */
export async function keepOffline(slug: string, fetched?: ArticleBody): Promise<boolean> {
  if (!hasCaches()) return false;
  try {
    if (!(await (await import("./kept-offline.ts")).keepArticle(slug, fetched))) return false;
    dispatchEvent(new Event(CACHED_EVENT));
    return true;
  } catch {
    return false; // offline, or the cache is full: the article stays "not available offline"
  } finally {
    await refreshOffline();
  }
}

type ReloadHook = () => unknown;
const hooks = new Set<ReloadHook>();

/**
 * Registers work that must finish before the page reloads for an update (saving drafts).
 * Returns a function that unregisters it.
 * @example const stop = beforeReload(() => flushDrafts());
 */
export function beforeReload(fn: ReloadHook): () => void {
  hooks.add(fn);
  return () => void hooks.delete(fn);
}

let activate: (() => Promise<void>) | undefined;

/** Called by the registration: an update waits; `activateUpdate` lets it take over. */
export function updateFound(activateUpdate: () => Promise<void>): void {
  activate = activateUpdate;
  setUpdateReady(true);
}

/**
 * Called by the registration when the new version took over this tab without it asking (the
 * reader pressed "Reload" in another tab). This tab keeps its page and its prompt: reloading it
 * is still the reader's call.
 */
export function updateTookOver(): void {
  setUpdateReady(true);
}

let requested = false;
let busy = false;

/** Whether this tab's reader pressed "Reload" (so the reload that follows is theirs). */
export const reloadRequested = (): boolean => requested;

/**
 * The prompt's "Reload": runs every `beforeReload` hook (saving drafts), then lets the new
 * version take over, which reloads the page. If a hook fails the page stays and the prompt says
 * so (`reloadWaitsForDraft`) until a draft is saved (`draftSaved`) or the reader reloads `anyway`.
 */
export async function reloadForUpdate(anyway = false): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    if (!anyway) for (const hook of hooks) await hook();
  } catch {
    // The text is still in the form (and its safety copy), whose status line says why.
    setUnsaved(true);
    return;
  } finally {
    busy = false;
  }
  setUnsaved(false);
  requested = true;
  // Another tab's "Reload" may have activated the new version already: then only reload.
  const waiting = (await navigator.serviceWorker?.getRegistration())?.waiting;
  if (activate && waiting) await activate();
  else location.reload();
}

/** A draft that could not be saved now is: a "Reload" that waited for it tries again. */
export function draftSaved(): void {
  if (unsaved()) void reloadForUpdate();
}

/** Follows the network state; call once at start-up. */
export function startOffline(): void {
  addEventListener("online", () => setOnline(true));
  addEventListener("offline", () => setOnline(false));
  setOnline(navigator.onLine);
  void refreshOffline();
  // Once the worker is active its precache is complete; a new worker may have changed it.
  navigator.serviceWorker?.ready.then(() => refreshOffline());
  navigator.serviceWorker?.addEventListener("controllerchange", () => void refreshOffline());
  navigator.serviceWorker?.addEventListener("message", (event: MessageEvent) => {
    // The worker cached a file on its own (a picture in the list): keep the cache within budget.
    if ((event.data as { type?: string } | null)?.type === CONTENT_CACHED) {
      import("./kept-offline.ts").then(
        (m) => m.keepWithinBudget(),
        () => undefined,
      );
    }
  });
}
