import { describe, expect, it } from "vitest";
import { ownIds, restoreIds } from "../../../src/catalog/own-ids.ts";

const BODY =
  '<h2 id="tides">Tides</h2><label for="q">Q</label><input id="q" aria-describedby="hint">' +
  '<p id="hint" aria-labelledby="tides">See <a href="#tides">above</a>, <a href="/articles/x">x</a>, ' +
  '<a href="https://example.org/#top">elsewhere</a> and a note<sup><a href="#user-content-fn-1" ' +
  'id="user-content-fnref-1">1</a></sup>.</p>';

describe("ownIds and restoreIds", () => {
  it("prefixes every id and every reference to one, leaving footnotes and other links alone", () => {
    const html = ownIds(BODY);
    expect(html).toContain('<h2 id="first-tides">');
    expect(html).toContain('for="first-q"');
    expect(html).toContain('aria-describedby="first-hint"');
    expect(html).toContain('aria-labelledby="first-tides"');
    expect(html).toContain('href="#first-tides"');
    expect(html).toContain('href="/articles/x"');
    expect(html).toContain('href="https://example.org/#top"');
    expect(html).toContain('href="#user-content-fn-1" id="user-content-fnref-1"');
  });

  it("gives back exactly the ids the build prefixed", () => {
    const original = document.createElement("div");
    original.innerHTML = BODY;
    const copy = document.createElement("div");
    copy.innerHTML = ownIds(BODY);
    expect(copy.innerHTML).not.toBe(original.innerHTML);
    restoreIds(copy);
    expect(copy.innerHTML).toBe(original.innerHTML);
  });
});
