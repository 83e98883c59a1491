// The build keeps each article between builds (build/article-cache.ts): `npm run build` after
// editing one article renders that one alone and writes what a clean build writes.
import { execFile } from "node:child_process";
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateEdition } from "../../../bench/generate.ts";
import { buildEdition } from "../../../build/edition.ts";

let temp: string;
beforeAll(async () => {
  temp = await mkdtemp(path.join(tmpdir(), "offprint-cache-"));
});
afterAll(async () => {
  await rm(temp, { recursive: true, force: true });
});

/** `npm run build` into `temp/<out>` with the given content folder and cache folder. */
function npmBuild(out: string, content: string, cache: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "npm",
      ["run", "build", "--", "--outDir", path.join(temp, out), "--emptyOutDir"],
      {
        env: {
          ...process.env,
          NO_COLOR: "1",
          OFFPRINT_CONTENT: content,
          OFFPRINT_BUILD_CACHE: cache,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, stdout, stderr) =>
        err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout),
    );
  });
}

/** Every file of a folder, by path, with its bytes. */
async function files(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), (await readFile(file)).toString("base64"));
  }
  return out;
}

describe("npm run build with the article cache", () => {
  it("renders only the edited article and writes what a clean build writes", async () => {
    const content = path.join(temp, "edition");
    await generateEdition(12, content);
    const cache = path.join(temp, "cache");

    expect(await npmBuild("first", content, cache)).toContain(
      "rendered: 12 articles, 0 from cache",
    );
    const [edited] = (await readdir(content)).filter((f) => f.endsWith(".md")).sort();
    await appendFile(path.join(content, edited), "\nA paragraph added after the first build.\n");
    expect(await npmBuild("second", content, cache)).toContain(
      "rendered: 1 article, 11 from cache",
    );
    expect(await npmBuild("clean", content, path.join(temp, "fresh-cache"))).toContain(
      "rendered: 12 articles, 0 from cache",
    );

    const [second, clean] = [
      await files(path.join(temp, "second")),
      await files(path.join(temp, "clean")),
    ];
    expect([...second.keys()].sort()).toEqual([...clean.keys()].sort());
    for (const [name, bytes] of clean) expect(second.get(name), name).toBe(bytes);
  }, 600_000);
});

describe("buildEdition with the article cache", () => {
  it("renders again the articles whose picture changed, and gives them the new picture", async () => {
    const content = path.join(temp, "pictures");
    await generateEdition(40, content);
    const cache = path.join(temp, "pictures-cache");
    const first = await buildEdition(content, { cache });
    expect(first.notices.rendered).toMatchObject({ rendered: 40, fromCache: 0 });

    const picture = first.index.articles
      .map((a) => a.image?.src.match(/(picture-\d+)-/)?.[1])
      .find((name) => name !== undefined);
    expect(picture).toBeDefined();
    const showing = first.index.articles.filter((a) => a.image?.src.includes(`${picture}-`));
    await writeFile(
      path.join(content, "images", `${picture}.svg`),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20"/></svg>',
    );
    const second = await buildEdition(content, { cache });
    expect(second.notices.rendered).toMatchObject({
      rendered: showing.length,
      fromCache: 40 - showing.length,
    });
    for (const { slug } of showing) {
      expect(second.index.articles.find((a) => a.slug === slug)?.image).toMatchObject({
        width: 40,
        height: 20,
      });
    }
  }, 300_000);
});
