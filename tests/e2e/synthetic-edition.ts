// The bench's synthetic edition (bench/generate.ts) for browser tests of long editions: each body
// cut to its first paragraphs, so the build spends its time on the edition's size, not its prose.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateEdition } from "../../bench/generate.ts";

/**
 * Writes `n` articles into `folder`, each body cut to its first `paragraphs` paragraphs (`short`:
 * generated from the bench's short bodies, quicker to make).
 * @example await writeSyntheticEdition(2000, "dist-long-content", { paragraphs: 1 });
 */
export async function writeSyntheticEdition(
  n: number,
  folder: string,
  { paragraphs, short = false }: { paragraphs: number; short?: boolean },
): Promise<void> {
  await generateEdition(n, folder, { short });
  for (const file of await readdir(folder)) {
    if (!file.endsWith(".md")) continue;
    const source = await readFile(path.join(folder, file), "utf8");
    const end = source.indexOf("\n---\n", 4) + 5;
    const body = source.slice(end).split("\n\n").slice(0, paragraphs).join("\n\n");
    await writeFile(path.join(folder, file), `${source.slice(0, end)}${body}\n`);
  }
}
