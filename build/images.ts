// The pictures an edition shows, copied under hashed names once each with their size measured.
// Every SVG is served sanitized (and named by the sanitized bytes), whatever its file name says.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { imageSize } from "image-size";
import { CONTENT_DIR, shortHash } from "./output-names.ts";
import { sanitizeSvg } from "./svg.ts";

export interface EditionFile {
  fileName: string;
  source: string | Uint8Array;
}

/** A picture as the built edition serves it. */
export interface ImageCopy {
  src: string;
  width: number;
  height: number;
}

/** An image's type and size as image-size reads them; nothing for a file it cannot read. */
function measure(data: Uint8Array): { type?: string; width?: number; height?: number } {
  try {
    return imageSize(data);
  } catch {
    return {};
  }
}

/** What a picture is made into, or the reason it cannot be (the end of the publisher's message). */
async function copyImage(absPath: string): Promise<{ copy: ImageCopy; data: Uint8Array } | string> {
  let data: Uint8Array;
  try {
    data = await readFile(absPath);
  } catch {
    return "not found";
  }
  const ext = path.extname(absPath).toLowerCase();
  let size = measure(data);
  if (ext === ".svg" || size.type === "svg") {
    const safe = sanitizeSvg(Buffer.from(data).toString("utf8"));
    if (safe === undefined) return "is not a well-formed SVG, so it cannot be made safe";
    data = new TextEncoder().encode(safe);
    size = { type: "svg", ...measure(data) };
  }
  if (!size.type) {
    return "is not an image this build can read (use PNG, JPEG, GIF, WebP, AVIF or SVG)";
  }
  if (!size.width || !size.height) return "has no width and height";
  const base = path
    .basename(absPath, ext)
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-");
  const fileName = `${CONTENT_DIR}/img/${base}-${shortHash(data)}${ext}`;
  return { copy: { src: fileName, width: size.width, height: size.height }, data };
}

/** Copies images under hashed names, once each, and remembers their size (or why not). */
export class ImageStore {
  readonly files: EditionFile[] = [];
  private byPath = new Map<string, Promise<ImageCopy | string>>();
  private names = new Set<string>();

  /**
   * The copy of the picture at `absPath`, or why there is none.
   * @example await images.add("/site/content/images/a.png") // { src: "content/img/a-…", … }
   */
  add(absPath: string): Promise<ImageCopy | string> {
    let known = this.byPath.get(absPath);
    if (!known) {
      known = copyImage(absPath).then((made) => {
        if (typeof made === "string") return made;
        this.keep({ fileName: made.copy.src, source: made.data });
        return made.copy;
      });
      this.byPath.set(absPath, known);
    }
    return known;
  }

  /** Takes a file another store (a worker's) copied, once per name. */
  keep(file: EditionFile): void {
    if (this.names.has(file.fileName)) return;
    this.names.add(file.fileName);
    this.files.push(file);
  }
}
