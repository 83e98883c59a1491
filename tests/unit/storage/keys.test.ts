// The names Offprint stores things under are on readers' devices: they stay exactly as released,
// and they are written in one module (src/storage/keys.ts), nowhere else.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import {
  CACHES,
  CHANNEL,
  DATABASES,
  lockName,
  RECORD_KEYS,
  WEB_KEYS,
  WEB_STORAGE_PREFIX,
} from "../../../src/storage/keys.ts";

const SRC = path.resolve(process.cwd(), "src");
/** Every name as released: tests/fixtures/stored-names.json. */
const RELEASED: unknown = JSON.parse(
  readFileSync(path.resolve(process.cwd(), "tests/fixtures/stored-names.json"), "utf8"),
);

/** Every string and template literal in src/ that starts like one of Offprint's names. */
function offprintLiterals(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((f) =>
    /\.tsx?$/.test(f),
  );
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(path.join(SRC, file), "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (
        (ts.isStringLiteral(node) ||
          ts.isNoSubstitutionTemplateLiteral(node) ||
          ts.isTemplateHead(node)) &&
        /^offprint(?:$|[-:])/.test(node.text)
      ) {
        found.push({ file: file.split(path.sep).join("/"), text: node.text });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("the names of stored data", () => {
  it("are exactly the names released versions wrote (a rename would orphan readers' data)", () => {
    // Compared with a file, not with the module's own values: adding a name means adding it there.
    expect({ DATABASES, RECORD_KEYS, WEB_KEYS, WEB_STORAGE_PREFIX, CACHES, CHANNEL }).toEqual(
      RELEASED,
    );
    expect(lockName("drafts", "a-slug")).toBe("offprint-drafts-a-slug");
  });

  it("every Web Storage key starts with the prefix that deleting everything relies on", () => {
    for (const key of Object.values(WEB_KEYS))
      expect(key.startsWith(WEB_STORAGE_PREFIX)).toBe(true);
  });

  it("are written in src/storage/keys.ts only: elsewhere in src/ only names of other things", () => {
    const elsewhere = offprintLiterals().filter((l) => l.file !== "storage/keys.ts");
    expect(elsewhere.map((l) => `${l.file}: ${l.text}`).sort()).toEqual(
      [
        // Messages between the worker and its pages, and an event on window: nothing stored.
        "catalog/offline-files.ts: offprint:content-cached",
        "catalog/offline-files.ts: offprint:cached",
        "features/reading/keyboard.ts: offprint:highlight",
        // Web Locks taken only by modules loaded later (nothing is stored under a lock's name).
        "storage/safety-copies.ts: offprint-page-",
        "storage/safety-copies.ts: offprint-safety-",
        // The app's name inside an exported file, and that file's name on the reader's disk.
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint",
        "storage/backup.ts: offprint-data-",
      ].sort(),
    );
  });
});
