// The tracker behind the open article: it follows the scroll, keeps the position at most once a
// second, flushes it when the page is hidden or left, and returns there on the next visit. Only
// the article page loads it; the positions themselves live in ./positions.ts.
import { createEffect, createSignal, on, onCleanup, type Accessor } from "solid-js";
import { useBeforeLeave } from "@solidjs/router";
import { isServer } from "solid-js/web";
import { keepPending, savePosition, type Position } from "../../storage/positions.ts";
import { notifyFailure } from "../../state/notices.ts";
import { FINISHED, progressOf, rememberPosition, startPositions } from "../../state/positions.ts";
import { onDispose } from "../../state/synced-records.ts";
import { movesSettled } from "../../state/moves-state.ts";

/** How often, at most, a scrolling reader's position is written. */
export const SAVE_EVERY_MS = 1000;

/** How far through `body` the window is: 0 at the top of the page, 1 once its end is in view. */
export function progressThrough(body: HTMLElement): number {
  const end = body.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
  if (end <= 0) return 1;
  return Math.min(1, Math.max(0, window.scrollY / end));
}

/** Scrolls so that `body` is `progress` of the way through (the inverse of progressThrough). */
export function scrollToProgress(body: HTMLElement, progress: number): void {
  const end = body.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
  if (end > 0) window.scrollTo(0, Math.round(progress * end));
}

let warned = false;
onDispose(() => (warned = false));

async function keep(slug: string, progress: number, unloading = false): Promise<void> {
  const position: Position = { v: 1, progress, updatedAt: Date.now() };
  rememberPosition(slug, position);
  if (unloading) keepPending(slug, position);
  try {
    await savePosition(slug, position);
  } catch (err) {
    // Said once: a position is worth less than a stream of identical notices while scrolling.
    if (!warned) notifyFailure("Keeping your place in the article", err);
    warned = true;
  }
}

export interface ReadingTracker {
  /** The open article's progress, 0–1, for the progress bar. */
  progress: Accessor<number>;
  /** Call once the article's body is in the page: returns to the kept position, then follows. */
  shown(body: HTMLElement): void;
}

/**
 * Follows the reader through the open article. Call inside a component; `slug` may change while
 * the page stays (next/previous article): the old article's position is flushed first.
 * @example const tracker = trackReading(() => params.slug); tracker.shown(proseElement);
 */
export function trackReading(slug: Accessor<string | undefined>): ReadingTracker {
  void startPositions();
  const [progress, setProgress] = createSignal(0);
  let current: string | undefined;
  let body: HTMLElement | undefined;
  let latest: number | undefined;
  let kept: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  // The path being left: the router scrolls the window to the top as it arrives elsewhere, and
  // that scroll must not count as the reader's. A leave that was cancelled keeps the path.
  let leaving: string | undefined;

  const flush = (unloading = false) => {
    clearTimeout(timer);
    timer = undefined;
    if (current && latest !== undefined && latest !== kept) {
      kept = latest;
      void keep(current, latest, unloading);
    }
  };
  const onPageHide = () => flush(true);

  const measure = () => {
    frame = 0;
    if (!body?.isConnected) return;
    if (leaving !== undefined) {
      if (location.pathname !== leaving) return;
      leaving = undefined;
    }
    latest = progressThrough(body);
    setProgress(latest);
    timer ??= setTimeout(() => flush(), SAVE_EVERY_MS);
  };
  const onScroll = () => {
    if (body && !frame) frame = requestAnimationFrame(measure);
  };
  const onHidden = () => {
    if (document.visibilityState === "hidden") flush(true);
  };

  createEffect(
    on(slug, (next) => {
      flush();
      current = next;
      body = undefined;
      latest = kept = undefined;
      leaving = undefined;
      setProgress(0);
    }),
  );
  useBeforeLeave(() => {
    flush();
    leaving = location.pathname;
  });
  // A page rendered on the server is never scrolled: only the browser follows the reader.
  if (!isServer) {
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("pagehide", onPageHide);
    document.addEventListener("visibilitychange", onHidden);
    onCleanup(() => {
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("pagehide", onPageHide);
      document.removeEventListener("visibilitychange", onHidden);
      cancelAnimationFrame(frame);
      flush();
    });
  }

  return {
    progress,
    shown(element) {
      if (body === element) return;
      const slugNow = current;
      // Once positions are loaded (and carried over from an old slug), and the browser laid the body out (and after the router's own
      // scroll to the top of a new page).
      void Promise.all([startPositions(), movesSettled()]).then(() =>
        requestAnimationFrame(() => {
          if (slugNow !== current || !element.isConnected) return;
          const saved = slugNow ? progressOf(slugNow) : undefined;
          // A link to a place in the article (a highlight, a footnote) wins over the saved place.
          const linked = location.hash.length > 1;
          if (saved !== undefined && saved < FINISHED && !linked) scrollToProgress(element, saved);
          body = element;
          kept = saved;
          latest = progressThrough(element);
          setProgress(latest);
        }),
      );
    },
  };
}
