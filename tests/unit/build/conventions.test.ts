import { describe, expect, it } from "vitest";
import { borrow } from "../../../build/conventions.ts";
import { parseFrontMatter } from "../../../build/frontmatter.ts";

const base = { title: "T", date: "2024-01-01", category: "C" };

describe("Offprint's own fields", () => {
  it("are taken as they are, with nothing recorded as mapped", () => {
    const out = borrow({ ...base, excerpt: "E", tags: ["a"], image: "x.png", imageAlt: "A" });
    expect(out.fields).toEqual({
      ...base,
      excerpt: "E",
      tags: ["a"],
      image: "x.png",
      imageAlt: "A",
    });
    expect(out.mapped).toEqual([]);
    expect(out.errors).toEqual([]);
  });

  it("keep their documented messages", () => {
    const parse = (fm: string) => parseFrontMatter(`---\n${fm}\n---\nBody`);
    expect(parse("title: T\ndate: 25/07/2020\ncategory: C")).toEqual({
      ok: false,
      errors: ['"date" must be YYYY-MM-DD (got "25/07/2020")'],
    });
    expect(parse("date: 2024-01-01\ncategory: C")).toEqual({
      ok: false,
      errors: ['"title" is required'],
    });
    expect(parse("title: T\ndate: 2024-01-01\ncategory: C\nimage: x.png")).toEqual({
      ok: false,
      errors: ['"imageAlt" is required when "image" is given'],
    });
  });
});

describe("dates", () => {
  it.each([
    [
      { date: "2014-12-17 11:16:21 -0800" },
      "2014-12-17",
      "date with a time or in words → YYYY-MM-DD",
    ],
    [{ pubDate: "Jul 08 2022" }, "2022-07-08", "pubDate → date"],
    [{ publishDate: "2020-11-06" }, "2020-11-06", "publishDate → date"],
    [{ published: "2019-01-02T10:00:00Z" }, "2019-01-02", "published → date"],
  ])("reads %j", (data, date, label) => {
    const out = borrow({ title: "T", ...data });
    expect(out.fields.date).toBe(date);
    expect(out.mapped).toContain(label);
  });

  it("takes the file name's date when the front matter has none, and the front matter's first", () => {
    expect(borrow({ title: "T" }, { dateFromName: "2014-05-06" }).fields.date).toBe("2014-05-06");
    expect(borrow({ title: "T" }, { dateFromName: "2014-05-06" }).mapped).toContain(
      "date from file name",
    );
    expect(borrow({ date: "2020-01-01" }, { dateFromName: "2014-05-06" }).fields.date).toBe(
      "2020-01-01",
    );
  });

  it.each(["lastmod", "updated", "updatedDate", "modified"])(
    "reads %s as the updated date",
    (key) => {
      expect(borrow({ ...base, [key]: "2021-04-01T08:00:00Z" }).fields.updated).toBe("2021-04-01");
    },
  );

  it("names the borrowed field and the value of a date it cannot read", () => {
    expect(borrow({ title: "T", pubDate: "someday" }).errors).toEqual([
      '"pubDate" must be YYYY-MM-DD (got "someday")',
    ]);
    expect(borrow({ ...base, lastmod: "later" }).errors).toEqual([
      '"lastmod" must be YYYY-MM-DD (got "later")',
    ]);
  });
});

describe("category and tags", () => {
  it("takes the first of categories; the others join the tags", () => {
    const out = borrow({ title: "T", categories: ["Coast", "Instruments"], tags: ["tide"] });
    expect(out.fields.category).toBe("Coast");
    expect(out.fields.tags).toEqual(["tide", "Instruments"]);
    expect(out.mapped).toEqual(
      expect.arrayContaining(["categories → category", "categories → tags"]),
    );
  });

  it("splits a text of categories on spaces, as Jekyll does", () => {
    const out = borrow({ title: "T", categories: "community update" });
    expect(out.fields).toMatchObject({ category: "community", tags: ["update"] });
  });

  it("prefers category to categories", () => {
    expect(borrow({ title: "T", category: "A", categories: ["B"] }).fields.category).toBe("A");
  });

  it("files an article with no category under Uncategorized", () => {
    const out = borrow({ title: "T" });
    expect(out.fields.category).toBe("Uncategorized");
    expect(out.mapped).toContain("no category → Uncategorized");
  });

  it("takes tags as text or a list, and keywords", () => {
    expect(borrow({ ...base, tags: "notes" }).fields.tags).toEqual(["notes"]);
    expect(borrow({ ...base, tags: ["a", "b"], keywords: "c, d" }).fields.tags).toEqual([
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(borrow({ ...base, keywords: ["x"] }).fields.tags).toEqual(["x"]);
  });
});

describe("excerpt, author, slug, drafts", () => {
  it.each(["description", "summary"])("takes the excerpt from %s", (key) => {
    const out = borrow({ ...base, [key]: "Short." });
    expect(out.fields.excerpt).toBe("Short.");
    expect(out.mapped).toContain(`${key} → excerpt`);
  });

  it("prefers excerpt to description", () => {
    expect(borrow({ ...base, excerpt: "E", description: "D" }).fields.excerpt).toBe("E");
  });

  it.each([
    ["a name", "Ines Marlow"],
    ["an object with a name", { name: "Ines Marlow", url: "https://x.example" }],
    ["a list", ["Ines Marlow", "Ada Finch"]],
    ["a list of objects", [{ name: "Ines Marlow" }]],
  ])("takes the author from %s", (_, author) => {
    expect(borrow({ ...base, author }).fields.author).toBe("Ines Marlow");
  });

  it("takes the slug", () => {
    expect(borrow({ ...base, slug: "my-post" }).slug).toBe("my-post");
  });

  it.each([
    [{ draft: true }, true],
    [{ published: false }, true],
    [{ draft: false }, false],
    [{ published: true }, false],
    [{}, false],
  ])("reads %j as draft: %s", (data, draft) => {
    expect(borrow({ ...base, ...data }).draft).toBe(draft);
  });

  it("lists the fields no rule reads", () => {
    expect(borrow({ ...base, layout: "post", permalink: "/x/" }).unused).toEqual([
      "layout",
      "permalink",
    ]);
  });
});

describe("images", () => {
  it.each([
    ["heroImage", { heroImage: "../../assets/hero.png" }, "../../assets/hero.png"],
    ["featured_image", { featured_image: "f.png" }, "f.png"],
    ["thumbnail", { thumbnail: "t.png" }, "t.png"],
    ["cover as a path", { cover: "c.png" }, "c.png"],
  ])("takes %s as a borrowed image", (_, data, path) => {
    const out = borrow({ ...base, ...data });
    expect(out.borrowedImage?.path).toBe(path);
    expect(out.fields.image).toBeUndefined();
  });

  it("takes cover's image and alt", () => {
    const out = borrow({ ...base, cover: { image: "c.png", alt: "A tower" } });
    expect(out.borrowedImage).toEqual({ from: "cover.image", path: "c.png" });
    expect(out.fields.imageAlt).toBe("A tower");
  });

  it.each(["image_alt", "alt"])("takes the alt from %s", (key) => {
    const out = borrow({ ...base, image: "x.png", [key]: "A" });
    expect(out.fields).toMatchObject({ image: "x.png", imageAlt: "A" });
  });
});

describe("category beside categories", () => {
  it("keeps category and joins the other categories to the tags", () => {
    const out = borrow({ title: "T", category: "A", categories: ["A", "B"] });
    expect(out.fields).toMatchObject({ category: "A", tags: ["B"] });
    expect(out.mapped).toEqual(["categories → tags"]);
  });
});
