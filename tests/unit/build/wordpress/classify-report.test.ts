import { describe, expect, it } from "vitest";
import { classify } from "../../../../build/wordpress/classify.ts";
import { ImportReport } from "../../../../build/wordpress/report.ts";
import { approvedComments, commentRecord } from "../../../../build/wordpress/comments.ts";
import type { WxrComment } from "../../../../build/wordpress/wxr.ts";

const post = (status: string, type = "post", password = "") => ({ status, type, password });

describe("what is imported", () => {
  it("imports published posts, and published pages only with --pages", () => {
    expect(classify(post("publish"), { pages: false })).toEqual({ import: true });
    expect(classify(post("publish", "page"), { pages: false })).toEqual({
      import: false,
      reason: "page",
    });
    expect(classify(post("publish", "page"), { pages: true })).toEqual({ import: true });
  });

  it.each([
    [post("draft"), "draft"],
    [post("pending"), "pending"],
    [post("future"), "future"],
    [post("private"), "private"],
    [post("trash"), "trash"],
    [post("publish", "post", "secret"), "password-protected"],
    [post("draft", "post", "secret"), "password-protected"],
    [post("inherit", "attachment"), "attachment"],
    [post("publish", "nav_menu_item"), "navigation item"],
    [post("publish", "product"), "custom type product"],
  ])("skips %j as %s", (item, reason) => {
    expect(classify(item, { pages: true })).toEqual({ import: false, reason });
  });
});

describe("the report", () => {
  it("sums up in one line: imported, skipped by reason, images, unknown shortcodes", () => {
    const report = new ImportReport();
    report.posts = 56;
    for (const r of ["draft", "future", "password-protected", "private", "private"] as const)
      report.skip(r);
    report.shortcode("foo");
    report.shortcode("foo");
    report.shortcode("bar");
    const images = Array.from(
      { length: 37 },
      () => ({ ok: false, reason: "not found under --uploads" }) as const,
    );
    expect(report.summary(images)).toBe(
      "Imported 56 posts, skipped 5 (1 draft, 1 future, 1 password-protected, 2 private); " +
        "37 images: 0 copied, 37 not found under --uploads; " +
        "3 unknown shortcodes (left as text): [foo]×2 [bar]×1",
    );
  });

  it("names the post of each problem by its title and old address", () => {
    const report = new ImportReport();
    report.problem({ title: "Hi", link: "https://old.example/hi/" }, "the title is empty");
    expect(report.problems).toEqual(['"Hi" (https://old.example/hi/): the title is empty']);
  });
});

describe("comments", () => {
  const c = (more: Partial<WxrComment>): WxrComment => ({
    id: "1",
    parent: "0",
    author: "Ann &amp; Co",
    date: "2024-05-02 10:00:00",
    dateGmt: "2024-05-02 08:00:00",
    content: "One <em>para</em>.\n\nTwo.",
    approved: "1",
    type: "comment",
    ...more,
  });

  it("counts approved comments only, without pingbacks and trackbacks", () => {
    const comments = [
      c({}),
      c({ approved: "0" }),
      c({ approved: "spam" }),
      c({ type: "pingback" }),
      c({ type: "" }),
    ];
    expect(approvedComments({ comments })).toHaveLength(2);
  });

  it("writes post slug, author, date and text, and never the email", () => {
    const record = commentRecord("hello", { ...c({}), ...{ email: "ann@mail.example" } });
    expect(record).toEqual({
      post: "hello",
      id: "1",
      author: "Ann & Co",
      date: "2024-05-02T08:00:00Z",
      text: "One para.\n\nTwo.",
    });
    expect(JSON.stringify(record)).not.toContain("@");
  });
});
