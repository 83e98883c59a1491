// A plain static host, as a publisher would deploy to: files as they are, under a path prefix,
// and 404.html (with status 404) for anything else. No rewrites, no server logic of ours.
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export interface StaticHost {
  url: string;
  /** Serve another folder from now on (a new deploy). */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

/**
 * Serves `root` under `prefix`. With `spa`, unknown paths get index.html with status 200, as hosts
 * configured to rewrite do; without it, 404.html with status 404, as plain hosts do.
 */
export async function serveStatic(
  root: string,
  prefix = "/",
  { spa = false } = {},
): Promise<StaticHost> {
  let dir = path.resolve(root);
  const send = async (res: import("node:http").ServerResponse, file: string, status = 200) => {
    const body = await readFile(file);
    res.writeHead(status, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
    });
    res.end(body);
  };
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (pathname.startsWith(prefix)) {
      const rel = pathname.slice(prefix.length) || "index.html";
      const file = path.join(dir, rel);
      if (file.startsWith(dir)) {
        try {
          const s = await stat(file);
          if (s.isFile()) return await send(res, file);
          if (s.isDirectory()) return await send(res, path.join(file, "index.html"));
        } catch {
          // An address the build wrote as `<address>.html` (build/prerender.ts), served as GitHub
          // Pages and Netlify do and as the README tells nginx and Apache to.
          try {
            if ((await stat(`${file}.html`)).isFile()) return await send(res, `${file}.html`);
          } catch {
            // fall through to the 404 page
          }
        }
      }
    }
    try {
      await send(res, path.join(dir, spa ? "index.html" : "404.html"), spa ? 200 : 404);
    } catch {
      res.writeHead(404).end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    setRoot: (d) => (dir = path.resolve(d)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
