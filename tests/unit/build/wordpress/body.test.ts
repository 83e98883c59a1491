import { describe, expect, it } from "vitest";
import { convertBody, isBlockContent, type BodyContext } from "../../../../build/wordpress/body.ts";
import type { ImageOutcome } from "../../../../build/wordpress/images.ts";

function context(images: Record<string, ImageOutcome> = {}, more: Partial<BodyContext> = {}) {
  const ctx: BodyContext = {
    postId: "1",
    attachment: () => undefined,
    attachedTo: () => [],
    imageFound: () => false,
    unknown: () => undefined,
    image: (src) => images[src] ?? { ok: false, reason: "not found under --uploads" },
    link: (href) => (href === "https://old.example/a/" ? "/articles/a" : href),
    footnotes: [],
    ...more,
  };
  return ctx;
}

const md = (content: string, ctx = context()) => convertBody(content, ctx).markdown;

describe("a post's body as Markdown", () => {
  it("gives a classic post WordPress's paragraphs and line breaks", () => {
    expect(md("One\ntwo\n\nThree")).toBe("One\\\ntwo\n\nThree\n");
  });

  it("keeps a block post's HTML and drops its block comments", () => {
    const content =
      '<!-- wp:paragraph {"x":1} -->\n<p>One</p>\n<!-- /wp:paragraph -->\n<!-- wp:separator /-->';
    expect(isBlockContent(content)).toBe(true);
    expect(md(content)).toBe("One\n");
  });

  it("does not run wpautop on a block post (its single line breaks are not <br>)", () => {
    expect(md("<!-- wp:html -->\n<div>a\nb</div>\n<!-- /wp:html -->")).toBe("a b\n");
  });

  it("removes <!--more--> and <!--nextpage-->", () => {
    expect(md("One<!--more Read on-->\n\nTwo<!--nextpage-->\n\nThree")).toBe(
      "One\n\nTwo\n\nThree\n",
    );
  });

  it.each([
    ["headings", "<h2>Sub</h2><h3>Subsub</h3>", "## Sub\n\n### Subsub\n"],
    ["nested lists", "<ul><li>a<ol><li>b</li></ol></li></ul>", "- a\n  1. b\n"],
    ["blockquotes", "<blockquote><p>q</p></blockquote>", "> q\n"],
    ["code", '<pre class="wp-block-code"><code>let a = 1;</code></pre>', "```\nlet a = 1;\n```\n"],
    ["strikethrough", "<p><del>old</del> new</p>", "~~old~~ new\n"],
    [
      "a simple table",
      "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
      "| A | B |\n| - | - |\n| 1 | 2 |\n",
    ],
  ])("keeps %s", (_name, html, expected) => {
    expect(md(`<!-- wp:html -->${html}<!-- /wp:html -->`)).toBe(expected);
  });

  it("keeps a table Markdown cannot hold (merged cells) as HTML", () => {
    const out = md('<table><tr><td colspan="2">wide</td></tr></table>');
    expect(out).toContain('<td colspan="2">wide</td>');
  });

  it("turns the block editor's footnotes into Markdown footnotes", () => {
    const ctx = context({}, { footnotes: [{ id: "f1", content: "The <em>source</em>." }] });
    const out = md(
      '<!-- wp:paragraph --><p>Claim.<sup data-fn="f1" class="fn"><a href="#f1">1</a></sup></p>',
      ctx,
    );
    expect(out).toBe("Claim.[^1]\n\n[^1]: The _source_.\n");
  });

  it("writes a figure as HTML around Markdown, so the build copies its image", () => {
    const ctx = context({
      "https://old.example/wp-content/uploads/a.png": { ok: true, src: "images/a.png" },
    });
    const out = md(
      '[caption]<img src="https://old.example/wp-content/uploads/a.png" alt="A"> By <a href="https://x.example">X</a>[/caption]',
      ctx,
    );
    expect(out).toBe(
      "<figure>\n\n![A](images/a.png)\n\n<figcaption>\n\nBy [X](https://x.example)\n\n</figcaption>\n\n</figure>\n",
    );
  });

  it("makes an image it cannot find its alt text, linked to the original", () => {
    expect(md('<img src="https://old.example/wp-content/uploads/m.png" alt="A map">')).toBe(
      "[A map](https://old.example/wp-content/uploads/m.png)\n",
    );
  });

  it("drops the link from an image to its own file when the image is copied", () => {
    const ctx = context({
      "https://old.example/wp-content/uploads/a-300x200.png": { ok: true, src: "images/a.png" },
    });
    expect(
      md(
        '<a href="https://old.example/wp-content/uploads/a.png"><img src="https://old.example/wp-content/uploads/a-300x200.png" alt="A"></a>',
        ctx,
      ),
    ).toBe("![A](images/a.png)\n");
  });

  it("rewrites links to the old site's posts and keeps others", () => {
    expect(md('<a href="https://old.example/a/">A</a> <a href="https://b.example/">B</a>')).toBe(
      "[A](/articles/a) [B](https://b.example/)\n",
    );
  });

  it("turns an iframe player into a link naming its provider", () => {
    expect(md('<iframe src="https://www.youtube.com/embed/x"></iframe>')).toBe(
      "[Video on YouTube](https://www.youtube.com/embed/x)\n",
    );
  });

  it("gives no Markdown for a post of nothing but white space and comments", () => {
    expect(md("<!-- wp:paragraph -->\n<p> </p>\n<!-- /wp:paragraph -->")).toBe("");
  });
});

describe("what the build must still find", () => {
  it("keeps brackets out of a copied image's alt text, so the build finds the image", () => {
    const ctx = context({
      "https://old.example/wp-content/uploads/a.png": { ok: true, src: "images/a.png" },
    });
    expect(
      md('<img src="https://old.example/wp-content/uploads/a.png" alt="Map [2024]">', ctx),
    ).toBe("![Map (2024)](images/a.png)\n");
  });

  it("leaves a provider's URL alone on a line inside code as it is", () => {
    expect(md("<pre>\nhttps://youtu.be/x\n</pre>")).toBe("```\nhttps://youtu.be/x\n```\n");
  });
});
