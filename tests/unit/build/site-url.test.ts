import { describe, expect, it } from "vitest";
import { absoluteUrl, siteUrlFromEnv } from "../../../build/site-url.ts";

const read = (value: string | undefined, base = "/") =>
  siteUrlFromEnv({ OFFPRINT_SITE_URL: value }, base);

describe("OFFPRINT_SITE_URL", () => {
  it("is optional: unset or empty gives no site URL", () => {
    expect(read(undefined)).toBeUndefined();
    expect(read("  ")).toBeUndefined();
  });

  it("is the site root with its base path, ending with a slash", () => {
    expect(read("https://gazette.example/news/", "/news/")).toBe("https://gazette.example/news/");
    expect(read("https://gazette.example/news", "/news/")).toBe("https://gazette.example/news/");
    expect(read("http://localhost:8080")).toBe("http://localhost:8080/");
  });

  it.each([
    "gazette.example/news/",
    "/news/",
    "ftp://gazette.example/",
    "javascript:alert(1)//",
    "https://gazette.example/?q=1",
    "https://gazette.example/#top",
    "https://user:pw@gazette.example/",
    "https://",
  ])("refuses %j, naming the variable", (value) => {
    expect(() => read(value)).toThrow(
      `OFFPRINT_SITE_URL must be the absolute http(s) URL of the site's root, such as ` +
        `https://gazette.example/ (got ${JSON.stringify(value)})`,
    );
  });

  it("refuses a path that is not OFFPRINT_BASE", () => {
    expect(() => read("https://gazette.example/blog/", "/news/")).toThrow(
      `OFFPRINT_SITE_URL ends in the path "/blog/" but OFFPRINT_BASE is "/news/": give both the ` +
        "path the site is served under",
    );
    expect(() => read("https://gazette.example/", "/news/")).toThrow(/OFFPRINT_BASE is "\/news\/"/);
  });

  it("makes site-relative paths absolute under the base path", () => {
    expect(absoluteUrl("https://gazette.example/news/", "articles/a")).toBe(
      "https://gazette.example/news/articles/a",
    );
    expect(absoluteUrl("https://gazette.example/news/", "")).toBe("https://gazette.example/news/");
  });
});
