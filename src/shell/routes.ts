// The route table, shared by the app in the browser (App.tsx) and the pages rendered to static
// HTML at build time (render-page.tsx). A route's `preload` starts its data when a link to it is
// hovered or focused, or as the route opens: the page then reads the same query entry.
import type { RouteDefinition } from "@solidjs/router";
import { lazy } from "solid-js";
import { isServer } from "solid-js/web";
import { getListStart } from "../catalog/queries.ts";
import { loadManifest } from "../catalog/pages.ts";
import ListPage from "../pages/ListPage.tsx";

// Every page but the list is its own chunk, fetched when first opened (and precached by the
// service worker), so the start-up bundle carries only what `/` shows.
const ArticlePage = lazy(() => import("../pages/ArticlePage.tsx"));
const SavedPage = lazy(() => import("../pages/SavedPage.tsx"));
const DraftsPage = lazy(() => import("../pages/DraftsPage.tsx"));
const SettingsPage = lazy(() => import("../pages/SettingsPage.tsx"));
const SearchPage = lazy(() => import("../pages/SearchPage.tsx"));
const HighlightsPage = lazy(() => import("../pages/HighlightsPage.tsx"));
const NotFoundPage = lazy(() => import("../pages/NotFoundPage.tsx"));

// Search, /saved and /drafts start from the catalog's manifest (their articles come through the
// slug shards and pages, or the search's own files): never the whole catalog, which grows with the
// archive.
const manifest = () => void loadManifest().catch(() => undefined);

export const routes: RouteDefinition[] = [
  { path: "/", component: ListPage, preload: () => void getListStart(undefined) },
  {
    path: "/category/:category",
    component: ListPage,
    preload: ({ params }) => void getListStart(params.category),
  },
  {
    path: "/articles/:slug",
    component: ArticlePage,
    // The article's queries come with its page's code: the preload fetches them and starts both.
    // The slug is read now (params follow the address, which may change before the module comes);
    // the server renders the page's own reads and has no use for a preload.
    preload: ({ params }) => {
      const slug = params.slug ?? "";
      if (isServer) return;
      // A failure (offline, not cached) is the page's to show when it opens.
      import("../catalog/article-queries.ts")
        .then((q) => Promise.all([q.getArticle(slug), q.getBody(slug)]))
        .catch(() => undefined);
    },
  },
  { path: "/saved", component: SavedPage, preload: manifest },
  { path: "/drafts", component: DraftsPage, preload: manifest },
  { path: "/highlights", component: HighlightsPage },
  { path: "/settings", component: SettingsPage },
  { path: "/search", component: SearchPage, preload: manifest },
  { path: "*404", component: NotFoundPage },
];
