import { describe, expect, it } from "vitest";
import { evict, type KeptGroup } from "../../../src/state/eviction.ts";

/** An article of one body and one picture, each 10 bytes unless sized otherwise. */
const article = (name: string, openedAt: number, more: Partial<KeptGroup> = {}): KeptGroup => ({
  files: [`/b/${name}.json`, `/img/${name}.svg`],
  openedAt,
  stale: false,
  pinned: false,
  ...more,
});
const tenBytes = () => 10;

describe("evict", () => {
  it("deletes nothing while the cache fits its budget", () => {
    expect(evict([article("a", 1), article("b", 2)], tenBytes, 40)).toEqual([]);
  });

  it("drops old revisions first, even when they were opened more recently", () => {
    const old = article("a-old", 9, { stale: true, files: ["/b/a-old.json", "/img/a.svg"] });
    const groups = [article("a", 1, { files: ["/b/a.json", "/img/a.svg"] }), old, article("b", 2)];
    // The old revision's picture is the current one's too: only its body goes.
    expect(evict(groups, tenBytes, 40)).toEqual(["/b/a-old.json"]);
  });

  it("then drops the least recently opened articles until the cache fits", () => {
    const groups = [article("new", 30), article("oldest", 10), article("middle", 20)];
    expect(evict(groups, tenBytes, 20)).toEqual([
      "/b/oldest.json",
      "/img/oldest.svg",
      "/b/middle.json",
      "/img/middle.svg",
    ]);
  });

  it("never drops a bookmarked or drafted article, even over budget", () => {
    const groups = [article("saved", 1, { pinned: true }), article("read", 5)];
    expect(evict(groups, tenBytes, 0)).toEqual(["/b/read.json", "/img/read.svg"]);
  });

  it("drops a stale copy of a pinned article, whose current revision stays", () => {
    const groups = [
      article("saved", 1, { pinned: true }),
      article("gone", 9, { stale: true, pinned: true }),
    ];
    expect(evict(groups, tenBytes, 20)).toEqual(["/b/gone.json", "/img/gone.svg"]);
  });

  it("keeps a picture shared with an article that stays", () => {
    const shared = { files: ["/b/x.json", "/img/shared.svg"] };
    const groups = [
      article("x", 1, shared),
      article("y", 9, { files: ["/b/y.json", "/img/shared.svg"], pinned: true }),
    ];
    expect(evict(groups, tenBytes, 0)).toEqual(["/b/x.json"]);
  });

  it("stops as soon as the cache fits, by the files' real sizes", () => {
    const sizes: Record<string, number> = { "/b/big.json": 100, "/img/big.svg": 0 };
    const size = (url: string) => sizes[url] ?? 10;
    const groups = [article("big", 1), article("small", 2)];
    expect(evict(groups, size, 30)).toEqual(["/b/big.json", "/img/big.svg"]);
  });
});
