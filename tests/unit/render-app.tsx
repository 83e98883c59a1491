// Mounts the whole app at a URL, as a reader would open it, on the sample edition.
import { render } from "@solidjs/testing-library";
import { App } from "../../src/shell/App.tsx";
import { serveEdition } from "./serve-edition.ts";

export async function renderApp(path = "/", folder?: string) {
  const edition = await serveEdition(folder);
  window.history.replaceState(null, "", path);
  const result = render(() => <App />);
  return { ...result, edition };
}
