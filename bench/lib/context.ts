// What every benchmark is handed: the browser, the servers' origins, the built editions.
import type { Browser } from "@playwright/test";
import type { CatalogIndex } from "../../src/catalog/types.ts";

export interface Edition {
  /** The built app (dist folder). */
  dist: string;
  /** The catalog index's URL path and content. */
  indexUrl: string;
  index: CatalogIndex;
}

export interface BenchContext {
  browser: Browser;
  pairs: number;
  /** 1,000 articles: the app at `/`, the static reference at `/ref/`, the shell at `/shell/`. */
  small: Edition & { origin: string };
  /** 10,000 articles: the app at `/`, the vanilla-DOM reference at `/ref/vanilla.html`. */
  large: Edition & { origin: string };
  /** The bench page (B4, B6) over the 10,000-article edition. */
  benchPage: string;
  /** The Chromium remote-debugging port Lighthouse may use (B7). */
  lighthousePort: number;
  log(msg: string): void;
}
