import { describe, expect, it } from "vitest";
import {
  parseAttributes,
  replaceShortcodes,
  type Attachment,
  type ShortcodeContext,
} from "../../../../build/wordpress/shortcodes.ts";
import { embedLink, linkBareEmbeds, providerOf } from "../../../../build/wordpress/embeds.ts";

const A = (id: string, url: string, more: Partial<Attachment> = {}): Attachment => ({
  id,
  url,
  alt: "",
  caption: "",
  title: "",
  parent: "1",
  order: 0,
  ...more,
});

function context(found: string[] = []) {
  const unknown: string[] = [];
  const attachments = [
    A("5", "https://old.example/wp-content/uploads/a.png", { alt: "Alt A", caption: "Cap A" }),
    A("6", "https://old.example/wp-content/uploads/b.png", { title: "Title B", order: 1 }),
  ];
  const ctx: ShortcodeContext = {
    postId: "1",
    attachment: (id) => attachments.find((a) => a.id === id),
    attachedTo: (id) => attachments.filter((a) => a.parent === id),
    imageFound: (url) => found.includes(url),
    unknown: (name) => unknown.push(name),
  };
  return { ctx, unknown };
}

describe("shortcodes", () => {
  it("parses attributes as WordPress does: quoted, bare and positional", () => {
    const { named, positional } = parseAttributes(`id="1" align='left' width=300 "pos" bare`);
    expect(Object.fromEntries(named)).toEqual({ id: "1", align: "left", width: "300" });
    expect(positional).toEqual(["pos", "bare"]);
  });

  it("turns a caption (with a link in it) into a figure with a figcaption", () => {
    const { ctx } = context();
    const html = replaceShortcodes(
      '[caption id="attachment_5" width="300"]<a href="big.png"><img src="a.png" alt="A" /></a> By <a href="https://x.example">X</a>[/caption]',
      ctx,
    );
    expect(html).toBe(
      '<figure><a href="big.png"><img src="a.png" alt="A" /></a><figcaption>By <a href="https://x.example">X</a></figcaption></figure>',
    );
  });

  it("takes a caption from the caption attribute too", () => {
    const { ctx } = context();
    expect(replaceShortcodes('[caption caption="Hi"]<img src="a.png">[/caption]', ctx)).toBe(
      '<figure><img src="a.png"><figcaption>Hi</figcaption></figure>',
    );
  });

  it("turns a gallery into figures of its images, in the order of ids", () => {
    const { ctx } = context(["https://old.example/wp-content/uploads/a.png"]);
    const html = replaceShortcodes('[gallery ids="6,5"]', ctx);
    expect(html).toMatch(/^<figure><img src="[^"]*b\.png" alt="Title B"><\/figure>/);
    expect(html).toContain('alt="Alt A"><figcaption>Cap A</figcaption></figure>');
  });

  it("shows a gallery without ids as the post's attached images", () => {
    const { ctx } = context(["https://old.example/wp-content/uploads/a.png"]);
    expect(replaceShortcodes("[gallery]", ctx).match(/<figure>/g)).toHaveLength(2);
  });

  it("turns a gallery whose files are all missing into a list of captions or alt text", () => {
    const { ctx } = context();
    expect(replaceShortcodes('[gallery ids="5,6"]', ctx)).toBe(
      '<ul><li><a href="https://old.example/wp-content/uploads/a.png">Cap A</a></li>' +
        '<li><a href="https://old.example/wp-content/uploads/b.png">Title B</a></li></ul>',
    );
  });

  it.each([
    ["[embed]https://youtu.be/abc[/embed]", "https://youtu.be/abc", "Video on YouTube"],
    [
      '[video mp4="https://old.example/v.mp4"][/video]',
      "https://old.example/v.mp4",
      "Video on old.example",
    ],
    [
      '[audio src="https://old.example/a.mp3"]',
      "https://old.example/a.mp3",
      "Audio on old.example",
    ],
    [
      "[youtube https://www.youtube.com/watch?v=x&amp;t=1]",
      "https://www.youtube.com/watch?v=x&#38;t=1",
      "Video on YouTube",
    ],
    ["[youtube=https://youtu.be/q]", "https://youtu.be/q", "Video on YouTube"],
    ["[vimeo 123]", "https://vimeo.com/123", "Video on Vimeo"],
    [
      '[soundcloud url="https://soundcloud.com/a/b"]',
      "https://soundcloud.com/a/b",
      "Audio on SoundCloud",
    ],
  ])("turns %s into a plain link naming the provider", (code, href, label) => {
    const { ctx } = context();
    expect(replaceShortcodes(code, ctx)).toBe(`<p><a href="${href}">${label}</a></p>`);
  });

  it("keeps any other shortcode as text and counts it by name", () => {
    const { ctx, unknown } = context();
    const text = '[foo]inside [bar x="1"][/foo] and [foo]';
    expect(replaceShortcodes(text, ctx)).toBe(text);
    expect(unknown).toEqual(["foo", "bar", "foo"]);
  });

  it("leaves shortcodes in code alone, and [[name]] as the shortcode's own text", () => {
    const { ctx, unknown } = context();
    expect(replaceShortcodes("<code>[gallery]</code> [[gallery]]", ctx)).toBe(
      "<code>[gallery]</code> [gallery]",
    );
    expect(unknown).toEqual([]);
  });
});

describe("embeds", () => {
  it("knows the oEmbed providers WordPress embeds from a bare URL", () => {
    expect(providerOf("https://www.youtube.com/watch?v=1")?.name).toBe("YouTube");
    expect(providerOf("https://x.com/a/status/1")?.name).toBe("X (Twitter)");
    expect(providerOf("https://example.com/")).toBeUndefined();
  });

  it("links a provider's URL alone on its line, and leaves other bare URLs", () => {
    const html = linkBareEmbeds(
      "Watch:\nhttps://vimeo.com/1\nhttps://example.com/x\nsee https://vimeo.com/2",
    );
    expect(html).toBe(
      `Watch:\n${embedLink("https://vimeo.com/1")}\nhttps://example.com/x\nsee https://vimeo.com/2`,
    );
  });
});
