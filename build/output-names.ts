// How the build names what it writes: the folder of built content and the short content hash in
// every file name (so a file's name changes exactly when its bytes do).
import { createHash } from "node:crypto";

/** Where built content lives, relative to the app's base URL. */
export const CONTENT_DIR = "content";

/** The service worker's file (src/sw.ts built by build/pwa.ts), written after the rest. */
export const SERVICE_WORKER_FILE = "sw.js";

/** The first 10 hex digits of the SHA-256 of `data`. */
export function shortHash(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 10);
}
