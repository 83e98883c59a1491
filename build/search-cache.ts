// Each article's part of the search index (its fields' lengths and its terms' counts,
// search-shards.ts) kept between builds, named by the build code's version and by what the counts
// are made from: the article's title, excerpt and category, and its body's file (named by the
// body's hash). Counting every article's words again was most of the search's share of a build
// after one edit (about 10 s at 10,000 articles); reading the kept counts back is a fraction.
import { createHash } from "node:crypto";
import path from "node:path";
import type { ArticleSummary } from "../src/catalog/types.ts";
import { buildCodeVersion, scopeName } from "./article-cache.ts";
import { KeptFiles } from "./kept-files.ts";
import type { ArticleCounts } from "./search-shards.ts";

export class SearchCountCache {
  private readonly kept: KeptFiles;

  /** Under the build cache folder, per content folder and base as the other caches. */
  constructor(dir: string, scope: { root: string; base: string }) {
    this.kept = new KeptFiles(path.join(dir, "search", scopeName(scope)), ".json");
  }

  /** The article's kept counts, else `make()`'s, kept for the next build. */
  of(article: ArticleSummary, make: () => ArticleCounts): ArticleCounts {
    const name = createHash("sha256")
      .update(buildCodeVersion())
      .update(JSON.stringify([article.title, article.excerpt, article.category, article.body]))
      .digest("hex");
    const kept = this.kept.read(name);
    if (kept !== undefined) {
      try {
        const counts = JSON.parse(kept) as ArticleCounts;
        if (counts.terms.length === counts.packed.length) return counts;
      } catch {
        // Unreadable: made again below, and written over.
      }
    }
    const made = make();
    this.kept.write(name, JSON.stringify(made));
    return made;
  }

  /** Removes the counts this build did not use. */
  prune(): number {
    return this.kept.prune();
  }
}
