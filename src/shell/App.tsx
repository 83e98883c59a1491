import { Router } from "@solidjs/router";
import { onCleanup } from "solid-js";
import { Shell } from "./Shell.tsx";
import { onBookmarked, startLibrary } from "../state/library.ts";
import { keepOffline } from "../state/offline.ts";
import { startSettings } from "../state/settings.ts";
import { hasSafetyCopies, startDrafts } from "../state/drafts.ts";
import { settleMoves } from "../state/moves-state.ts";
import { routes } from "./routes.ts";

/** The app: its stores started, and the route table (./routes.ts). `base` is the deploy path without its trailing slash ("" at the root). */
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
      {routes}
    </Router>
  );
}
