// Articles' static pages kept between builds (build/prerender.ts), so a build after one edit
// renders the pages that edit shows on, not every page of the edition. A page is named by a hash
// of what renders it (the app's source, the build's code and its locked libraries, the site's
// settings and base) and of what it shows of the edition: the article and its two neighbours in
// the whole list (their summaries name their bodies by hash). An article's page reads nothing else
// of the edition; a page that did (a count, a list) would have to name it here, or be rendered
// every time as `/` and the categories are.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildCodeVersion, scopeName } from "./article-cache.ts";
import { KeptFiles } from "./kept-files.ts";
import { filesUnder } from "./out-dir.ts";

/** What a page shows, as given to `name`: any JSON. */
export type PageReads = unknown;

export class PageCache {
  private readonly kept: KeptFiles;
  private readonly version: string;

  /**
   * @param dir the build cache folder (OFFPRINT_BUILD_CACHE)
   * @param scope the content folder and base, as the article cache's
   * @param renderer what renders every page: the app's source folder and the site's settings
   */
  constructor(
    dir: string,
    scope: { root: string; base: string },
    renderer: { source: string; settings: string },
  ) {
    this.kept = new KeptFiles(path.join(dir, "pages", scopeName(scope)), ".html");
    this.version = rendererVersion(renderer.source, renderer.settings);
  }

  /** The kept page's name: one hash of the renderer's version and what the page shows. */
  name(reads: PageReads): string {
    return createHash("sha256").update(this.version).update(JSON.stringify(reads)).digest("hex");
  }

  /** The kept rendering of this name, if any. */
  get(name: string): string | undefined {
    return this.kept.read(name);
  }

  put(name: string, html: string): void {
    return this.kept.write(name, html);
  }

  /** Removes the pages this build did not use. */
  prune(): number {
    return this.kept.prune();
  }
}

/** A hash of every file under the app's source folder, of the build's code and of the settings. */
function rendererVersion(source: string, settings: string): string {
  const hash = createHash("sha256").update(buildCodeVersion()).update(settings);
  for (const file of filesUnder(source).sort()) {
    hash.update(file).update(readFileSync(path.join(source, file)));
  }
  return hash.digest("hex");
}
