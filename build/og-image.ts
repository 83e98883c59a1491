// Link-preview pictures: social sites and chat apps show a shared link's og:image only when it is a
// raster picture (X cards refuse SVG), so every SVG article image gets a PNG rendition, drawn once
// per distinct image with resvg. Raster article images are used as they are.
import { Resvg } from "@resvg/resvg-js";
import type { ArticleSummary } from "../src/catalog/types.ts";
import { CONTENT_DIR, type EditionFile } from "./edition.ts";

/** Where the renditions go, relative to the site root; the service worker leaves them out. */
export const OG_DIR = `${CONTENT_DIR}/og`;

/** Wide enough for the large card previews (1200 px is what the big sites ask for). */
export const OG_WIDTH = 1200;

/** A link-preview picture, its path relative to the site root. */
export interface PreviewImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface PreviewImages {
  /** The PNG renditions to write. */
  files: EditionFile[];
  /** Each article with a picture, by slug. */
  bySlug: Map<string, PreviewImage>;
}

/**
 * Draws an SVG as a PNG `width` pixels wide (its height keeps the SVG's proportions).
 * @example const png = rasterize(svgText); // { data, width: 1200, height: 675 }
 */
export function rasterize(
  svg: string,
  width = OG_WIDTH,
): { data: Uint8Array; width: number; height: number } {
  // Text in a picture is drawn with the building machine's fonts (resvg's default). The SVG was
  // sanitized first, so it refers to no other file for resvg to read.
  const image = new Resvg(svg, { fitTo: { mode: "width", value: width } }).render();
  return { data: image.asPng(), width: image.width, height: image.height };
}

/**
 * The link-preview picture of every article that has one; `files` are the edition's files (the
 * sanitized SVGs are read from there, so a rendition never draws what the build left out).
 * @example const previews = previewImages(edition.index.articles, edition.files);
 */
export function previewImages(articles: ArticleSummary[], files: EditionFile[]): PreviewImages {
  // By name, read only for the SVGs: a body file's text is made each time it is read.
  const byName = new Map(files.map((f) => [f.fileName, f]));
  const rendered = new Map<string, Omit<PreviewImage, "alt">>();
  const out: PreviewImages = { files: [], bySlug: new Map() };
  for (const a of articles) {
    if (!a.image) continue;
    const { src, width, height, alt } = a.image;
    if (!src.endsWith(".svg")) {
      out.bySlug.set(a.slug, { src, width, height, alt });
      continue;
    }
    let png = rendered.get(src);
    if (!png) {
      const source = byName.get(src)?.source;
      if (source === undefined) continue;
      const text = typeof source === "string" ? source : Buffer.from(source).toString("utf8");
      const image = rasterize(text);
      const name = src.slice(src.lastIndexOf("/") + 1, -".svg".length);
      png = { src: `${OG_DIR}/${name}.png`, width: image.width, height: image.height };
      // The SVG's name already carries its hash, so the PNG's name changes when the picture does.
      out.files.push({ fileName: png.src, source: image.data });
      rendered.set(src, png);
    }
    out.bySlug.set(a.slug, { ...png, alt });
  }
  return out;
}
