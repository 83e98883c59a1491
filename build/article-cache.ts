// Articles built before, kept between builds: one JSON file per article under the cache folder
// (OFFPRINT_BUILD_CACHE, by default node_modules/.cache/offprint; one folder per content folder and base), named by the hash of the build
// code's version and of everything the article's result is made from. A kept result is used only
// when what it looked up elsewhere is unchanged: the articles its template links name, and each
// picture (still found at the same file, still making the same copy). Results with problems are
// never kept, so a publisher's messages always come from a fresh look at the file.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleOutput } from "./article.ts";
import type { TemplateResult } from "./templates.ts";
import { KeptFiles } from "./kept-files.ts";

/** The environment variable naming the cache folder. */
export const CACHE_VARIABLE = "OFFPRINT_BUILD_CACHE";

/** Bumped when the shape of an entry changes. */
const ENTRY_VERSION = 1;

/**
 * The cache folder: OFFPRINT_BUILD_CACHE if set (relative to `cwd`), else
 * node_modules/.cache/offprint, where build tools keep their caches.
 * @example cacheDirFromEnv({}, "/site") // "/site/node_modules/.cache/offprint"
 */
export function cacheDirFromEnv(env: Record<string, string | undefined>, cwd: string): string {
  const named = env[CACHE_VARIABLE]?.trim();
  return path.resolve(cwd, named || "node_modules/.cache/offprint");
}

let version: string | undefined;

/**
 * The build code's version: a hash of the build's own modules and of the lock file that pins the
 * Markdown and HTML libraries, so a change to either makes every kept article stale.
 */
export function buildCodeVersion(): string {
  if (version) return version;
  const hash = createHash("sha256").update(String(ENTRY_VERSION));
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const name of readdirSync(here).sort()) {
    if (/\.(ts|mjs)$/.test(name)) hash.update(name).update(readFileSync(path.join(here, name)));
  }
  const lock = path.join(here, "..", "package-lock.json");
  if (existsSync(lock)) hash.update(readFileSync(lock));
  version = hash.digest("hex");
  return version;
}

/** A link a template tag resolved, as it resolved then. */
export interface LinkUse {
  target: string;
  resolved: string;
}

/** Everything an article's second pass made, as kept in the cache. */
export interface ArticleEntry {
  templates: Omit<TemplateResult, "markdown">;
  links: LinkUse[];
  output: ArticleOutput;
}

/** What names an article's entry: the file's text and everything else its result depends on. */
export interface EntryKey {
  shown: string;
  slug: string;
  dir: string;
  root: string;
  base: string;
  /** SHA-256 of the file's text. */
  text: string;
}

export class ArticleCache {
  private readonly kept: KeptFiles;

  /**
   * Entries live in a folder per content folder and base, so pruning after one edition's build
   * leaves other editions' entries (a site's preview build, tests' editions) alone.
   */
  constructor(dir: string, scope: { root: string; base: string }) {
    this.kept = new KeptFiles(path.join(dir, "articles", scopeName(scope)), ".json");
  }

  /** The entry's name: one hash of the code's version and the key. */
  name(key: EntryKey): string {
    return createHash("sha256")
      .update(buildCodeVersion())
      .update(JSON.stringify(key))
      .digest("hex");
  }

  /** The kept entry of this name, if any (an unreadable one counts as none). */
  get(name: string): ArticleEntry | undefined {
    const text = this.kept.read(name);
    try {
      return text === undefined ? undefined : (JSON.parse(text) as ArticleEntry);
    } catch {
      return undefined;
    }
  }

  /** Keeps an entry. */
  put(name: string, entry: ArticleEntry): void {
    return this.kept.write(name, JSON.stringify(entry));
  }

  /** Removes the entries this build did not use (articles since changed or removed). */
  prune(): number {
    return this.kept.prune();
  }
}

/** The folder name of one edition's entries: its content folder and base, hashed. */
export function scopeName(scope: { root: string; base: string }): string {
  return createHash("sha256").update(JSON.stringify(scope)).digest("hex").slice(0, 16);
}
