import { Route, Router } from "@solidjs/router";
import { Shell } from "./Shell.tsx";
import { startLibrary } from "./library.ts";
import ListPage from "../pages/ListPage.tsx";
import ArticlePage from "../pages/ArticlePage.tsx";
import NotFoundPage from "../pages/NotFoundPage.tsx";
import SavedPage from "../pages/SavedPage.tsx";
import SettingsPage from "../pages/SettingsPage.tsx";

/** The route table. `base` is the deploy path without its trailing slash ("" at the root). */
export function App(props: { base?: string }) {
  void startLibrary();
  return (
    <Router base={props.base} root={Shell}>
      <Route path="/" component={ListPage} />
      <Route path="/category/:category" component={ListPage} />
      <Route path="/articles/:slug" component={ArticlePage} />
      <Route path="/saved" component={SavedPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="*404" component={NotFoundPage} />
    </Router>
  );
}
