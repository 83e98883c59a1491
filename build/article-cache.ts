// Articles built before, kept between builds: one JSON file per article under the cache folder
// (OFFPRINT_BUILD_CACHE, by default node_modules/.cache/offprint; one folder per content folder and base), named by the hash of the build
// code's version and of everything the article's result is made from. A kept result is used only
// when what it looked up elsewhere is unchanged: the articles its template links name, and each
// picture (still found at the same file, still making the same copy). Results with problems are
// never kept, so a publisher's messages always come from a fresh look at the file.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, readFile, readdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleOutput } from "./article.ts";
import type { TemplateResult } from "./templates.ts";

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
  private readonly used = new Set<string>();
  private readonly folder: string;

  /**
   * Entries live in a folder per content folder and base, so pruning after one edition's build
   * leaves other editions' entries (a site's preview build, tests' editions) alone.
   */
  constructor(dir: string, scope: { root: string; base: string }) {
    const named = createHash("sha256").update(JSON.stringify(scope)).digest("hex").slice(0, 16);
    this.folder = path.join(dir, "articles", named);
  }

  /** The entry's name: one hash of the code's version and the key. */
  name(key: EntryKey): string {
    return createHash("sha256")
      .update(buildCodeVersion())
      .update(JSON.stringify(key))
      .digest("hex");
  }

  private file(name: string): string {
    return path.join(this.folder, name.slice(0, 2), `${name}.json`);
  }

  /** The kept entry of this name, if any (an unreadable one counts as none). */
  async get(name: string): Promise<ArticleEntry | undefined> {
    this.used.add(name);
    try {
      return JSON.parse(await readFile(this.file(name), "utf8")) as ArticleEntry;
    } catch {
      return undefined;
    }
  }

  /** Keeps an entry; written whole under a temporary name first, so a stopped build leaves no half. */
  async put(name: string, entry: ArticleEntry): Promise<void> {
    this.used.add(name);
    const file = this.file(name);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(entry));
    await rename(temp, file);
  }

  /** Removes the entries this build did not use (articles since changed or removed). */
  async prune(): Promise<number> {
    let removed = 0;
    let shards: string[];
    try {
      shards = await readdir(this.folder);
    } catch {
      return 0;
    }
    for (const shard of shards) {
      for (const name of await readdir(path.join(this.folder, shard))) {
        if (this.used.has(name.replace(/\.json$/, ""))) continue;
        await unlink(path.join(this.folder, shard, name)).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }
}
