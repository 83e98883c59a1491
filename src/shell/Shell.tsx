import { A, type RouteSectionProps } from "@solidjs/router";
import { ErrorBoundary, Show, Suspense, type JSX } from "solid-js";
import { isServer } from "solid-js/web";
import { siteName } from "virtual:offprint/edition";
import { EditionUnavailableError } from "../catalog/catalog.ts";
import { announcement, firstScreenDone } from "../state/page.ts";
import { dismiss, notices } from "../state/notices.ts";
import { storageProblem } from "../state/library.ts";
import { NoticeList } from "../components/NoticeList.tsx";
import {
  newerData,
  online,
  reloadForUpdate,
  reloadWaitsForDraft,
  updateReady,
} from "../state/offline.ts";
import { OfflineStatus } from "../components/OfflineStatus.tsx";
import { UpdatePrompt } from "../components/UpdatePrompt.tsx";
import { SiteSearch } from "./SiteSearch.tsx";
import { Shortcuts } from "../features/reading/Shortcuts.tsx";

/**
 * On the server, the page's controls are rendered disabled: in the static copy they do nothing
 * (without JavaScript never; with it, until the app takes the copy's place, when what was clicked
 * or chosen would be lost). Links, and the header's search box (whose text the app carries over),
 * stay usable. In the browser the app's own controls are drawn as they are.
 */
function StaticControls(props: { children: JSX.Element }) {
  return (
    <Show when={isServer} fallback={props.children}>
      <fieldset class="static-controls" role="none" disabled>
        {props.children}
      </fieldset>
    </Show>
  );
}

/** The frame around every page: skip link, header and navigation, notices, main, announcements. */
export function Shell(props: RouteSectionProps) {
  return (
    <>
      <a
        class="skip-link"
        href="#main"
        onClick={(e) => {
          // The router would treat the hash as a navigation; moving focus is what the reader needs.
          e.preventDefault();
          document.getElementById("main")?.focus();
        }}
      >
        Skip to content
      </a>
      <header class="site-header">
        <div class="bar">
          <A href="/" class="site-name" end>
            {siteName}
          </A>
          <nav aria-label="Main">
            <ul>
              <li>
                <A href="/" end>
                  Articles
                </A>
              </li>
              <li>
                <A href="/saved">Saved</A>
              </li>
              <li>
                <A href="/drafts">Drafts</A>
              </li>
              <li>
                <A href="/highlights">Highlights</A>
              </li>
              <li>
                <A href="/settings">Settings</A>
              </li>
            </ul>
          </nav>
          <OfflineStatus offline={!online()} />
          <SiteSearch />
        </div>
      </header>
      <UpdatePrompt
        show={updateReady()}
        newerData={newerData()}
        unsaved={reloadWaitsForDraft()}
        onReloadAnyway={() => void reloadForUpdate(true)}
        onReload={() => (updateReady() ? void reloadForUpdate() : location.reload())}
      />
      <Show when={storageProblem()}>
        <p class="storage-notice" role="alert">
          This browser cannot keep your reading list, read marks and drafts, so they will be lost
          when you close the page. You can still read everything.
        </p>
      </Show>
      <main id="main" tabindex="-1">
        <StaticControls>
          {/* A page whose code cannot be fetched (offline and not cached, or a deploy half-replaced)
            says so; drafts live on the device and are not touched by a reload. */}
          <ErrorBoundary
            fallback={(err: unknown) => (
              <div class="page-error" role="alert" ref={() => firstScreenDone()}>
                <h1>This page could not be loaded</h1>
                <p>
                  {err instanceof EditionUnavailableError
                    ? err.message
                    : "Part of Offprint could not be fetched."}{" "}
                  Your drafts and reading list are safe.
                </p>
                <button type="button" onClick={() => location.reload()}>
                  Reload
                </button>
              </div>
            )}
          >
            <Suspense fallback={<p class="loading">Loading…</p>}>{props.children}</Suspense>
          </ErrorBoundary>
        </StaticControls>
      </main>
      <NoticeList notices={notices()} onDismiss={dismiss} />
      <Shortcuts />
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement()}
      </div>
    </>
  );
}
