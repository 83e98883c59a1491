// Bookmarks and drafts of articles no longer in the edition (issue 14, finding 5): listed on
// /saved and /drafts under "No longer in this edition" with the title they were saved with; and
// saving a bookmark or a draft today keeps that title.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { draftsSettled } from "../../../src/state/drafts.ts";
import { loadBookmarkRecords, saveBookmark } from "../../../src/storage/bookmarks.ts";
import { EMPTY_FIELDS, loadDraft } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";
const GONE = "gone-article";
const GONE_TITLE = "An Article Since Removed";
const TEXT = "First paragraph of my reply.\n\nA second paragraph, all of it kept.";

beforeEach(async () => {
  await freshDevice();
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await draftsSettled();
});

describe("saving keeps the article's title", () => {
  it("with a bookmark", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await screen.findByRole("heading", { level: 1, name: SPACE });
    await user.click(screen.getByRole("button", { name: /^Bookmark/ }));
    await waitFor(async () =>
      expect((await loadBookmarkRecords()).get(SPACE_SLUG)?.title).toBe(SPACE),
    );
  });

  it("with a draft", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await screen.findByLabelText("Comment *"), "Hello");
    await waitFor(async () => expect((await loadDraft(SPACE_SLUG))?.title).toBe(SPACE));
  });
});

describe("No longer in this edition", () => {
  it("lists on /saved a bookmark of an article gone from the edition, with its title and Remove", async () => {
    const user = userEvent.setup();
    await saveBookmark(GONE, new Date(2026, 2, 4).getTime(), GONE_TITLE);
    await renderApp("/saved");
    const section = await screen.findByRole("region", { name: "No longer in this edition" });
    const item = within(section).getByRole("listitem");
    expect(within(item).getByRole("heading", { level: 3, name: GONE_TITLE })).toBeVisible();
    expect(item).toHaveTextContent("Saved March 4, 2026");
    await user.click(within(item).getByRole("button", { name: `Remove bookmark: ${GONE_TITLE}` }));
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "No longer in this edition" })).toBeNull(),
    );
    await waitFor(async () => expect((await loadBookmarkRecords()).size).toBe(0));
  });

  it("lists on /drafts a draft of an article gone, in full, with Copy and Discard (with Undo)", async () => {
    const user = userEvent.setup();
    await saveDraft(GONE, 0, {
      v: 2,
      rev: 1,
      fields: { ...EMPTY_FIELDS, comment: TEXT },
      updatedAt: 1,
      title: GONE_TITLE,
    });
    await renderApp("/drafts");
    const section = await screen.findByRole("region", { name: "No longer in this edition" });
    const item = within(section).getByRole("listitem");
    expect(within(item).getByRole("heading", { level: 3, name: GONE_TITLE })).toBeVisible();
    expect(within(item).queryByRole("link")).toBeNull();
    expect(within(item).getByText(/A second paragraph, all of it kept\./)).toBeVisible();
    expect(screen.queryByRole("list", { name: "Drafts" })).toBeNull();

    await user.click(within(item).getByRole("button", { name: `Copy draft: ${GONE_TITLE}` }));
    expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(TEXT);

    await user.click(within(item).getByRole("button", { name: `Discard draft: ${GONE_TITLE}` }));
    await waitFor(() =>
      expect(screen.queryByRole("region", { name: "No longer in this edition" })).toBeNull(),
    );
    await user.click(screen.getByRole("button", { name: "Undo" }));
    expect(await screen.findByRole("region", { name: "No longer in this edition" })).toBeVisible();
    expect((await loadDraft(GONE))?.fields.comment).toBe(TEXT);
  });
});
