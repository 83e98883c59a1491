// Makes a publisher's SVG safe to serve from the app's origin. Opened at its own URL an SVG is a
// document of that origin, and the page's Content-Security-Policy does not apply to it, so the
// build removes everything that could run or fetch: DOMPurify's SVG profile (no script, event
// handlers, foreignObject or animation), then only same-file references (`#id`) and no CSS that
// loads anything. Embedded raster pictures (`data:image/png` and the like) are kept.
import createDOMPurify, { type DOMPurify } from "dompurify";
import { JSDOM } from "jsdom";

const SVG_NS = "http://www.w3.org/2000/svg";

/** A reference to another file: anything but `#id` (and, on `<image>`, an embedded picture). */
const LOCAL_REF = /^\s*#/;
const EMBEDDED_PICTURE = /^\s*data:image\/(?:png|jpeg|gif|webp|avif);base64,/i;
/** CSS that fetches: `@import`, `image-set()`, and `url()` of anything but `#id`. */
const FETCHING_CSS = /@import|image-set\(|url\(\s*(?!['"]?\s*#)/i;

interface Sanitizer {
  window: JSDOM["window"];
  purify: DOMPurify;
}

let sanitizer: Sanitizer | undefined;

/** One jsdom window and DOMPurify for the whole build (a window takes a while to make). */
function getSanitizer(): Sanitizer {
  if (sanitizer) return sanitizer;
  const { window } = new JSDOM("");
  const purify = createDOMPurify(window);
  purify.addHook("uponSanitizeAttribute", (node, data) => {
    const name = data.attrName.toLowerCase();
    const value = data.attrValue;
    const isRef = name === "href" || name === "xlink:href";
    const allowed = isRef
      ? LOCAL_REF.test(value) || (node.nodeName === "image" && EMBEDDED_PICTURE.test(value))
      : !FETCHING_CSS.test(value);
    if (!allowed) data.keepAttr = false;
  });
  purify.addHook("uponSanitizeElement", (node, data) => {
    if (data.tagName === "style" && FETCHING_CSS.test(node.textContent ?? "")) {
      node.parentNode?.removeChild(node);
    }
  });
  sanitizer = { window, purify };
  return sanitizer;
}

/**
 * Returns the SVG without anything that runs or loads another file, or undefined when the source
 * is not a well-formed SVG document (such a file cannot be checked, so it is not served).
 * @example sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>')
 * // '<svg xmlns="http://www.w3.org/2000/svg"/>'
 */
export function sanitizeSvg(source: string): string | undefined {
  const { window, purify } = getSanitizer();
  // The XML parser decides what is an SVG document, as a browser opening the file would.
  const parsed = new window.DOMParser().parseFromString(source, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.localName !== "svg" || root.namespaceURI !== SVG_NS) return undefined;
  // DOMPurify's lists are lowercase and match case-blind only in HTML: it reads the SVG as an
  // HTML parser would (viewBox, linearGradient), and the result is written back out as XML.
  const xml = new window.XMLSerializer().serializeToString(root);
  const body = purify.sanitize(xml, {
    USE_PROFILES: { svg: true, svgFilters: true },
    // Same-file <use href="#id"> only: the reference hook drops every other href.
    ADD_TAGS: ["use"],
    FORBID_TAGS: ["foreignObject", "script", "animate", "set", "animateMotion"],
    RETURN_DOM: true,
  });
  const svg = body.firstElementChild;
  if (!svg || svg.localName !== "svg" || svg.namespaceURI !== SVG_NS) return undefined;
  return new window.XMLSerializer().serializeToString(svg);
}
