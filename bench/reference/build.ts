// Writes the reference pages from a built edition: the static list served by a minimal service
// worker (B1, under /ref/) and the vanilla-DOM list (B3, under /ref/). Both use the app's own
// built stylesheet and the edition's images, so rows look and weigh the same as Offprint's.
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { CatalogIndex } from "../../src/catalog/types.ts";
import { escapeHtml, rowHtml } from "./rows.ts";

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The catalog index of a built edition, and its URL path. */
export async function builtIndex(dist: string): Promise<{ url: string; index: CatalogIndex }> {
  const name = (await readdir(path.join(dist, "content"))).find(
    (f) => f.startsWith("index-") && f.endsWith(".json"),
  );
  if (!name) throw new Error(`no catalog index in ${dist}/content`);
  const index = JSON.parse(
    await readFile(path.join(dist, "content", name), "utf8"),
  ) as CatalogIndex;
  return { url: `/content/${name}`, index };
}

async function appStylesheet(dist: string): Promise<string> {
  const css = (await readdir(path.join(dist, "assets"))).find(
    (f) => f.startsWith("index-") && f.endsWith(".css"),
  );
  if (!css) throw new Error(`no app stylesheet in ${dist}/assets`);
  return path.join(dist, "assets", css);
}

function page(title: string, head: string, body: string): string {
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title>${head}</head>` +
    `<body><main class="list"><h1>Latest articles</h1>${body}</main></body></html>\n`
  );
}

/**
 * B1's reference: /ref/index.html with every row as static HTML, and /ref/sw.js precaching it,
 * its stylesheet and the images it shows.
 */
export async function writeStaticList(dist: string, out: string): Promise<void> {
  const { index } = await builtIndex(dist);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await copyFile(await appStylesheet(dist), path.join(out, "style.css"));
  await copyFile(path.join(HERE, "register.js"), path.join(out, "register.js"));
  const rows = index.articles.map((a) => rowHtml(a)).join("");
  await writeFile(
    path.join(out, "index.html"),
    page(
      "Reference list",
      `<link rel="stylesheet" href="/ref/style.css"><script src="/ref/register.js" defer></script>`,
      `<ol class="articles" aria-label="Latest articles">${rows}</ol>`,
    ),
  );
  const images = [...new Set(index.articles.flatMap((a) => (a.image ? [`/${a.image.src}`] : [])))];
  const files = ["/ref/", "/ref/index.html", "/ref/style.css", "/ref/register.js", ...images];
  const sw = (await readFile(path.join(HERE, "sw.js"), "utf8")).replace(
    "/*FILES*/ []",
    JSON.stringify(files),
  );
  await writeFile(path.join(out, "sw.js"), sw);
}

/** B3's reference: /ref/vanilla.html, which fetches the same index and builds the rows itself. */
export async function writeVanilla(dist: string, out: string): Promise<void> {
  const { url } = await builtIndex(dist);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await copyFile(await appStylesheet(dist), path.join(out, "style.css"));
  await copyFile(path.join(HERE, "vanilla.js"), path.join(out, "vanilla.js"));
  const html = page(
    "Reference vanilla list",
    `<link rel="stylesheet" href="/ref/style.css"><script src="/ref/vanilla.js" defer></script>`,
    "",
  ).replace('<html lang="en">', `<html lang="en" data-index="${escapeHtml(url)}">`);
  await writeFile(path.join(out, "vanilla.html"), html);
}
