// The output folder, kept between builds. Emptying it and writing every file again made a build
// after one edit mostly disk work (at 10,000 articles: 30,000 files removed, then written again).
// Instead the build writes a file only when its bytes differ from what the folder holds, and at
// the end removes what this build did not make, so the folder ends as an emptied one would.
import {
  mkdirSync,
  readFileSync,
  readdirSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

/** The files this build makes in the output folder, written only when they changed. */
export class OutputFolder {
  private readonly made = new Set<string>();
  private readonly folders = new Set<string>();
  private unchanged = 0;

  /** `dir` is the output folder (Vite's `build.outDir`, resolved). */
  constructor(readonly dir: string) {}

  /**
   * Makes `name` (a path inside the folder) hold `source`, writing it only when it does not
   * already. Synchronous: many small files (see kept-files.ts).
   */
  write(name: string, source: string | Uint8Array): void {
    this.made.add(path.normalize(name));
    const file = path.join(this.dir, name);
    const bytes = typeof source === "string" ? Buffer.from(source) : source;
    if (sameBytes(file, bytes)) {
      this.unchanged++;
      return;
    }
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileSync(file, bytes);
  }

  /** How many files `write` wrote, and how many it found already holding their bytes. */
  get counts(): { written: number; unchanged: number } {
    return { written: this.made.size - this.unchanged, unchanged: this.unchanged };
  }

  /**
   * Removes every file of the folder that this build did not write through `write` nor names in
   * `alsoMade` (what Vite itself wrote: the bundle and the public folder), and the folders left
   * empty. Returns how many files it removed.
   */
  removeOthers(alsoMade: Iterable<string>): number {
    const keep = new Set(this.made);
    for (const name of alsoMade) keep.add(path.normalize(name));
    let removed = 0;
    const visit = (folder: string): boolean => {
      let empty = true;
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const file = path.join(folder, entry.name);
        if (entry.isDirectory()) {
          if (visit(file)) rmdirSync(file);
          else empty = false;
        } else if (keep.has(path.relative(this.dir, file))) empty = false;
        else {
          unlinkSync(file);
          removed++;
        }
      }
      return empty;
    };
    visit(this.dir);
    return removed;
  }
}

/** Does `file` exist and hold exactly `bytes`? */
function sameBytes(file: string, bytes: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(bytes);
  } catch {
    return false;
  }
}

/**
 * May the build remove from `outDir` what it did not make? Only where Vite would have emptied it
 * by itself: inside the project's root (and not the root itself). A folder elsewhere may hold a
 * publisher's other files; there, files of earlier builds are left, as Vite leaves them.
 */
export function mayTidy(outDir: string, root: string): boolean {
  const inside = path.relative(path.resolve(root), path.resolve(outDir));
  return inside !== "" && !inside.startsWith("..") && !path.isAbsolute(inside);
}

/** Every file under `dir`, as paths relative to it ([] when there is no such folder). */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}
