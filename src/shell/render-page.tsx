// The app's pages rendered to HTML by Solid's server renderer, as a first visit sees them (nothing
// read, saved or drafted yet): the build writes one static page per route from this
// (build/prerender.ts), and the unit tests check each page renders on the server. Server only.
import { Router } from "@solidjs/router";
import { NoHydration, renderToStringAsync } from "solid-js/web";
import { provideRequestEvent } from "solid-js/web/storage";
import { Shell } from "./Shell.tsx";
import { routes } from "./routes.ts";

export { readEditionFrom } from "../catalog/catalog.ts";

/** No script at all: the page is taken over, not hydrated (and the CSP allows no inline script). */
const RENDER = { timeoutMs: 60_000, noScripts: true };

/**
 * The HTML of the page at `path` (from the site root, "/articles/x"), once its data has loaded;
 * `base` is the deploy path without its trailing slash ("" at the root), as the app's Router takes it.
 * The browser's app takes the place of this HTML rather than hydrating it, so it carries no
 * hydration keys and no inline script.
 * @example const html = await renderPage("/articles/letter-from-a-mountain-hut");
 */
export function renderPage(path: string, base = ""): Promise<string> {
  // The router's queries keep their cache per request: each page is a request of its own.
  const event = {
    request: new Request(new URL(base + path, "http://offprint.invalid/")),
    response: { headers: new Headers() },
    locals: {},
  };
  return provideRequestEvent(event, () =>
    renderToStringAsync(
      () => (
        <NoHydration>
          <Router base={base} url={base + path} root={Shell}>
            {routes}
          </Router>
        </NoHydration>
      ),
      RENDER,
    ),
  );
}
