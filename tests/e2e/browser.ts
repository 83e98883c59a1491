// Which Chromium the browser tests drive: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
// Playwright's own download. With none, the suite fails and says how to get one.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium"];
  for (const path of candidates) if (path && existsSync(path)) return path;
  let own: string;
  try {
    own = chromium.executablePath();
  } catch {
    own = "";
  }
  if (own && existsSync(own)) return own;
  throw new Error(
    "No Chromium found for the browser tests. Install one: `apt-get install -y chromium` " +
      "(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary, " +
      "or run `npx playwright install chromium` where downloads are allowed.",
  );
}
