import { describe, expect, it } from "vitest";
import { makeExcerpt, readingMinutes, renderMarkdown } from "../../../build/markdown.ts";

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

/** Payloads a hostile or careless publisher might put in Markdown. */
const PAYLOADS = [
  "<script>window.__xss=1</script>",
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"><circle r="4"/></svg>',
  '<iframe src="javascript:window.__xss=1"></iframe>',
  '<object data="evil.swf"></object>',
  '<embed src="evil.swf">',
  '<form action="https://evil.example"><input name="q"><button>Go</button></form>',
  "<style>body{display:none}</style>",
  "[click](javascript:window.__xss=1)",
  "[click](JaVaScRiPt:window.__xss=1)",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  '<a href="javascript&colon;window.__xss=1">x</a>',
  '<div onclick="window.__xss=1">click me</div>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1"></style></mglyph></table></mtext></math>',
  '<details open ontoggle="window.__xss=1">x</details>',
  '<a href="https://ok.example" onmouseover="window.__xss=1">hover</a>',
  "![x](javascript:alert(1))",
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<base href="https://evil.example/">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
  '<form id="app"><input name="attributes"></form>',
  '<textarea autofocus onfocus="window.__xss=1"></textarea>',
];

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

  it("prefixes ids so body content cannot clobber the page's globals", async () => {
    const { html } = await renderMarkdown('<a id="app" name="location">x</a>');
    expect(html).not.toMatch(/id="app"/);
    expect(html).not.toMatch(/name="location"/);
  });
});
