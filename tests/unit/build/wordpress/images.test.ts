import { mkdtemp, mkdir, readFile, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { imageSize } from "image-size";
import { candidates, ImageCopier, uploadsPath } from "../../../../build/wordpress/images.ts";

const FIXTURE = "tests/fixtures/wordpress/uploads";
const hosts = new Set(["old.example"]);

describe("images from the old site's uploads", () => {
  it("finds the path under uploads of the old site's image URLs only", () => {
    expect(uploadsPath("https://www.old.example/wp-content/uploads/2024/05/a%20b.png", hosts)).toBe(
      "2024/05/a b.png",
    );
    expect(
      uploadsPath("https://i0.wp.com/old.example/wp-content/uploads/2024/05/a.png", hosts),
    ).toBe("2024/05/a.png");
    expect(uploadsPath("/wp-content/uploads/2024/05/a.png", hosts)).toBe("2024/05/a.png");
    expect(
      uploadsPath("https://cdn.other.example/wp-content/uploads/a.png", hosts),
    ).toBeUndefined();
  });

  it("maps a -300x200 size variant back to the original, then to itself", () => {
    expect(candidates("2024/05/photo-300x200.jpg")).toEqual([
      "2024/05/photo.jpg",
      "2024/05/photo-300x200.jpg",
    ]);
    expect(candidates("2024/05/photo.jpg")).toEqual(["2024/05/photo.jpg"]);
  });

  it("copies the original of a variant into <out>/images/ in the same YYYY/MM/ layout, once", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "wp-img-"));
    const copier = new ImageCopier(out, FIXTURE, hosts);
    const a = copier.resolve("https://old.example/wp-content/uploads/2024/05/harbour-300x200.png");
    const b = copier.resolve("https://old.example/wp-content/uploads/2024/05/harbour.png");
    expect(a).toEqual({ ok: true, src: "images/2024/05/harbour.png" });
    expect(b).toEqual(a);
    await copier.copyPending();
    const size = imageSize(await readFile(path.join(out, "images/2024/05/harbour.png")));
    expect([size.width, size.height]).toEqual([600, 400]);
    expect(copier.written).toEqual(["images/2024/05/harbour.png"]);
  });

  it("says why an image is not copied", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "wp-img-"));
    const uploads = await mkdtemp(path.join(tmpdir(), "wp-up-"));
    await mkdir(path.join(uploads, "2024"), { recursive: true });
    await writeFile(path.join(uploads, "2024/notes.png"), "not a picture");
    const copier = new ImageCopier(out, uploads, hosts);
    expect(copier.resolve("https://old.example/wp-content/uploads/2024/none.png")).toEqual({
      ok: false,
      reason: "not found under --uploads",
    });
    expect(copier.resolve("https://old.example/wp-content/uploads/2024/notes.png")).toEqual({
      ok: false,
      reason: "not an image the build can read",
    });
    expect(copier.resolve("https://elsewhere.example/a.png")).toEqual({
      ok: false,
      reason: "from another site",
    });
    expect(
      new ImageCopier(out, undefined, hosts).resolve(
        "https://old.example/wp-content/uploads/2024/05/harbour.png",
      ),
    ).toEqual({
      ok: false,
      reason: "not found under --uploads",
    });
  });

  it("names copies so Markdown needs no escaping, and keeps two files apart", async () => {
    const out = await mkdtemp(path.join(tmpdir(), "wp-img-"));
    const uploads = await mkdtemp(path.join(tmpdir(), "wp-up-"));
    await mkdir(path.join(uploads, "2024"), { recursive: true });
    await copyFile(`${FIXTURE}/2024/05/gull.png`, path.join(uploads, "2024/a b.png"));
    await copyFile(`${FIXTURE}/2024/05/gull.png`, path.join(uploads, "2024/a(b.png"));
    const copier = new ImageCopier(out, uploads, hosts);
    expect(copier.resolve("https://old.example/wp-content/uploads/2024/a%20b.png")).toEqual({
      ok: true,
      src: "images/2024/a-b.png",
    });
    expect(copier.resolve("https://old.example/wp-content/uploads/2024/a(b.png")).toEqual({
      ok: true,
      src: "images/2024/a-b-2.png",
    });
  });
});
