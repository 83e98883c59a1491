import { Route, Router } from "@solidjs/router";
import { lazy, onCleanup } from "solid-js";
import { Shell } from "./Shell.tsx";
import { onBookmarked, startLibrary } from "../state/library.ts";
import { keepOffline } from "../state/offline.ts";
import { startSettings } from "../state/settings.ts";
import { hasSafetyCopies, startDrafts } from "../state/drafts.ts";
import { settleMoves } from "../state/moves-state.ts";
import ListPage from "../pages/ListPage.tsx";
import NotFoundPage from "../pages/NotFoundPage.tsx";

// Every page but the list is its own chunk, fetched when first opened (and precached by the
// service worker), so the start-up bundle carries only what `/` shows.
const ArticlePage = lazy(() => import("../pages/ArticlePage.tsx"));
const SavedPage = lazy(() => import("../pages/SavedPage.tsx"));
const DraftsPage = lazy(() => import("../pages/DraftsPage.tsx"));
const SettingsPage = lazy(() => import("../pages/SettingsPage.tsx"));
const SearchPage = lazy(() => import("../pages/SearchPage.tsx"));
const HighlightsPage = lazy(() => import("../pages/HighlightsPage.tsx"));

/** The route table. `base` is the deploy path without its trailing slash ("" at the root). */
export function App(props: { base?: string }) {
  void startLibrary();
  // A bookmarked article must open offline.
  onCleanup(onBookmarked((slug) => void keepOffline(slug)));
  void startSettings();
  // Text a reload or a closed page left only in a safety copy is restored by code loaded only
  // when such a copy exists.
  const drafted = startDrafts().then(async () => {
    if (hasSafetyCopies()) await (await import("./draft-recovery.ts")).recoverDrafts();
  });
  // Records under renamed articles' old slugs move to the new ones once the drafts left in safety
  // copies are stored (so their text moves too); the code that does it is fetched only when needed.
  settleMoves(drafted);
  return (
    <Router base={props.base} root={Shell}>
      <Route path="/" component={ListPage} />
      <Route path="/category/:category" component={ListPage} />
      <Route path="/articles/:slug" component={ArticlePage} />
      <Route path="/saved" component={SavedPage} />
      <Route path="/drafts" component={DraftsPage} />
      <Route path="/highlights" component={HighlightsPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/search" component={SearchPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
