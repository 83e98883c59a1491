import { describe, expect, it } from "vitest";
import { imageSize } from "image-size";
import type { ArticleSummary } from "../../../src/catalog/types.ts";
import { previewImages, rasterize } from "../../../build/og-image.ts";

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="45" viewBox="0 0 80 45">' +
  '<rect width="80" height="45" fill="#8a2b1c"/></svg>';

function withImage(slug: string, src: string, alt: string): ArticleSummary {
  return {
    slug,
    title: slug,
    date: "2024-01-01",
    category: "News",
    categorySlug: "news",
    excerpt: "",
    minutes: 1,
    image: { src, width: 80, height: 45, alt },
    body: `content/articles/${slug}.json`,
  };
}

describe("link-preview pictures", () => {
  it("draws an SVG as a PNG 1200 pixels wide, in the SVG's proportions", () => {
    const png = rasterize(SVG);
    expect([png.width, png.height]).toEqual([1200, 675]);
    expect(imageSize(png.data)).toMatchObject({ type: "png", width: 1200, height: 675 });
    // The pixels are the picture's: another colour gives another PNG.
    expect(rasterize(SVG.replace("#8a2b1c", "#1c2b8a")).data).not.toEqual(png.data);
  });

  it("gives each SVG picture one PNG, shared by the articles that show it, with their own alt", () => {
    const src = "content/img/dot-0123456789.svg";
    const articles = [
      withImage("a", src, "A red field"),
      withImage("b", src, "The same field"),
      withImage("c", "content/img/photo-0123456789.jpg", "A photo"),
      { ...withImage("d", src, ""), image: undefined },
    ];
    const previews = previewImages(articles, [{ fileName: src, source: SVG }]);
    expect(previews.files.map((f) => f.fileName)).toEqual(["content/og/dot-0123456789.png"]);
    expect(imageSize(previews.files[0].source as Uint8Array)).toMatchObject({ type: "png" });
    expect(previews.bySlug.get("a")).toEqual({
      src: "content/og/dot-0123456789.png",
      width: 1200,
      height: 675,
      alt: "A red field",
    });
    expect(previews.bySlug.get("b")?.alt).toBe("The same field");
    // A raster picture is shown as it is.
    expect(previews.bySlug.get("c")).toEqual({
      src: "content/img/photo-0123456789.jpg",
      width: 80,
      height: 45,
      alt: "A photo",
    });
    expect(previews.bySlug.has("d")).toBe(false);
  });
});
