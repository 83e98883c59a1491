// The rule that a file is only cached and used when it is really what its address asks for, for
// the service worker (src/sw.ts) and the page's reader cache (src/state/kept-offline.ts). A host that
// rewrites unknown paths to index.html answers a missing file with the app's HTML and status 200:
// without the rule that page would be kept as the catalog, a body or an image, for good.
import { JSON_TYPE } from "./offline-files.ts";

const SCRIPT_TYPE = /^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)\s*(?:;|$)/i;
const CSS_TYPE = /^text\/css\s*(?:;|$)/i;
const IMAGE_TYPE = /^image\/[\w.+-]+\s*(?:;|$)/i;
const HTML_TYPE = /^text\/html\s*(?:;|$)/i;

/** The content types a file may have, by how its name ends; undefined when anything goes. */
const EXPECTED: [RegExp, RegExp][] = [
  [/\.(?:json|webmanifest)$/i, JSON_TYPE],
  [/\.m?js$/i, SCRIPT_TYPE],
  [/\.css$/i, CSS_TYPE],
  [/\.(?:svg|png|jpe?g|gif|webp|avif|ico)$/i, IMAGE_TYPE],
  [/(?:\.html|\/)$/i, HTML_TYPE],
];

/**
 * The content types a URL path must be served with to be trusted, or undefined when its kind
 * is unknown (then any type is).
 * @example expectedType("/content/index-0a1b2c3d4e.json") // JSON
 */
export function expectedType(pathname: string): RegExp | undefined {
  return EXPECTED.find(([name]) => name.test(pathname))?.[1];
}

/**
 * Whether a response may be cached and served for `pathname`: status 200 and a content type
 * that fits the file's kind (JSON for the catalog, bodies and the search index, an image type for
 * images, JavaScript or CSS for the app's assets, HTML for pages).
 * @example isTrustworthy("/content/img/map-0123456789.png", 200, "text/html") // false
 */
export function isTrustworthy(pathname: string, status: number, contentType: string | null) {
  if (status !== 200) return false;
  const expected = expectedType(pathname);
  return !expected || expected.test(contentType ?? "");
}
