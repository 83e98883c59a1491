import { render } from "solid-js/web";
import { App } from "./app/App.tsx";
import { startOffline } from "./app/offline.ts";
import "./styles/global.css";

const root = document.getElementById("app");
startOffline();
// Replies waiting in the outbox go out at start and when the network returns; the engine loads
// only when the outbox flag says something waits (reading the flag can throw where storage is
// blocked: then nothing can wait).
const outbox = () => {
  try {
    if (localStorage["offprint:outbox-pending"]) void import("./app/outbox-wake.ts");
  } catch {
    // Web Storage blocked: nothing can be waiting.
  }
};
addEventListener("online", outbox);
// The service worker is not needed for the first paint: register it once the page has loaded.
const register = () => {
  void import("./app/register-sw.ts").then((m) => m.registerServiceWorker());
  outbox();
};
if (document.readyState === "complete") register();
else window.addEventListener("load", register, { once: true });
let started = false;
const start = () => {
  if (started || !root) return;
  started = true;
  render(() => <App base={import.meta.env.BASE_URL.replace(/\/$/, "")} />, root);
};
// On `/` the static first screen (index.html) gets its frame before the app's rendering begins: a
// slow phone shows the newest articles at once, not after the app has drawn its own. A hidden tab
// has no frames, hence the timer.
if (document.querySelector(":root:not(.deep) #first-screen")) {
  requestAnimationFrame(() => setTimeout(start));
  setTimeout(start, 100);
} else start();
