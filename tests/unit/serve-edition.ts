// Builds an edition with the real pipeline and answers the app's fetches from it, as the static
// host would after `npm run build`.
import { vi } from "vitest";
import { buildEdition, type Edition } from "../../build/edition.ts";
import { buildSearchShards } from "../../build/search-shards.ts";

const cache = new Map<string, Promise<Edition>>();

/** Builds (once per folder) and serves an edition; returns it for the test's own assertions. */
export async function serveEdition(folder = "content/articles"): Promise<Edition> {
  if (!cache.has(folder)) cache.set(folder, buildEdition(folder));
  const edition = await cache.get(folder)!;
  const files = new Map(edition.files.map((f) => [f.fileName, f.source]));
  files.set("content/index.json", JSON.stringify(edition.index));
  files.set("content/catalog.json", edition.paged.files[0].source);
  // The manifest where edition-stub.ts says it is; shards, result and facets files under their own names.
  const [manifest, ...shards] = buildSearchShards(edition, 200);
  files.set("content/search.json", manifest.source);
  for (const f of shards) files.set(f.fileName, f.source);
  vi.stubGlobal("fetch", async (input: RequestInfo | URL) => {
    const url = new URL(String(input), "http://localhost/");
    const source = files.get(url.pathname.replace(/^\//, ""));
    if (source === undefined) return new Response("not found", { status: 404 });
    return new Response(typeof source === "string" ? source : new Blob([new Uint8Array(source)]), {
      status: 200,
      headers: { "Content-Type": url.pathname.endsWith(".json") ? "application/json" : "image/*" },
    });
  });
  return edition;
}
