// Images are never downloaded: a URL under the old site's uploads is looked up in the copy of
// wp-content/uploads given with --uploads (same YYYY/MM/ layout), a size variant such as
// photo-300x200.jpg is mapped back to photo.jpg, and the file is copied into <out>/images/.
import { existsSync, readFileSync, statSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import { sanitizeSvg } from "../svg.ts";
import { hostOf } from "./links.ts";

export type ImageOutcome =
  | { ok: true; src: string }
  | { ok: false; reason: "not found under --uploads" | "not an image the build can read" }
  | { ok: false; reason: "from another site" };

const UPLOADS = "/wp-content/uploads/";
const SIZE_VARIANT = /-\d+x\d+(\.[a-z0-9]+)$/i;
const READABLE = new Set(["png", "jpg", "gif", "webp", "avif", "svg"]);

/** The path under uploads of an image URL of the old site (decoded), or undefined. */
export function uploadsPath(src: string, siteHosts: ReadonlySet<string>): string | undefined {
  let url: URL;
  try {
    url = new URL(src, "https://relative.invalid/");
  } catch {
    return undefined;
  }
  const host = hostOf(url);
  // Jetpack's image CDN serves the site's uploads as i0.wp.com/<site>/wp-content/uploads/…
  const ours =
    host === "relative.invalid" ||
    siteHosts.has(host) ||
    (/^i\d\.wp\.com$/.test(host) &&
      siteHosts.has(url.pathname.split("/")[1]?.replace(/^www\./, "")));
  const at = url.pathname.indexOf(UPLOADS);
  if (!ours || at < 0) return undefined;
  try {
    return decodeURIComponent(url.pathname.slice(at + UPLOADS.length));
  } catch {
    return undefined;
  }
}

/** The files a path under uploads may be, best first: the original, then the variant itself. */
export function candidates(rel: string): string[] {
  const original = rel.replace(SIZE_VARIANT, "$1");
  return original === rel ? [rel] : [original, rel];
}

/** A file name the build and Markdown read without escaping: letters, digits, . _ - only. */
function safeName(rel: string): string {
  return rel
    .split("/")
    .map((part) => part.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "") || "image")
    .join("/");
}

/** The build's own test: a type it reads, a size, and an SVG it can make safe. */
function readable(file: string): boolean {
  try {
    const data = readFileSync(file);
    const size = imageSize(data);
    if (size.type === "svg" && sanitizeSvg(data.toString("utf8")) === undefined) return false;
    return !!size.type && READABLE.has(size.type) && !!size.width && !!size.height;
  } catch {
    return false;
  }
}

/** Resolves the export's image URLs to files in <out>/images/, each copied once. */
export class ImageCopier {
  /** Every distinct image URL the import met, with what became of it. */
  readonly outcomes = new Map<string, ImageOutcome>();
  private bySource = new Map<string, string>();
  private usedNames = new Set<string>();
  private pending: [string, string][] = [];

  constructor(
    private readonly outDir: string,
    private readonly uploads: string | undefined,
    private readonly siteHosts: ReadonlySet<string>,
  ) {}

  /** Whether this URL would resolve to a file, without counting it. */
  found(src: string): boolean {
    return this.locate(src) !== undefined;
  }

  private locate(src: string): string | undefined {
    const rel = uploadsPath(src, this.siteHosts);
    if (rel === undefined || !this.uploads) return undefined;
    const root = path.resolve(this.uploads);
    for (const candidate of candidates(rel)) {
      const file = path.resolve(root, candidate);
      if (!file.startsWith(root + path.sep)) continue; // "../" in a URL stays inside uploads
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return undefined;
  }

  /**
   * Where an image of the export is in the output (relative to <out>), or why it is not.
   * @example copier.resolve("https://old.example/wp-content/uploads/2024/05/a-300x200.jpg") // { ok: true, src: "images/2024/05/a.jpg" }
   */
  resolve(src: string): ImageOutcome {
    const known = this.outcomes.get(src);
    if (known) return known;
    const outcome = this.decide(src);
    this.outcomes.set(src, outcome);
    return outcome;
  }

  private decide(src: string): ImageOutcome {
    if (uploadsPath(src, this.siteHosts) === undefined)
      return { ok: false, reason: "from another site" };
    const file = this.locate(src);
    if (!file) return { ok: false, reason: "not found under --uploads" };
    const copied = this.bySource.get(file);
    if (copied) return { ok: true, src: copied };
    if (!readable(file)) return { ok: false, reason: "not an image the build can read" };
    const rel = path.relative(path.resolve(this.uploads!), file).split(path.sep).join("/");
    const wanted = `images/${safeName(rel)}`;
    let name = wanted;
    for (let n = 2; this.usedNames.has(name); n++) {
      name = wanted.replace(/(\.[A-Za-z0-9]+)?$/, (ext) => `-${n}${ext}`);
    }
    this.usedNames.add(name);
    this.bySource.set(file, name);
    this.pending.push([file, name]);
    return { ok: true, src: name };
  }

  /** Copies the files resolved since the last call into <out>/images/. */
  async copyPending(): Promise<void> {
    for (const [file, name] of this.pending.splice(0)) {
      const dest = path.join(this.outDir, name);
      await mkdir(path.dirname(dest), { recursive: true });
      await copyFile(file, dest);
    }
  }

  /** The files this import wrote. */
  get written(): string[] {
    return [...this.bySource.values()];
  }
}
