import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, within, waitFor } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../render-app.tsx";
import { serveEdition } from "../../serve-edition.ts";
import { freshDevice } from "../../fresh-device.ts";
import { loadBookmarks } from "../../../../src/storage/bookmarks.ts";
import { loadReadMarks } from "../../../../src/storage/reads.ts";
import { SHORTCUTS } from "../../../../src/features/reading/shortcut-actions.ts";

// jsdom has <dialog> but not its modal methods; these do what the browser's do that we rely on.
beforeAll(async () => {
  // The app loads the dialog on the first "?"; load it once here, not inside a test's wait.
  await import("../../../../src/features/reading/ShortcutsDialog.tsx");
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.open) return;
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});
beforeEach(freshDevice);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const SPACE_SLUG = "us-russia-space-security-talks";

async function listPage() {
  const user = userEvent.setup();
  const { edition } = await renderApp("/");
  await screen.findByRole("heading", { level: 2, name: edition.index.articles[0].title });
  const titles = edition.index.articles.map((a) => a.title);
  return { user, edition, titles };
}
const focusedTitle = () => document.activeElement?.textContent;

describe("keyboard shortcuts in the list", () => {
  it("j and k move the focus down and up the article cards", async () => {
    const { user, titles } = await listPage();
    await user.keyboard("j");
    await waitFor(() => expect(screen.getByRole("link", { name: titles[0] })).toHaveFocus());
    await user.keyboard("j");
    await waitFor(() => expect(focusedTitle()).toBe(titles[1]));
    await user.keyboard("j");
    await waitFor(() => expect(focusedTitle()).toBe(titles[2]));
    await user.keyboard("k");
    await waitFor(() => expect(focusedTitle()).toBe(titles[1]));
    await user.keyboard("k");
    await waitFor(() => expect(focusedTitle()).toBe(titles[0]));
    await user.keyboard("k");
    await waitFor(() => expect(focusedTitle()).toBe(titles[0]));
  });

  it("keys pressed before their actions have loaded run in the order pressed", async () => {
    const { user, titles } = await listPage();
    await user.keyboard("jjjk");
    await waitFor(() => expect(focusedTitle()).toBe(titles[1]));
  });

  it("o opens the focused article, and Enter does too", async () => {
    const { user, edition, titles } = await listPage();
    await user.keyboard("jjo");
    expect(await screen.findByRole("heading", { level: 1, name: titles[1] })).toBeInTheDocument();
    await waitFor(() =>
      expect(window.location.pathname).toBe(`/articles/${edition.index.articles[1].slug}`),
    );
    await user.keyboard("u");
    await screen.findByRole("heading", { level: 1, name: "Latest articles" });
    await user.keyboard("j{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: titles[0] })).toBeInTheDocument();
    // Opening marks it read: let that write land before the next test empties the device.
    const slug = edition.index.articles[0].slug;
    await waitFor(async () => expect((await loadReadMarks()).has(slug)).toBe(true));
  });

  it("s toggles the focused card's bookmark and m its read mark", async () => {
    const { user, edition, titles } = await listPage();
    const slug = edition.index.articles[0].slug;
    await user.keyboard("js");
    const card = screen.getByRole("link", { name: titles[0] }).closest("article")!;
    await waitFor(() =>
      expect(within(card).getByRole("button", { name: /^Bookmark/ })).toHaveAttribute(
        "aria-pressed",
        "true",
      ),
    );
    await waitFor(async () => expect((await loadBookmarks()).has(slug)).toBe(true));
    expect(await screen.findByText("Bookmarked")).toBeInTheDocument();
    await user.keyboard("m");
    await waitFor(async () => expect((await loadReadMarks()).has(slug)).toBe(true));
    expect(within(card).queryByText("Unread")).toBeNull();
    await user.keyboard("sm");
    await waitFor(async () => expect((await loadBookmarks()).has(slug)).toBe(false));
    await waitFor(async () => expect((await loadReadMarks()).has(slug)).toBe(false));
  });
});

describe("keyboard shortcuts on an article page", () => {
  it("j goes to the older article, k to the newer, u back to the list", async () => {
    const user = userEvent.setup();
    const list = (await serveEdition()).index.articles;
    await renderApp(`/articles/${list[1].slug}`);
    await screen.findByRole("heading", { level: 1, name: list[1].title });
    await user.keyboard("j");
    expect(await screen.findByRole("heading", { level: 1, name: list[2].title })).toBeVisible();
    await user.keyboard("k");
    await screen.findByRole("heading", { level: 1, name: list[1].title });
    await user.keyboard("k");
    await screen.findByRole("heading", { level: 1, name: list[0].title });
    await waitFor(() => expect(window.location.pathname).toBe(`/articles/${list[0].slug}`));
    await waitFor(async () => expect((await loadReadMarks()).size).toBe(3));
    await user.keyboard("u");
    await screen.findByRole("heading", { level: 1, name: "Latest articles" });
    await waitFor(() => expect(window.location.pathname).toBe("/"));
  });

  it("s toggles the bookmark and m the read mark of the open article", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    const bookmark = await screen.findByRole("button", { name: "Bookmark" });
    await screen.findByRole("button", { name: "Mark as unread" });
    await user.keyboard("s");
    await waitFor(() => expect(bookmark).toHaveAttribute("aria-pressed", "true"));
    await waitFor(async () => expect((await loadBookmarks()).has(SPACE_SLUG)).toBe(true));
    await user.keyboard("m");
    expect(await screen.findByRole("button", { name: "Mark as read" })).toBeInTheDocument();
    await waitFor(async () => expect((await loadReadMarks()).has(SPACE_SLUG)).toBe(false));
  });
});

