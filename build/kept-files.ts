// A folder of files kept between builds, each named by a hash of what it was made from, so a
// name found is a result still good. The article cache (article-cache.ts) and the static pages'
// cache (page-cache.ts) keep their entries here.
//
// Synchronous on purpose: a build reads and writes tens of thousands of these small files, and
// each call of node:fs/promises is several trips through libuv's thread pool. Measured on the
// 2-core CI machine, reading 10,000 articles' files took 6.5 s one after another with
// fs/promises, 1.5 s sixteen at a time, and 0.3 s with readFileSync (writing: 5.8 s and 0.45 s).
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

export class KeptFiles {
  private readonly used = new Set<string>();
  private readonly made = new Set<string>();

  /** Entries live under `folder`, in sub-folders by the first two characters of their name. */
  constructor(
    private readonly folder: string,
    private readonly extension: string,
  ) {}

  private file(name: string): string {
    return path.join(this.folder, name.slice(0, 2), `${name}${this.extension}`);
  }

  /** The kept text of this name, if any. */
  read(name: string): string | undefined {
    this.used.add(name);
    try {
      return readFileSync(this.file(name), "utf8");
    } catch {
      return undefined;
    }
  }

  /** Keeps a text; written whole under a temporary name first, so a stopped build leaves no half. */
  write(name: string, text: string): void {
    this.used.add(name);
    const file = this.file(name);
    const folder = path.dirname(file);
    if (!this.made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.made.add(folder);
    }
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }

  /** Removes the entries this build did not use (made from what has since changed or gone). */
  prune(): number {
    let removed = 0;
    let shards: string[];
    try {
      shards = readdirSync(this.folder);
    } catch {
      return 0;
    }
    for (const shard of shards) {
      for (const name of readdirSync(path.join(this.folder, shard))) {
        if (name.endsWith(this.extension) && this.used.has(name.slice(0, -this.extension.length))) {
          continue;
        }
        try {
          unlinkSync(path.join(this.folder, shard, name));
          removed++;
        } catch {
          // Gone already (another build pruned it): nothing to do.
        }
      }
    }
    return removed;
  }
}
