import { describe, expect, it } from "vitest";
import {
  articleFile,
  categoryAndTags,
  frontMatter,
  postDate,
  type FrontMatterContext,
} from "../../../../build/wordpress/front-matter.ts";
import type { WxrItem } from "../../../../build/wordpress/wxr.ts";
import { parseFrontMatter } from "../../../../build/frontmatter.ts";

function item(more: Partial<WxrItem> = {}): WxrItem {
  return {
    line: 1,
    title: "Title",
    link: "https://old.example/2024/05/title/",
    guid: "",
    creator: "ann",
    content: "",
    excerpt: "",
    id: "1",
    date: "2024-05-01 23:30:00",
    dateGmt: "2024-05-01 21:30:00",
    name: "title",
    status: "publish",
    parent: "0",
    menuOrder: "0",
    type: "post",
    password: "",
    attachmentUrl: "",
    categories: [],
    meta: new Map(),
    comments: [],
    ...more,
  };
}

function context(more: Partial<FrontMatterContext> = {}) {
  const problems: string[] = [];
  const ctx: FrontMatterContext = {
    authors: new Map([["ann", "Ann Lee"]]),
    attachment: (id) =>
      id === "9"
        ? {
            id,
            url: "https://old.example/wp-content/uploads/p.png",
            alt: "A pier",
            caption: "Photo: Bo",
            title: "p",
            parent: "1",
            order: 0,
          }
        : undefined,
    image: () => ({ ok: true, src: "images/p.png" }),
    bodyText: "The first words of the body go on for a while longer than eight.",
    problem: (m) => problems.push(m),
    ...more,
  };
  return { ctx, problems };
}

describe("front matter of an imported post", () => {
  it("decodes entities and strips markup in the title", () => {
    const { ctx } = context();
    expect(
      frontMatter(item({ title: "Fish &amp; <em>Chips</em> &#8211; a history" }), ctx).title,
    ).toBe("Fish & Chips – a history");
  });

  it("makes an empty title the body's first words, and says so", () => {
    const { ctx, problems } = context();
    expect(frontMatter(item({ title: "" }), ctx).title).toBe("The first words of the body go on…");
    expect(problems).toEqual([
      'the title is empty; it is now "The first words of the body go on…"',
    ]);
    expect(frontMatter(item({ title: " " }), context({ bodyText: "" }).ctx).title).toBe("Untitled");
  });

  it("takes the site's local date, YYYY-MM-DD", () => {
    expect(postDate(item())).toBe("2024-05-01");
    expect(postDate(item({ date: "0000-00-00 00:00:00", dateGmt: "2024-02-03 00:00:00" }))).toBe(
      "2024-02-03",
    );
  });

  it("makes the first category the category and the others tags, with the post tags", () => {
    const categories = [
      { domain: "category", nicename: "a", name: "Arts &amp; Culture" },
      { domain: "post_tag", nicename: "t", name: "music" },
      { domain: "category", nicename: "b", name: "Local" },
    ];
    expect(categoryAndTags(item({ categories }))).toEqual({
      category: "Arts & Culture",
      tags: ["Local", "music"],
    });
    expect(categoryAndTags(item())).toEqual({ category: "Uncategorized", tags: [] });
  });

  it("names the author by the display name in the export's author list", () => {
    expect(frontMatter(item(), context().ctx).author).toBe("Ann Lee");
    expect(frontMatter(item({ creator: "zed" }), context().ctx).author).toBe("zed");
  });

  it("takes the excerpt as text when one is set", () => {
    expect(frontMatter(item({ excerpt: "<p>Short &amp; sweet</p>" }), context().ctx).excerpt).toBe(
      "Short & sweet",
    );
    expect(frontMatter(item(), context().ctx)).not.toHaveProperty("excerpt");
  });

  it("takes the featured image, its alt text and its caption as the credit", () => {
    const fm = frontMatter(item({ meta: new Map([["_thumbnail_id", "9"]]) }), context().ctx);
    expect(fm).toMatchObject({
      image: "images/p.png",
      imageAlt: "A pier",
      imageCredit: "Photo: Bo",
    });
  });

  it("leaves out a featured image it cannot find, and says so", () => {
    const { ctx, problems } = context({
      image: () => ({ ok: false, reason: "not found under --uploads" }),
    });
    const fm = frontMatter(item({ meta: new Map([["_thumbnail_id", "9"]]) }), ctx);
    expect(fm).not.toHaveProperty("image");
    expect(problems).toEqual([
      "featured image https://old.example/wp-content/uploads/p.png not found under --uploads",
    ]);
  });

  it("writes a file Offprint's build reads, with the old address kept as wordpressUrl", () => {
    const fm = frontMatter(
      item({
        title: 'Quotes " and: colons # and --- dashes',
        meta: new Map([["_thumbnail_id", "9"]]),
      }),
      context().ctx,
    );
    const parsed = parseFrontMatter(articleFile(fm, "Body.\n"));
    expect(parsed).toMatchObject({ ok: true, body: "\nBody.\n" });
    expect(parsed.ok && parsed.data.title).toBe('Quotes " and: colons # and --- dashes');
    expect(articleFile(fm, "")).toContain("wordpressUrl: https://old.example/2024/05/title/");
  });
});