describe("the search and help keys", () => {
  it("/ focuses the search box without typing a slash into it", async () => {
    const { user } = await listPage();
    await user.keyboard("/");
    const box = screen.getByRole("searchbox", { name: "Search" });
    expect(box).toHaveFocus();
    expect(box).toHaveValue("");
  });

  it("? opens a dialog listing every shortcut; Close closes it and gives the focus back", async () => {
    const { user, titles } = await listPage();
    await user.keyboard("j");
    await waitFor(() => expect(focusedTitle()).toBe(titles[0]));
    await user.keyboard("?");
    const dialog = await screen.findByRole("dialog", { name: "Keyboard shortcuts" });
    for (const s of SHORTCUTS) {
      expect(within(dialog).getByText(s.does)).toBeInTheDocument();
      for (const key of s.keys)
        expect(within(dialog).getByText(key, { selector: "kbd" })).toBeVisible();
    }
    expect(SHORTCUTS.flatMap((s) => s.keys).sort()).toEqual(
      ["/", "?", "Enter", "h", "j", "k", "m", "o", "s", "u"].sort(),
    );
    // Keys pressed inside the dialog are not shortcuts.
    await user.keyboard("j");
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(focusedTitle()).toBe(titles[0]);
  });
});

describe("shortcuts never fire", () => {
  it.each([
    ["the search box", () => screen.getByRole("searchbox", { name: "Search" })],
    ["a textarea", () => addField("<textarea aria-label='field'></textarea>")],
    ["a select", () => addField("<select aria-label='field'><option>j</option></select>")],
    ["a checkbox", () => addField("<input type='checkbox' aria-label='field' />")],
    ["a contenteditable", () => addField("<div contenteditable='true' aria-label='field'></div>")],
  ])("while the reader is in %s", async (_, field) => {
    const { user } = await listPage();
    const el = field();
    el.focus();
    await user.keyboard("jkosmu?/");
    expect(el).toHaveFocus();
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(window.location.pathname).toBe("/"));
    expect((await loadBookmarks()).size).toBe(0);
    expect((await loadReadMarks()).size).toBe(0);
  });

  it("with Ctrl, Alt or Meta held", async () => {
    const { user } = await listPage();
    await user.keyboard("{Control>}j{/Control}{Alt>}j{/Alt}{Meta>}j?{/Meta}");
    expect(document.activeElement?.closest(".card")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

function addField(html: string): HTMLElement {
  const main = document.querySelector("main")!;
  main.insertAdjacentHTML("afterbegin", html);
  return main.firstElementChild as HTMLElement;
}
