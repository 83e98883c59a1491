import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readWxr, WxrError, type WxrEvent } from "../../../../build/wordpress/wxr.ts";

async function events(xml: string): Promise<WxrEvent[]> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "wxr-")), "export.xml");
  await writeFile(file, xml);
  const all: WxrEvent[] = [];
  for await (const e of readWxr(file)) all.push(e);
  return all;
}

async function failure(xml: string): Promise<WxrError> {
  try {
    await events(xml);
  } catch (err) {
    if (err instanceof WxrError) return err;
    throw err;
  }
  throw new Error("the export was read without an error");
}

const wxr = (wp: string, content: string, body: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="${wp}" xmlns:content="${content}" ` +
  `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">` +
  `<channel><wp:base_site_url>https://old.example</wp:base_site_url>${body}</channel></rss>`;

const ITEM =
  "<item><title>Hi</title><wp:post_id>7</wp:post_id><wp:post_type><![CDATA[post]]></wp:post_type>" +
  "<content:encoded><![CDATA[<p>a ]]]]><![CDATA[> b</p>]]></content:encoded>" +
  '<dc:creator>ann</dc:creator><category domain="category" nicename="n"><![CDATA[News]]></category>' +
  "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>9</wp:meta_value></wp:postmeta>" +
  "<wp:comment><wp:comment_id>3</wp:comment_id><wp:comment_author_email>x@y.z</wp:comment_author_email>" +
  "<wp:comment_content>Nice</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment></item>";

describe("reading a WordPress export", () => {
  it.each([
    ["http", "http://wordpress.org/export/1.2/", "http://purl.org/rss/1.0/modules/content/"],
    ["https", "https://wordpress.org/export/1.2/", "https://purl.org/rss/1.0/modules/content/"],
    [
      "1.0 and mixed",
      "http://wordpress.org/export/1.0/",
      "https://purl.org/rss/1.0/modules/content/",
    ],
  ])("accepts namespace URIs with %s", async (_name, wp, content) => {
    const all = await events(wxr(wp, content, ITEM));
    const item = all.find((e) => e.kind === "item");
    expect(item?.kind === "item" && item.item.content).toBe("<p>a ]]> b</p>");
    expect(item?.kind === "item" && item.item.id).toBe("7");
  });

  it("reads CDATA, categories, post meta, comments and the site, item by item", async () => {
    const all = await events(
      wxr(
        "http://wordpress.org/export/1.2/",
        "http://purl.org/rss/1.0/modules/content/",
        "<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Lee</wp:author_display_name></wp:author>" +
          ITEM,
      ),
    );
    expect(all.map((e) => e.kind)).toEqual(["author", "site", "item"]);
    const item = all[2].kind === "item" ? all[2].item : undefined;
    expect(item?.categories).toEqual([{ domain: "category", nicename: "n", name: "News" }]);
    expect(item?.meta.get("_thumbnail_id")).toBe("9");
    expect(item?.comments[0]).toMatchObject({ id: "3", content: "Nice", approved: "1" });
    expect(all[1]).toMatchObject({ kind: "site", site: { baseSiteUrl: "https://old.example" } });
  });

  it("says on which line a file is not well-formed", async () => {
    const err = await failure(
      wxr(
        "http://wordpress.org/export/1.2/",
        "http://purl.org/rss/1.0/modules/content/",
        "\n\n<item><title>x</item>",
      ),
    );
    expect(err.line).toBe(4);
    expect(err.message).toMatch(/tag/);
  });

  it("refuses an XML file that is not a WordPress export", async () => {
    expect((await failure('<?xml version="1.0"?>\n<feed><entry/></feed>')).message).toMatch(
      /not a WordPress export \(WXR\): the root element is <feed>/,
    );
    expect((await failure('<rss version="2.0"><channel/></rss>')).message).toMatch(
      /does not declare the wp: namespace/,
    );
  });

  it("refuses an empty file", async () => {
    expect((await failure("")).line).toBe(1);
  });
});
