import { beforeEach, describe, expect, it, vi } from "vitest";
import { serveEdition } from "../serve-edition.ts";
import { freshDevice } from "../fresh-device.ts";
import { findNeighbours, findSummary } from "../../../src/catalog/find.ts";

beforeEach(freshDevice);

/** What an offline browser does with a file its caches do not hold: the fetch fails. */
function catalogFilesUnreachable(): void {
  const served = globalThis.fetch;
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    if (new URL(String(input), "http://localhost/").pathname.startsWith("/content/catalog/")) {
      throw new TypeError("Failed to fetch");
    }
    return served(input);
  });
}

describe("finding an article by its slug", () => {
  it("reads its slug shard and its page", async () => {
    const { articles } = (await serveEdition()).index;
    expect(await findSummary(articles[1].slug)).toEqual(articles[1]);
    expect(await findNeighbours(articles[1].slug)).toEqual({
      newer: articles[0],
      older: articles[2],
    });
    expect(await findSummary("no-such-article")).toBeUndefined();
  });

  it("offline, with its shard and page not cached, finds it in the whole index (precached with the app)", async () => {
    const { articles } = (await serveEdition()).index;
    catalogFilesUnreachable();
    // A new page load: no catalog file read yet (the test above read them).
    vi.resetModules();
    const { findNeighbours, findSummary } = await import("../../../src/catalog/find.ts");
    const last = articles.length - 1;
    expect(await findSummary(articles[last].slug)).toEqual(articles[last]);
    expect(await findNeighbours(articles[last].slug)).toEqual({
      newer: articles[last - 1],
      older: undefined,
    });
    expect(await findSummary("no-such-article")).toBeUndefined();
  });
});
