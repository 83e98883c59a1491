import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, within, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { deviceWithoutIndexedDB, freshDevice } from "../fresh-device.ts";
import { loadBookmarks } from "../../../src/storage/bookmarks.ts";
import { loadReadMarks } from "../../../src/storage/reads.ts";

beforeEach(freshDevice);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";

function card(title: string): HTMLElement {
  return screen.getByRole("heading", { level: 2, name: title }).closest("article") as HTMLElement;
}

function filterLink(name: "All" | "Unread" | "Saved") {
  return within(screen.getByRole("navigation", { name: "Filter articles" })).getByRole("link", {
    name: new RegExp(`^${name} \\(\\d+\\)$`),
  });
}

describe("read state", () => {
  it("marks an article read when its page opens, and the list stops calling it Unread", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp("/");
    await screen.findByRole("heading", { level: 2, name: SPACE });
    expect(within(card(SPACE)).getByText("Unread")).toBeVisible();
    expect(filterLink("Unread")).toHaveTextContent(`Unread (${edition.index.articles.length})`);

    await user.click(screen.getByRole("link", { name: SPACE }));
    await screen.findByRole("heading", { level: 1, name: SPACE });
    await waitFor(async () => expect((await loadReadMarks()).has(SPACE_SLUG)).toBe(true));

    await user.click(screen.getByRole("link", { name: "Articles" }));
    await screen.findByRole("heading", { level: 2, name: SPACE });
    expect(within(card(SPACE)).queryByText("Unread")).toBeNull();
    expect(filterLink("Unread")).toHaveTextContent(`Unread (${edition.index.articles.length - 1})`);
  });

  it("toggles between Mark as unread and Mark as read on the article page", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    const button = await screen.findByRole("button", { name: "Mark as unread" });
    await user.click(button);
    expect(await screen.findByRole("button", { name: "Mark as read" })).toBeInTheDocument();
    await waitFor(async () => expect((await loadReadMarks()).has(SPACE_SLUG)).toBe(false));
    await user.click(screen.getByRole("button", { name: "Mark as read" }));
    await waitFor(async () => expect((await loadReadMarks()).has(SPACE_SLUG)).toBe(true));
  });

  it("filters Unread and Saved by URL, with counts", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp("/?filter=unread");
    await screen.findByRole("heading", { level: 2, name: SPACE });
    await user.click(within(card(SPACE)).getByRole("button", { name: `Bookmark: ${SPACE}` }));
    await user.click(filterLink("Saved"));
    expect(window.location.search).toBe("?filter=saved");
    const list = await screen.findByRole("list", { name: "Latest articles" });
    expect(within(list).getAllByRole("article")).toHaveLength(1);
    expect(filterLink("Saved")).toHaveTextContent("Saved (1)");
    expect(filterLink("All")).toHaveTextContent(`All (${edition.index.articles.length})`);
    expect(filterLink("Saved")).toHaveAttribute("aria-current", "page");
  });
});

describe("mark all as read", () => {
  it("marks only what the current view shows, and Undo restores exactly the previous state", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp(`/articles/${SPACE_SLUG}`);
    await waitFor(async () => expect((await loadReadMarks()).has(SPACE_SLUG)).toBe(true));
    const before = await loadReadMarks();

    await user.click(screen.getByRole("link", { name: "General" }));
    await screen.findByRole("heading", { level: 1, name: "General" });
    await user.click(screen.getByRole("button", { name: "Mark all as read" }));
    const general = edition.index.articles
      .filter((a) => a.category === "General")
      .map((a) => a.slug);
    await waitFor(async () =>
      expect([...(await loadReadMarks()).keys()].sort()).toEqual([...general].sort()),
    );
    expect((await loadReadMarks()).get(SPACE_SLUG)).toBe(before.get(SPACE_SLUG));
    const notice = await screen.findByText(`Marked ${general.length - 1} articles as read`);

    await user.click(
      within(notice.closest("li") as HTMLElement).getByRole("button", { name: "Undo" }),
    );
    await waitFor(async () => expect(await loadReadMarks()).toEqual(before));
  });
});

describe("bookmarks", () => {
  it("toggles with aria-pressed on the article page and lists on /saved, newest saved first", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp(`/articles/${SPACE_SLUG}`);
    const button = await screen.findByRole("button", { name: "Bookmark" });
    expect(button).toHaveAttribute("aria-pressed", "false");
    await user.click(button);
    expect(button).toHaveAttribute("aria-pressed", "true");
    await waitFor(async () => expect((await loadBookmarks()).has(SPACE_SLUG)).toBe(true));

    const other = edition.index.articles[0];
    await user.click(screen.getByRole("link", { name: "Articles" }));
    await user.click(await screen.findByRole("button", { name: `Bookmark: ${other.title}` }));
    await user.click(screen.getByRole("link", { name: "Saved" }));
    const list = await screen.findByRole("list", { name: "Saved articles" });
    const titles = within(list)
      .getAllByRole("heading", { level: 2 })
      .map((h) => h.textContent);
    expect(titles).toEqual([other.title, SPACE]);
    expect(within(list).getAllByText(/^Saved [A-Z][a-z]+ \d{1,2}, \d{4}$/)).toHaveLength(2);
  });

  it("says how to save one when nothing is saved", async () => {
    await renderApp("/saved");
    expect(await screen.findByText(/No saved articles yet\. Press “Bookmark”/)).toBeInTheDocument();
  });

  it("shows a failed write as failed and keeps the toggle off", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    const button = await screen.findByRole("button", { name: "Bookmark" });
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await user.click(button);
    const alert = await screen.findByText(/^Saving the bookmark failed: Storage full/);
    expect(alert.closest("[role=alert]")).not.toBeNull();
    expect(button).toHaveAttribute("aria-pressed", "false");
    expect(await loadBookmarks()).toEqual(new Map());
  });
});

describe("when IndexedDB cannot be opened", () => {
  it("shows the notice and the edition still reads", async () => {
    deviceWithoutIndexedDB();
    const user = userEvent.setup();
    await renderApp("/");
    expect(
      await screen.findByText(/cannot keep your reading list, read marks and drafts/),
    ).toBeInTheDocument();
    await user.click(await screen.findByRole("link", { name: SPACE }));
    expect(await screen.findByRole("heading", { level: 1, name: SPACE })).toBeInTheDocument();
    expect((await screen.findAllByText(/Vienna/)).length).toBeGreaterThan(0);
  });
});

describe("keeping the data", () => {
  it("asks the browser for persistent storage after the first bookmark", async () => {
    const persist = vi.fn(async () => true);
    Object.defineProperty(navigator, "storage", {
      configurable: true,
      value: {
        persist,
        persisted: async () => false,
        estimate: async () => ({ usage: 1, quota: 2 }),
      },
    });
    try {
      const user = userEvent.setup();
      await renderApp(`/articles/${SPACE_SLUG}`);
      await screen.findByRole("heading", { level: 1, name: SPACE });
      expect(persist).not.toHaveBeenCalled();
      await user.click(screen.getByRole("button", { name: "Bookmark" }));
      await waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    } finally {
      // @ts-expect-error: jsdom has no StorageManager; remove the stand-in
      delete navigator.storage;
    }
  });
});
