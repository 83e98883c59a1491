import { afterEach, describe, expect, it, vi } from "vitest";
import { isTrustworthy } from "../../../src/catalog/content-rules.ts";
import { EditionUnavailableError, fetchJson } from "../../../src/catalog/catalog.ts";

const HTML = "text/html; charset=utf-8";

describe("isTrustworthy", () => {
  it.each([
    ["/content/index-0a1b2c3d4e.json", "application/json"],
    ["/content/articles/crows-0a1b2c3d4e.json", "application/json; charset=utf-8"],
    ["/news/content/search-0a1b2c3d4e.json", "application/json"],
    ["/manifest.webmanifest", "application/manifest+json"],
    ["/content/img/map-0123456789.png", "image/png"],
    ["/content/img/dot-0123456789.svg", "image/svg+xml"],
    ["/assets/index-AbCd1234.js", "text/javascript"],
    ["/assets/index-AbCd1234.js", "application/javascript; charset=utf-8"],
    ["/assets/index-AbCd1234.css", "text/css"],
    ["/index.html", HTML],
    ["/robots.txt", "text/plain"],
  ])("keeps %s served as %s", (path, type) => {
    expect(isTrustworthy(path, 200, type)).toBe(true);
  });

  it.each([
    "/content/index-0a1b2c3d4e.json",
    "/content/articles/crows-0a1b2c3d4e.json",
    "/content/img/map-0123456789.png",
    "/assets/index-AbCd1234.js",
    "/assets/index-AbCd1234.css",
  ])("refuses the app's HTML served for %s", (path) => {
    expect(isTrustworthy(path, 200, HTML)).toBe(false);
  });

  it("refuses a file without a content type, unless its kind is unknown", () => {
    expect(isTrustworthy("/content/index-0a1b2c3d4e.json", 200, null)).toBe(false);
    expect(isTrustworthy("/robots.txt", 200, null)).toBe(true);
  });

  it("refuses any status but 200, even with the right type", () => {
    for (const status of [203, 204, 206, 404, 500]) {
      expect(isTrustworthy("/content/index-0a1b2c3d4e.json", status, "application/json")).toBe(
        false,
      );
    }
  });

  it("does not take a type that only starts like the right one", () => {
    expect(isTrustworthy("/content/index-0a1b2c3d4e.json", 200, "application/jsonp")).toBe(false);
    expect(isTrustworthy("/assets/a-AbCd1234.css", 200, "text/cssx")).toBe(false);
  });
});

describe("fetchJson", () => {
  afterEach(() => vi.unstubAllGlobals());

  const serve = (body: string, type: string) =>
    vi.stubGlobal("fetch", async () => new Response(body, { headers: { "Content-Type": type } }));

  it("says the edition's files are not available when the host answers with HTML", async () => {
    serve("<!doctype html><title>Offprint</title>", HTML);
    const failure = fetchJson("/content/index-0a1b2c3d4e.json");
    await expect(failure).rejects.toBeInstanceOf(EditionUnavailableError);
    await expect(failure).rejects.toThrow("This edition's files are not available right now.");
  });

  it("reads JSON served as JSON", async () => {
    serve('{"articles":[]}', "application/json");
    expect(await fetchJson("/content/index-0a1b2c3d4e.json")).toEqual({ articles: [] });
  });

  describe("offline", () => {
    const INDEX = "/content/index-0a1b2c3d4e.json";
    const offline = (kept: Record<string, string>) => {
      const network = vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      });
      vi.stubGlobal("fetch", network);
      vi.stubGlobal("navigator", { ...navigator, onLine: false });
      vi.stubGlobal("caches", {
        match: async (url: string) =>
          url in kept
            ? new Response(kept[url], { headers: { "Content-Type": "application/json" } })
            : undefined,
      });
      return network;
    };

    it("answers from the copy kept offline without asking the network", async () => {
      const network = offline({ [INDEX]: '{"articles":[]}' });
      expect(await fetchJson(INDEX)).toEqual({ articles: [] });
      expect(network).not.toHaveBeenCalled();
    });

    it("fails as a fetch does, without a request, when no copy is kept", async () => {
      const network = offline({});
      await expect(fetchJson(INDEX)).rejects.toBeInstanceOf(TypeError);
      expect(network).not.toHaveBeenCalled();
    });
  });
});
