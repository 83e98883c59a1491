import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, within, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { toggleBookmark, toggleRead } from "../../../src/state/library.ts";
import { disposeStores } from "../../../src/state/synced-records.ts";

// The app loads these on the first search; load them once here, not inside a test's wait.
beforeAll(async () => {
  await Promise.all([
    import("../../../src/pages/SearchPage.tsx"),
    import("minisearch/SearchableMap"),
    import("../../../src/catalog/search-shards.ts"),
  ]);
});
beforeEach(async () => {
  await freshDevice();
  disposeStores();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SPACE = "US, Russia To Hold Space Security Talks";
const SOURDOUGH = "The Tiny Ecosystem in Your Kitchen: How Sourdough Starters Work";

/** The results shown once all of the first page are named (the first few come first). */
async function results(): Promise<HTMLElement[]> {
  const list = await screen.findByRole("list", { name: "Search results" }, { timeout: 5000 });
  await waitFor(() => {
    const status = screen
      .getAllByRole("status")
      .find((e) => /results? for/.test(e.textContent ?? ""));
    const count = /^(\d+) results? for/.exec(status?.textContent ?? "");
    expect(within(list).getAllByRole("article")).toHaveLength(Math.min(50, Number(count?.[1])));
  });
  return within(list).getAllByRole("article");
}
const titleOf = (card: HTMLElement) => within(card).getByRole("heading", { level: 2 }).textContent;

describe("search", () => {
  it("finds the Vienna talks first for “vienna”, with the word marked in the excerpt", async () => {
    await renderApp("/search?q=vienna");
    const [first] = await results();
    expect(titleOf(first)).toBe(SPACE);
    const marks = within(first).getAllByText((_, el) => el?.tagName === "MARK");
    expect(marks.map((m) => m.textContent?.toLowerCase())).toContain("vienna");
    expect(await screen.findByText(/^\d+ results for “vienna”$/)).toBeInTheDocument();
  });

  it("forgives a typo (“vienaa”) and matches a prefix (“sourd”)", async () => {
    await renderApp("/search?q=vienaa");
    expect(titleOf((await results())[0])).toBe(SPACE);
    cleanup();
    await renderApp("/search?q=sourd");
    const [first] = await results();
    expect(titleOf(first)).toBe(SOURDOUGH);
    expect(within(first).getByText("Sourdough", { selector: "mark" })).toBeInTheDocument();
  });

  it("searches as the reader types, and keeps the query in the URL", async () => {
    const user = userEvent.setup();
    await renderApp("/search");
    expect(await screen.findByText(/Type in the search box above/)).toBeInTheDocument();
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "sourdough");
    expect(titleOf((await results())[0])).toBe(SOURDOUGH);
    expect(new URLSearchParams(window.location.search).get("q")).toBe("sourdough");
  });

  it("opens /search?q= from the header's box on another page", async () => {
    const user = userEvent.setup();
    await renderApp("/");
    await screen.findByRole("heading", { level: 2, name: SPACE });
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "vienna{Enter}");
    expect(titleOf((await results())[0])).toBe(SPACE);
    await waitFor(() => expect(window.location.pathname).toBe("/search"));
    expect(window.location.search).toBe("?q=vienna");
  });

  it("shows a hostile query as characters: it creates no element", async () => {
    const hostile = "<img src=x onerror=alert(1)>";
    await renderApp(`/search?q=${encodeURIComponent(hostile)}`);
    expect(await screen.findByText(`0 results for “${hostile}”`)).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue(hostile);
    expect(document.querySelector("img[src='x']")).toBeNull();
    expect(document.querySelector("main img")).toBeNull();
    expect(document.title).toBe(`Search: ${hostile} · Offprint`);
  });

  it("filters by unread, saved, category and “5 minutes or less”, in the URL", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp("/search?q=one");
    const all = await results();
    const articles = edition.index.articles;
    const bySlugTitle = new Map(articles.map((a) => [a.title, a]));
    expect(all.length).toBeGreaterThan(5);

    await user.click(screen.getByRole("checkbox", { name: "5 minutes or less" }));
    expect(new URLSearchParams(window.location.search).get("short")).toBe("1");
    const short = await results();
    expect(short.length).toBeLessThan(all.length);
    for (const card of short)
      expect(bySlugTitle.get(titleOf(card)!)!.minutes).toBeLessThanOrEqual(5);
    await user.click(screen.getByRole("checkbox", { name: "5 minutes or less" }));

    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "Science");
    await waitFor(async () => {
      for (const card of await results())
        expect(bySlugTitle.get(titleOf(card)!)!.category).toBe("Science");
    });
    expect(screen.getByText(/more hidden by the filters/)).toBeInTheDocument();
    await user.selectOptions(screen.getByRole("combobox", { name: "Category" }), "");

    const first = bySlugTitle.get(titleOf(all[0])!)!;
    await toggleBookmark(first.slug);
    await user.click(screen.getByRole("checkbox", { name: "Saved only" }));
    await waitFor(async () => expect((await results()).map(titleOf)).toEqual([first.title]));
    await user.click(screen.getByRole("checkbox", { name: "Saved only" }));

    await toggleRead(first.slug);
    await user.click(screen.getByRole("checkbox", { name: "Unread only" }));
    await waitFor(async () => {
      const titles = (await results()).map(titleOf);
      expect(titles).not.toContain(first.title);
      expect(titles).toHaveLength(all.length - 1);
    });
  });

  it("a query of only common words finds nothing, and says so", async () => {
    await renderApp("/search?q=the%20of%20a");
    expect(await screen.findByText("0 results for “the of a”")).toBeInTheDocument();
  });

  it("does not fetch the search index until the reader searches", async () => {
    const user = userEvent.setup();
    await renderApp("/search");
    await screen.findByText(/Type in the search box above/);
    const fetched = vi.mocked(fetch);
    const spy = vi.fn(fetched);
    vi.stubGlobal("fetch", spy);
    expect(spy).not.toHaveBeenCalled();
    await user.type(screen.getByRole("searchbox", { name: "Search" }), "crows");
    await results();
    // The manifest first, then only shards: nothing else, and nothing before the first letter.
    const urls = spy.mock.calls.map((c) => String(c[0]));
    expect(urls[0]).toBe("/content/search.json");
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls.slice(1)) expect(url).toMatch(/^\/content\/search\/recent-/);
  });
});
