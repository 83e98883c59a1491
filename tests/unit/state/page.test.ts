import { beforeEach, describe, expect, it, vi } from "vitest";

// A fresh copy of page.ts for each test: it remembers the page last shown.
async function freshPage() {
  vi.resetModules();
  return import("../../../src/state/page.ts");
}

function showPage(title: string): { h1: HTMLElement; button: HTMLButtonElement } {
  document.body.innerHTML = `<main><h1></h1><button type="button">Bookmark</button></main>`;
  const h1 = document.querySelector("h1") as HTMLElement;
  h1.textContent = title;
  return { h1, button: document.querySelector("button") as HTMLButtonElement };
}

describe("pageShown", () => {
  beforeEach(() => {
    document.body.innerHTML = "";
  });

  it("leaves the focus alone on the first page, and moves it to the next page's h1", async () => {
    const { pageShown } = await freshPage();
    const first = showPage("Latest articles");
    first.button.focus();
    pageShown();
    expect(document.activeElement).toBe(first.button);
    expect(document.title).toBe("Offprint");

    const next = showPage("Field Notes");
    pageShown("Field Notes");
    expect(document.activeElement).toBe(next.h1);
    expect(document.title).toBe("Field Notes · Offprint");
  });

  it("does not take the focus back when the same page is shown again", async () => {
    const { pageShown } = await freshPage();
    showPage("Latest articles");
    pageShown();
    const article = showPage("Field Notes");
    pageShown("Field Notes");
    expect(document.activeElement).toBe(article.h1);
    // The reader moves on within the page; its data changes and it reports itself shown again.
    article.button.focus();
    pageShown("Field Notes");
    expect(document.activeElement).toBe(article.button);
  });
});
