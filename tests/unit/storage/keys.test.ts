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
    expect(DATABASES).toEqual({
      reads: "offprint-reads",
      bookmarks: "offprint-bookmarks",
      drafts: "offprint-drafts",
      identity: "offprint-identity",
      outbox: "offprint-outbox",
      settings: "offprint-settings",
      positions: "offprint-positions",
      sent: "offprint-sent",
      versions: "offprint-versions",
      journal: "offprint-journal",
      orphans: "offprint-orphans",
    });
    expect(RECORD_KEYS).toEqual({
      identity: "identity",
      settings: "reading",
      sent: "sent",
      journal: "import",
      orphans: "missing",
    });
    expect(WEB_KEYS).toEqual({
      settingsMirror: "offprint-settings",
      draftSafetyPrefix: "offprint-draft-safety:",
      outboxPending: "offprint:outbox-pending",
      importPending: "offprint-import-pending",
      positionPending: "offprint-position-pending",
      scrollPositions: "offprint:scroll",
    });
    expect(WEB_STORAGE_PREFIX).toBe("offprint");
    expect(CACHES).toEqual({ content: "offprint-content" });
    expect(CHANNEL).toBe("offprint");
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
