import { describe, expect, it } from "vitest";
import { sanitizeSvg } from "../../../build/svg.ts";

const svg = (inner: string, attrs = "") =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" viewBox="0 0 10 10"${attrs}>${inner}</svg>`;

/** The sanitized SVG, failing the test when the sanitizer gives up on it. */
function clean(source: string): string {
  const result = sanitizeSvg(source);
  if (result === undefined) throw new Error("the sanitizer refused the SVG");
  return result;
}

describe("sanitizeSvg removes what could run", () => {
  it.each([
    ["a script element", svg("<script>document.title='ran'</script><rect/>")],
    ["a script in CDATA", svg("<script><![CDATA[fetch('/trap')]]></script>")],
    ["an onload handler", svg("<rect/>", ` onload="fetch('/trap')"`)],
    ["an event handler on a child", svg(`<rect onclick="fetch('/trap')" onmouseover="x()"/>`)],
    ["a javascript: link", svg(`<a xlink:href="javascript:fetch('/trap')"><rect/></a>`)],
    ["a javascript: href", svg(`<a href=" javascript:fetch('/trap')"><rect/></a>`)],
    [
      "an animation that sets a link",
      svg(`<a><animate attributeName="href" to="javascript:x"/></a>`),
    ],
    ["a set that adds a handler", svg(`<set attributeName="onclick" to="fetch('/trap')"/>`)],
    ["a nested svg's handler", svg(`<svg onload="fetch('/trap')"/>`)],
  ])("%s", (_, source) => {
    expect(clean(source)).not.toMatch(/script|onload|onclick|onmouseover|trap|animate|<set/i);
  });

  it("removes foreignObject and the HTML inside it", () => {
    const out = clean(
      svg(
        `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="fetch('/trap')"/></div></foreignObject>`,
      ),
    );
    expect(out).not.toMatch(/foreignObject|div|img|trap/i);
  });
});

describe("sanitizeSvg removes references to other files", () => {
  it.each([
    ["an external image", svg(`<image href="https://example.com/a.png" width="5" height="5"/>`)],
    ["an xlink image", svg(`<image xlink:href="//example.com/a.png" width="5" height="5"/>`)],
    ["a use of another file", svg(`<use href="other.svg#shape"/>`)],
    ["a link to another site", svg(`<a href="https://example.com/"><rect/></a>`)],
    ["a fill from another file", svg(`<rect fill="url(https://example.com/p.svg#g)"/>`)],
    ["a filter from another file", svg(`<rect filter="url('other.svg#f')"/>`)],
    [
      "a style attribute that loads",
      svg(`<rect style="fill: url(&quot;https://example.com/x&quot;)"/>`),
    ],
    ["a style element that imports", svg(`<style>@import "https://example.com/x.css";</style>`)],
    ["a style element that loads", svg(`<style>rect { fill: url(https://example.com/p) }</style>`)],
  ])("%s", (_, source) => {
    expect(clean(source)).not.toMatch(/example\.com|other\.svg/);
  });
});

describe("sanitizeSvg keeps a drawing whole", () => {
  it("keeps shapes, gradients, same-file references, styles and embedded pictures", () => {
    const drawing = svg(
      `<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>` +
        `<clipPath id="c"><circle cx="5" cy="5" r="4"/></clipPath></defs>` +
        `<style>.a { fill: url(#g) }</style>` +
        `<rect class="a" width="10" height="10" clip-path="url(#c)"/>` +
        `<use href="#c"/><use xlink:href="#c"/>` +
        `<image href="data:image/png;base64,iVBORw0KGgo=" width="2" height="2"/>` +
        `<text x="1" y="9">Caf&#233; &amp; more</text>`,
    );
    const out = clean(drawing);
    for (const kept of [
      'viewBox="0 0 10 10"',
      "<linearGradient",
      'clip-path="url(#c)"',
      ".a { fill: url(#g) }",
      '<use href="#c"/>',
      'xlink:href="#c"',
      'href="data:image/png;base64,iVBORw0KGgo="',
      "Café &amp; more",
    ]) {
      expect(out).toContain(kept);
    }
  });

  it("writes well-formed XML that parses as an SVG document again", () => {
    const out = clean(svg(`<text>a&#160;b &lt; c</text><rect/>`));
    const doc = new DOMParser().parseFromString(out, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("svg");
  });
});

describe("sanitizeSvg refuses what it cannot check", () => {
  it.each([
    ["a file cut short", `<svg xmlns="http://www.w3.org/2000/svg"><rect`],
    ["an SVG without its namespace", `<svg><rect/></svg>`],
    ["an XHTML page", `<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`],
    ["a PNG's bytes", "\u0089PNG\r\n\u001a\n"],
  ])("%s", (_, source) => {
    expect(sanitizeSvg(source)).toBeUndefined();
  });
});
