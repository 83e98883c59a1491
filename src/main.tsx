import { render } from "solid-js/web";
import { App } from "./shell/App.tsx";
import { startOffline } from "./state/offline.ts";
import { registerServiceWorker } from "./shell/register-sw.ts";
import { WEB_KEYS } from "./storage/keys.ts";
import "./styles/global.css";

const root = document.getElementById("app");
startOffline();
const flagged = (key: string) => {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false; // Web Storage blocked: nothing can have been flagged
  }
};
// An import a closed tab left half written is rolled back before the app or the outbox reads
// anything: a store loaded, a draft shown or a reply sent from half an import would outlive the
// roll-back. The flag says so without a read, so a normal start waits for nothing.
const recovering = flagged(WEB_KEYS.importPending)
  ? import("./shell/import-recovery.ts").then(
      (m) => m.recoverInterruptedImport(),
      () => () => undefined,
    )
  : undefined;
// Replies waiting in the outbox go out at start and when the network returns; the engine loads
// only when the outbox flag says something waits (reading the flag can throw where storage is
// blocked: then nothing can wait).
const outbox = () => {
  const wake = () => {
    if (flagged(WEB_KEYS.outboxPending)) void import("./shell/outbox-wake.ts");
  };
  if (recovering) void recovering.then(wake);
  else wake();
};
addEventListener("online", outbox);
// The service worker is not needed for the first paint: register it once the page has loaded.
// (Its code comes in the start-up file: every start fetched it anyway, as a file of its own.)
const register = () => {
  registerServiceWorker();
  outbox();
};
if (document.readyState === "complete") register();
else window.addEventListener("load", register, { once: true });
let started = false;
const start = () => {
  if (started || !root) return;
  started = true;
  const mount = () =>
    render(() => <App base={import.meta.env.BASE_URL.replace(/\/$/, "")} />, root);
  if (recovering) void recovering.then((tell) => (mount(), tell()));
  else mount();
};
// A page's static first screen (build/prerender.ts) gets its frame before the app's rendering begins: a
// slow phone shows the page at once, not after the app has drawn its own. A hidden tab
// has no frames, hence the timer.
if (document.querySelector(":root:not(.deep) #first-screen")) {
  requestAnimationFrame(() => setTimeout(start));
  setTimeout(start, 100);
} else start();
