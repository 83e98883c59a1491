// A folder of files kept between builds, each named by a hash of what it was made from, so a
// name found is a result still good. The article cache (article-cache.ts) and the static pages'
// cache (page-cache.ts) keep their entries here.
import { mkdir, readFile, readdir, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

export class KeptFiles {
  private readonly used = new Set<string>();

  /** Entries live under `folder`, in sub-folders by the first two characters of their name. */
  constructor(
    private readonly folder: string,
    private readonly extension: string,
  ) {}

  private file(name: string): string {
    return path.join(this.folder, name.slice(0, 2), `${name}${this.extension}`);
  }

  /** The kept text of this name, if any. */
  async read(name: string): Promise<string | undefined> {
    this.used.add(name);
    try {
      return await readFile(this.file(name), "utf8");
    } catch {
      return undefined;
    }
  }

  /** Keeps a text; written whole under a temporary name first, so a stopped build leaves no half. */
  async write(name: string, text: string): Promise<void> {
    this.used.add(name);
    const file = this.file(name);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, file);
  }

  /** Removes the entries this build did not use (made from what has since changed or gone). */
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
        if (name.endsWith(this.extension) && this.used.has(name.slice(0, -this.extension.length))) {
          continue;
        }
        await unlink(path.join(this.folder, shard, name)).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }
}
