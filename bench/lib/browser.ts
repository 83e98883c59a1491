// Headless Chromium for the benchmarks (the system Chromium, as the browser tests use) and the
// scripts injected before any page script: when the first list row is painted, and how long each
// keypress takes to reach the next paint.
import { chromium, type Browser } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumPath } from "../../tests/e2e/browser.ts";

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/** What the injected scripts record, on `window.__bench`. */
export interface Probe {
  /** performance.now() just after the frame that first showed a list row (`li article`). */
  painted?: number;
  /**
   * The same, for the app's own list: Offprint's static first screen (index.html) gone and a row
   * in `#app`. On pages without either, the same frame as `painted`.
   */
  ready?: number;
  /** keydown → just after the next frame, in ms, per key. */
  keys: number[];
  /** Autosave calls the "autosave off" script swallowed (B5). */
  dropped: number;
}

declare global {
  interface Window {
    __bench: Probe;
  }
}

/**
 * "After the next paint": a rAF callback runs just before the frame is painted, and a message
 * posted from it is handled once that frame is done. Used alike on both sides of every ratio.
 */
export const PROBE_SCRIPT = `(() => {
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(0);
  });
  window.__bench = { painted: undefined, ready: undefined, keys: [], dropped: 0 };
  let first = false;
  const observer = new MutationObserver(() => {
    if (!document.querySelector("li article")) return;
    if (!first) {
      first = true;
      afterPaint(() => { window.__bench.painted = performance.now(); });
    }
    const app = document.getElementById("app");
    if (document.getElementById("first-screen") || (app && !app.querySelector("li article"))) return;
    observer.disconnect();
    afterPaint(() => { window.__bench.ready = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener("keydown", (event) => {
    const start = event.timeStamp;
    afterPaint(() => window.__bench.keys.push(performance.now() - start));
  }, true);
})();`;

/**
 * B5's "autosave off", from outside the app: the drafts module's debounced IndexedDB write (its
 * only 250 ms timer, SAVE_DELAY_MS) is never scheduled and its per-keystroke localStorage safety
 * copy is not written. Everything else the form does on a keystroke still runs.
 */
export const AUTOSAVE_OFF_SCRIPT = `(() => {
  const SAVE_DELAY_MS = 250;
  const setTimer = window.setTimeout.bind(window);
  window.setTimeout = (fn, ms, ...rest) => {
    if (ms === SAVE_DELAY_MS) { window.__bench.dropped++; return 0; }
    return setTimer(fn, ms, ...rest);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).startsWith("offprint-draft-safety:")) { window.__bench.dropped++; return; }
    return setItem.call(this, key, value);
  };
})();`;
