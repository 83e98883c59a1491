// The import:wordpress command: its options, its checks before anything is read, and what it
// prints. Exit 0 when the import is written; 1 with a message saying what to do otherwise, and
// then nothing is written.
import { readdir, stat } from "node:fs/promises";
import { parseArgs } from "node:util";

const USAGE =
  "Usage: npm run import:wordpress -- <export.xml> [--out content/articles] [--uploads <dir>] " +
  "[--pages] [--site-url <old site URL>] [--comments <file.json>] [--force]";

class UsageError extends Error {}

function options(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string", default: "content/articles" },
        uploads: { type: "string" },
        pages: { type: "boolean", default: false },
        "site-url": { type: "string" },
        comments: { type: "string" },
        force: { type: "boolean", default: false },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`Give one export file.\n${USAGE}`);
  const siteUrl = values["site-url"];
  if (siteUrl !== undefined && !URL.canParse(siteUrl)) {
    throw new UsageError(`--site-url must be a URL such as https://old.example (got "${siteUrl}")`);
  }
  return { file: positionals[0], ...values, siteUrl };
}

async function checkInputs(o: ReturnType<typeof options>): Promise<void> {
  const isDir = (p: string) =>
    stat(p).then(
      (s) => s.isDirectory(),
      () => undefined,
    );
  if ((await stat(o.file).catch(() => undefined))?.isFile() !== true) {
    throw new UsageError(`${o.file}: export file not found`);
  }
  if (o.uploads !== undefined && !(await isDir(o.uploads))) {
    throw new UsageError(
      `--uploads ${o.uploads}: folder not found (give a copy of the site's wp-content/uploads)`,
    );
  }
  const existing = await readdir(o.out).catch(() => []);
  if (existing.length && !o.force) {
    throw new UsageError(
      `${o.out} already has files: import into an empty or new folder (--out <dir>), or add ` +
        "--force to write into it (files of the same name are replaced; no other file is deleted)",
    );
  }
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/**
 * Runs the command on its arguments and returns its exit code.
 * @example process.exitCode = await runImportCommand(["export.xml", "--out", "articles"]);
 */
export async function runImportCommand(argv: string[], io: Output = console): Promise<number> {
  let o: ReturnType<typeof options>;
  try {
    o = options(argv);
    await checkInputs(o);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.error(err.message);
    return 1;
  }
  // Loaded only now: a usage error answers without loading the converters.
  const { importWordpress } = await import("./import.ts");
  const { WxrError } = await import("./wxr.ts");
  try {
    const result = await importWordpress(o);
    if (result.commentCounts.size) {
      io.log("Approved comments per post (Offprint does not show comments):");
      for (const [slug, n] of result.commentCounts) io.log(`  ${slug}: ${n}`);
    }
    for (const line of result.report.problems) io.log(line);
    io.log(result.summary);
    return 0;
  } catch (err) {
    if (!(err instanceof WxrError)) throw err;
    io.error(`${o.file}:${err.line}: ${err.message}`);
    return 1;
  }
}
