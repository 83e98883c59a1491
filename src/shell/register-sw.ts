// Registers the service worker from the app's own code (the page's CSP allows no inline script)
// and wires its life cycle to ./offline.ts: a new version waits until the reader presses
// "Reload". Written against the Service Worker API directly: workbox-window would add 2 KB gzip to
// what `/` loads for the same three events. Imported by main.tsx only: unit tests run without it.
import { reloadRequested, updateFound, updateTookOver } from "../state/offline.ts";

/** How often a long-open tab asks the host whether a new version was deployed. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Registers the worker and follows its updates; call once, after the first paint. */
export function registerServiceWorker(): void {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  // The first worker claims this tab on install: that is not an update.
  let controlled = sw.controller !== null;
  sw.addEventListener("controllerchange", () => {
    if (!controlled) {
      controlled = true;
      return;
    }
    // A new version took control: reload only if this tab's reader asked for it.
    if (reloadRequested()) location.reload();
    else updateTookOver();
  });

  const waiting = (worker: ServiceWorker) =>
    updateFound(async () => worker.postMessage({ type: "SKIP_WAITING" }));

  const base = import.meta.env.BASE_URL;
  sw.register(`${base}sw.js`, { scope: base }).then(
    (registration: ServiceWorkerRegistration | undefined) => {
      // Some browsers (and blocked workers) resolve without a registration.
      if (!registration) return;
      if (registration.waiting && sw.controller) waiting(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const worker = registration.installing;
        worker?.addEventListener("statechange", () => {
          if (worker.state === "installed" && sw.controller) waiting(worker);
        });
      });
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      setInterval(check, CHECK_EVERY_MS);
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible") check();
      });
    },
    // No worker (private mode, unsupported): the app still works online, as a plain page.
    () => undefined,
  );
}
