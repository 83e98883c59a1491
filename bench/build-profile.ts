// Where the build's time per article goes, stage by stage, on a generated edition: each stage
// runs alone over every article, in one process, so the ratios compare within the run.
// Usage: npx tsx bench/build-profile.ts bench/.work/edition-1000
import { readFile } from "node:fs/promises";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { imageSize } from "image-size";
import { unified } from "unified";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import rehypeStringify from "rehype-stringify";
import type { Root as MdRoot } from "mdast";
import type { Root as HtmlRoot } from "hast";
import { findContent } from "../build/content-files.ts";
import { parseFrontMatter } from "../build/frontmatter.ts";
import { transformTemplates } from "../build/templates.ts";
import { locateImage } from "../build/image-paths.ts";
import { bodyImages, parseMarkdown, renderMarkdown } from "../build/markdown.ts";
import { sanitizeSvg } from "../build/svg.ts";
import { buildEdition } from "../build/edition.ts";
import { buildSearchShards } from "../build/search-shards.ts";

const folder = path.resolve(process.argv[2] ?? "bench/.work/edition-1000");
const rows: [string, number][] = [];
const time = async <T>(stage: string, fn: () => Promise<T> | T): Promise<T> => {
  const t0 = performance.now();
  const out = await fn();
  rows.push([stage, performance.now() - t0]);
  return out;
};

const { articles } = await findContent(folder);
const n = articles.length;
const texts = await time("read files", () =>
  Promise.all(articles.map((a) => readFile(a.file, "utf8"))),
);
const parsed = await time("front matter (gray-matter, YAML, valibot)", () =>
  texts.map((t, i) => parseFrontMatter(t, { dateFromName: articles[i].dateFromName })),
);
const links = { resolve: (t: string) => ({ url: `/articles/${t}`, found: true, name: t }) };
const bodies = parsed.map((p) => (p.ok ? p.body : ""));
const templated = await time("templates", () =>
  bodies.map((b) => transformTemplates(b, 1, links).markdown),
);
const trees = await time("Markdown → mdast (remark-parse, gfm)", () =>
  templated.map((m) => parseMarkdown(m)),
);
await time("body images from mdast", () => trees.map((t) => bodyImages(t)));
const heroes = parsed.flatMap((p, i) =>
  p.ok && p.data.image ? [{ image: p.data.image, dir: path.dirname(articles[i].file) }] : [],
);
await time(`image probing (${heroes.length} hero images, read + size + SVG sanitizing)`, () =>
  Promise.all(
    heroes.map(async ({ image, dir }) => {
      const file = await locateImage(image, dir, folder);
      if (!file) return;
      const data = await readFile(file);
      const safe = sanitizeSvg(data.toString("utf8")) ?? "";
      return imageSize(new TextEncoder().encode(safe));
    }),
  ),
);
// The same pipeline as renderMarkdown without the sanitizer, to tell the sanitizer's share.
const unsafe = unified()
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeStringify);
await time("mdast → HTML without sanitizing (remark-rehype, raw, stringify)", async () => {
  for (const t of trees) unsafe.stringify((await unsafe.run(structuredClone(t))) as HtmlRoot);
});
await time("mdast → sanitized HTML (renderMarkdown)", async () => {
  for (const t of trees) await renderMarkdown(structuredClone(t) as MdRoot);
});
const edition = await time("buildEdition (all of the above, as the build runs it)", () =>
  buildEdition(folder),
);
await time("search shards (MiniSearch scores, term-range shards)", () =>
  buildSearchShards(edition, Math.min(200, edition.index.articles.length)),
);
await time("JSON.stringify of every body (what emitFile is handed)", () =>
  edition.files.reduce((s, f) => s + f.source.length, 0),
);

console.log(`${n} articles in ${path.relative(process.cwd(), folder)}`);
console.log("| Stage | Total (ms) | Per article (ms) |\n| --- | --- | --- |");
for (const [stage, ms] of rows) {
  console.log(`| ${stage} | ${ms.toFixed(0)} | ${(ms / n).toFixed(2)} |`);
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
