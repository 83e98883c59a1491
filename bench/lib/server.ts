// A static host for the benchmarks on a fixed port (4195–4199): several folders mounted under path
// prefixes on one origin, so a page of ours and a reference page can share an origin (and so a
// service worker's scope rules), as they would on one deploy. Unknown paths get the last mount's
// index.html (a host that rewrites), so deep links of the app open. Text is sent gzipped to a
// browser that accepts it, as every static host and CDN does (Lighthouse's simulated network
// charges the bytes sent).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

const COMPRESSED = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".webmanifest"]);

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export interface Mount {
  /** Path prefix, ending in "/". */
  prefix: string;
  dir: string;
}

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the mounts (longest prefix first) on 127.0.0.1:`port`.
 * @example const s = await serve(4195, [{ prefix: "/ref/", dir: "ref" }, { prefix: "/", dir: "dist" }]);
 */
export async function serve(port: number, mounts: Mount[]): Promise<BenchServer> {
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  // Gzipped bodies by file, made once per server: the builds are done before it starts, and the
  // big indexes are neither read nor compressed again on every request.
  const gzipped = new Map<string, Promise<Buffer>>();
  const send = async (req: IncomingMessage, res: ServerResponse, file: string) => {
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const headers: Record<string, string> = { "Content-Type": type, "Cache-Control": "no-cache" };
    let body: Buffer;
    if (
      COMPRESSED.has(path.extname(file)) &&
      /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")
    ) {
      let zipped = gzipped.get(file);
      if (!zipped) gzipped.set(file, (zipped = readFile(file).then((b) => gzipSync(b))));
      body = await zipped;
      headers["Content-Encoding"] = "gzip";
      headers["Vary"] = "Accept-Encoding";
    } else {
      body = await readFile(file);
    }
    res.writeHead(200, headers);
    res.end(body);
  };
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const mount = sorted.find((m) => pathname.startsWith(m.prefix)) ?? sorted[sorted.length - 1];
    const root = path.resolve(mount.dir);
    const file = path.join(root, pathname.slice(mount.prefix.length) || "index.html");
    try {
      if (file.startsWith(root)) {
        const s = await stat(file).catch(() => undefined);
        if (s?.isFile()) return await send(req, res, file);
        if (s?.isDirectory()) return await send(req, res, path.join(file, "index.html"));
        // `/articles/x` is served from articles/x.html, as the static hosts in the README do.
        const page = await stat(`${file}.html`).catch(() => undefined);
        if (page?.isFile()) return await send(req, res, `${file}.html`);
      }
      // Only page addresses fall back to the app; a missing file is a 404.
      if (path.extname(pathname)) return void res.writeHead(404).end("Not found");
      await send(req, res, path.join(root, "index.html"));
    } catch {
      res.writeHead(404).end("Not found");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
