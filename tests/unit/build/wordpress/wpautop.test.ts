import { describe, expect, it } from "vitest";
import { wpautop } from "../../../../build/wordpress/wpautop.ts";

const squash = (html: string) => html.replace(/\n/g, "");

describe("wpautop, as WordPress shows a classic post", () => {
  it("makes a paragraph of each block of text separated by a blank line", () => {
    expect(squash(wpautop("One\n\nTwo"))).toBe("<p>One</p><p>Two</p>");
  });

  it("makes a single line break a <br />", () => {
    expect(squash(wpautop("One\nstill one"))).toBe("<p>One<br />still one</p>");
  });

  it("does not wrap block elements in paragraphs, nor break lines after them", () => {
    const html = squash(wpautop("Intro\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\nAfter"));
    expect(html).toBe("<p>Intro</p><ul><li>a</li><li>b</li></ul><p>After</p>");
  });

  it("keeps the line breaks of <pre> exactly", () => {
    expect(wpautop("<pre>a\n\nb</pre>")).toContain("<pre>a\n\nb</pre>");
  });

  it("puts a blockquote's text in a paragraph inside it", () => {
    expect(squash(wpautop("<blockquote>Quoted</blockquote>"))).toBe(
      "<blockquote><p>Quoted</p></blockquote>",
    );
  });

  it("leaves line breaks inside a tag alone", () => {
    const html = wpautop('<a\nhref="x">link</a> text');
    expect(html).toContain('<p><a\nhref="x">link</a> text</p>');
    expect(html).not.toContain("<br");
  });

  it("gives nothing for white space", () => {
    expect(wpautop(" \n\n ")).toBe("");
  });
});
