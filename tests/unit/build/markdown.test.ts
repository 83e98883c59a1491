import { describe, expect, it } from "vitest";
import {
  bodyImages,
  makeExcerpt,
  readingMinutes,
  renderMarkdown,
} from "../../../build/markdown.ts";
import { XSS_PAYLOADS as PAYLOADS } from "../../fixtures/xss-payloads.ts";

describe("reading time", () => {
  it.each([
    [0, 1],
    [1, 1],
    [200, 1],
    [201, 2],
    [2400, 12],
  ])("%i words take %i minute(s)", (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });
});

describe("excerpt", () => {
  it("keeps a short paragraph whole", () => {
    expect(makeExcerpt("Short and sweet.")).toBe("Short and sweet.");
  });
  it("cuts a long one on a word boundary, at most 200 characters with the ellipsis", () => {
    const text = "alpha beta gamma delta ".repeat(20);
    const cut = makeExcerpt(text);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith("…")).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(text.charAt(cut.length - 1)).toBe(" ");
  });
});

describe("the sanitizer", () => {
  it("has a corpus of at least 15 payloads", () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(15);
  });

  it.each(PAYLOADS)("removes anything executable from %s", async (payload) => {
    const { html } = await renderMarkdown(`Intro.\n\n${payload}\n\nOutro.`);
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    const forbidden =
      "script,style,iframe,object,embed,form,input,svg,math,meta,base,textarea,button,link";
    expect(doc.body.querySelectorAll(forbidden)).toHaveLength(0);
    for (const el of doc.body.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        expect(attr.name).not.toMatch(/^on|^style$|^formaction$/i);
        if (["href", "src", "action", "xlink:href"].includes(attr.name)) {
          expect(attr.value.trim()).not.toMatch(/^(javascript|vbscript|data):/i);
        }
      }
    }
    expect(doc.body.textContent).toContain("Outro.");
  });

  it("drops a raw HTML image the build did not copy, instead of leaving it to 404", async () => {
    const { html } = await renderMarkdown('Text <img src="nowhere.png" alt="gone"> more.');
    expect(html).not.toContain("<img");
    expect(html).toContain("Text");
  });

  it.each([
    ["a Markdown image", "![A map](https://example.com/map.png)", "https://example.com/map.png"],
    [
      "a raw HTML image",
      '<img src="http://example.com/a.png" alt="a">',
      "http://example.com/a.png",
    ],
    ["a protocol-relative image", '<img src="//example.com/a.png" alt="a">', "//example.com/a.png"],
    ["a backslashed image", '<img src="/\\example.com/a.png" alt="a">', "/\\example.com/a.png"],
  ])("leaves out %s from another site and names it", async (_, markdown, url) => {
    const { html, externalImages } = await renderMarkdown(`Before ${markdown} after.`);
    expect(html).not.toMatch(/<img|example\.com/);
    expect(html).toContain("after.");
    expect(externalImages).toEqual([url]);
  });

  it("leaves out a picture's sources, which could load from another site", async () => {
    const { html } = await renderMarkdown(
      '<picture><source srcset="https://example.com/a.avif"><img src="/a.png" alt="a"></picture>',
    );
    expect(html).not.toContain("example.com");
    expect(html).toContain('src="/a.png"');
  });

  it("prefixes ids so body content cannot clobber the page's globals", async () => {
    const { html } = await renderMarkdown('<a id="app" name="location">x</a>');
    expect(html).not.toMatch(/id="app"/);
    expect(html).not.toMatch(/name="location"/);
  });

  it("keeps a figure and its caption (an imported WordPress caption), but not their attributes", async () => {
    const { html } = await renderMarkdown(
      '<figure onclick="x()">\n\n![The harbour](/a.png)\n\n<figcaption>\n\nBy [Ann](https://a.example)\n\n</figcaption>\n\n</figure>',
    );
    expect(html).toMatch(/<figure>\s*<p><img src="\/a.png"[^>]*><\/p>\s*<figcaption>\s*<p>By <a/);
    expect(html).not.toContain("onclick");
  });
});

describe("the images of a body", () => {
  it("are read from the syntax tree: an image inside a code fence or span is text", () => {
    const md =
      "![a](a.png)\n\n```markdown\n![b](b.png)\n```\n\nInline `![\nc](c.png)` and ![d][ref]\n\n" +
      "    ![e](indented.png)\n\n[ref]: d.png\n";
    expect(bodyImages(md)).toEqual(["a.png", "d.png"]);
  });
});

describe("links within a body", () => {
  it("leads each footnote reference to its note and back, with ids the sanitizer prefixed", async () => {
    const { html } = await renderMarkdown(
      'A claim.[^1] [See the note](#note).\n\n<p id="note">N</p>\n\n[^1]: The source.',
    );
    const doc = new DOMParser().parseFromString(html, "text/html");
    const inPage = [...doc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    expect(inPage.length).toBeGreaterThanOrEqual(3);
    for (const a of inPage) {
      const id = decodeURIComponent(a.getAttribute("href")!.slice(1));
      expect(doc.getElementById(id), `${a.textContent} → #${id}`).not.toBeNull();
      expect(id.startsWith("user-content-")).toBe(true);
    }
  });
});
