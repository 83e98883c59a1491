// How fast, and in how much memory, `npm run import:wordpress` reads a big export: generates WXR
// exports of 1,000 and 5,000 posts (classic and block posts of ~600 words, captions, galleries,
// embeds, links between posts, comments; uploads for a third of the images) and imports each in a
// child process of its own, reporting wall time and peak RSS. Memory is bounded when the peak
// barely grows from 1,000 to 5,000 posts, and the import runs with its JavaScript heap capped. The limit (issue 18): 5,000 posts in under a minute.
// Usage: npm run bench:wordpress [-- 5000]     (files in bench/.work/wordpress/)
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { random } from "./generate.ts";

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const WORK = path.join(HERE, ".work", "wordpress");
const WORDS =
  "harbour tide ferry lamp council quay crane gull fog pier storm boat shanty market bridge river town street school garden station winter summer evening morning".split(
    " ",
  );

function paragraph(rnd: () => number, words: number): string {
  const w = Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
  return `${w.join(" ")}.`;
}

function post(i: number, n: number, rnd: () => number): string {
  const block = i % 2 === 0;
  const img = `https://bench.example/wp-content/uploads/2024/0${(i % 9) + 1}/photo-${i % 300}-300x200.png`;
  const other = `https://bench.example/2024/post-${Math.floor(rnd() * n)}/`;
  const paras = Array.from({ length: 8 }, () => paragraph(rnd, 75));
  const content = block
    ? paras.map((p) => `<!-- wp:paragraph -->\n<p>${p}</p>\n<!-- /wp:paragraph -->`).join("\n\n") +
      `\n\n<!-- wp:image -->\n<figure class="wp-block-image"><img src="${img}" alt="Photo ${i}"/><figcaption>Caption ${i}</figcaption></figure>\n<!-- /wp:image -->` +
      `\n\n<!-- wp:paragraph -->\n<p>See <a href="${other}">another post</a>.</p>\n<!-- /wp:paragraph -->`
    : paras.join("\n\n") +
      `\n\n[caption id="attachment_${i}" width="300"]<img src="${img}" alt="Photo ${i}" /> Caption ${i}[/caption]` +
      `\n\nSee <a href="${other}">another post</a>.\n\nhttps://www.youtube.com/watch?v=v${i}\n\n[gallery ids="1,2"] [unknown-${i % 3}]`;
  const comments = Array.from(
    { length: i % 4 },
    (_, c) =>
      `<wp:comment><wp:comment_id>${i * 10 + c}</wp:comment_id><wp:comment_author><![CDATA[Reader ${c}]]></wp:comment_author>` +
      `<wp:comment_author_email><![CDATA[r${c}@mail.example]]></wp:comment_author_email><wp:comment_date><![CDATA[2024-05-02 10:00:00]]></wp:comment_date>` +
      `<wp:comment_date_gmt><![CDATA[2024-05-02 08:00:00]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${paragraph(rnd, 30)}]]></wp:comment_content>` +
      `<wp:comment_approved><![CDATA[1]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>0</wp:comment_parent></wp:comment>`,
  ).join("");
  return `<item><title><![CDATA[Post ${i}: ${paragraph(rnd, 5)}]]></title><link>https://bench.example/2024/post-${i}/</link>
<dc:creator><![CDATA[ann]]></dc:creator><guid isPermaLink="false">https://bench.example/?p=${i + 1000}</guid>
<content:encoded><![CDATA[${content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${i + 1000}</wp:post_id><wp:post_date><![CDATA[2024-0${(i % 9) + 1}-1${i % 10} 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[post-${i}]]></wp:post_name><wp:status><![CDATA[${i % 20 === 0 ? "draft" : "publish"}]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="c${i % 7}"><![CDATA[Category ${i % 7}]]></category>
<category domain="post_tag" nicename="t${i % 11}"><![CDATA[tag ${i % 11}]]></category>${comments}</item>\n`;
}

async function generate(n: number, file: string): Promise<void> {
  const rnd = random(n);
  const out = createWriteStream(file);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r()));
  await write(
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" ` +
      `xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" ` +
      `xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench</title><link>https://bench.example</link>` +
      `<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url>` +
      `<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Lee</wp:author_display_name></wp:author>\n`,
  );
  for (let i = 0; i < n; i++) await write(post(i, n, rnd));
  await write("</channel></rss>\n");
  await new Promise<void>((r) => out.end(() => r()));
}

/** A third of the images exist under uploads (one small PNG, copied), the rest are missing. */
async function uploads(dir: string): Promise<void> {
  const png = path.join(HERE, "..", "tests/fixtures/wordpress/uploads/2024/05/gull.png");
  for (let m = 1; m <= 9; m++) {
    await mkdir(path.join(dir, `2024/0${m}`), { recursive: true });
    for (let p = 0; p < 100; p++) await copyFile(png, path.join(dir, `2024/0${m}/photo-${p}.png`));
  }
}

interface Measured {
  seconds: number;
  /** User + system CPU seconds: on a shared machine the wall time also counts others' work. */
  cpu: number;
  peakMb: number;
  summary: string;
}

async function measure(n: number): Promise<Measured> {
  const file = path.join(WORK, `export-${n}.xml`);
  await generate(n, file);
  const out = path.join(WORK, `out-${n}`);
  await rm(out, { recursive: true, force: true });
  // The real command in a process of its own; /usr/bin/time reports its peak resident memory.
  const started = performance.now();
  const { stdout, stderr } = await run(
    "/usr/bin/time",
    [
      ...[
        "-f",
        "peak-rss-kb %M cpu %U %S",
        "npx",
        "tsx",
        path.join(HERE, "..", "build/wordpress/cli.ts"),
      ],
      ...[file, "--out", out, "--uploads", path.join(WORK, "uploads")],
      ...["--comments", path.join(WORK, `comments-${n}.json`)],
    ],
    // A heap capped well below the export's size: a leak per post would end the import.
    {
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${HEAP_MB}` },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const m = /peak-rss-kb (\d+) cpu ([\d.]+) ([\d.]+)/.exec(stderr);
  return {
    seconds,
    cpu: m ? Number(m[2]) + Number(m[3]) : NaN,
    peakMb: m ? Number(m[1]) / 1024 : NaN,
    summary: stdout.trim().split("\n").at(-1) ?? "",
  };
}

const HEAP_MB = 96;
const sizes = process.argv[2] ? [Number(process.argv[2])] : [1000, 5000];
await mkdir(WORK, { recursive: true });
await uploads(path.join(WORK, "uploads"));
for (const n of sizes) {
  const r = await measure(n);
  console.log(
    `${n} posts: ${r.seconds.toFixed(1)} s (${r.cpu.toFixed(1)} s of CPU), ` +
      `peak RSS ${r.peakMb.toFixed(0)} MB with the JS heap capped at ${HEAP_MB} MB ` +
      `(limit: 5,000 posts under 60 s)\n  ${r.summary}`,
  );
}
