import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { createRoot } from "solid-js";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { draftsSettled, listDrafts, startDrafts } from "../../../src/state/drafts.ts";
import { createDraftEditor } from "../../../src/features/replies/draft-editor.ts";
import { RETRY_FIRST_MS, SAVE_DELAY_MS } from "../../../src/features/replies/draft-rules.ts";
import { EMPTY_FIELDS, loadDraft } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";
import { recoverDrafts } from "../../../src/shell/draft-recovery.ts";
import { keepVersion, loadVersions } from "../../../src/storage/versions.ts";
import { loadIdentity } from "../../../src/storage/identity.ts";
import {
  compareSafetyCopy,
  readSafetyCopy,
  writeSafetyCopy,
} from "../../../src/storage/safety-copies.ts";
import { disposeStores } from "../../../src/state/synced-records.ts";

// Lets one test hold the form's start-up between its read of the stored draft and the rest of its
// loading (as a busy device does). Unarmed, every call goes straight through.
const hold = vi.hoisted(() => ({
  identity: undefined as Promise<void> | undefined,
  reads: [] as Promise<unknown>[],
}));
vi.mock(import("../../../src/storage/drafts.ts"), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    loadDraft: (key: string) => {
      const read = real.loadDraft(key);
      if (hold.identity) hold.reads.push(read);
      return read;
    },
  };
});
vi.mock(import("../../../src/storage/identity.ts"), async (importOriginal) => {
  const real = await importOriginal();
  return {
    ...real,
    loadIdentity: () =>
      hold.identity ? hold.identity.then(() => real.loadIdentity()) : real.loadIdentity(),
  };
});

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";
const FOG = "Field Notes on Coastal Fog";
const FOG_SLUG = "field-notes-on-coastal-fog";
const CROWS = "A Field Guide to the Crows on Your Street";
const CROWS_SLUG = "field-guide-to-urban-crows";

beforeEach(async () => {
  await freshDevice();
  disposeStores();
});
afterEach(async () => {
  vi.useRealTimers();
  cleanup();
  vi.restoreAllMocks();
  // An unmounted form flushes; let that write land before the next test empties the device.
  await draftsSettled();
});

const comment = () => screen.findByLabelText("Comment *");
const status = () =>
  within(screen.getByRole("region", { name: "Leave a Reply" })).getByRole("status");
const fields = (comment: string, more: Partial<typeof EMPTY_FIELDS> = {}) => ({
  ...EMPTY_FIELDS,
  comment,
  ...more,
});

const keptVersions = async () =>
  [...(await loadVersions()).values()].map((k) => [k.slug, k.fields.comment, k.reason]);

const conflictAlert = (text: HTMLElement) => text.closest("[role=alert]") as HTMLElement;

/** Another tab writes a draft and announces it, as its BroadcastChannel would. */
async function otherTabWrites(slug: string, base: number, rev: number, text: string) {
  const result = await saveDraft(slug, base, {
    v: 2,
    rev,
    fields: fields(text),
    updatedAt: Date.now(),
  });
  expect(result).toHaveProperty("saved");
  const channel = new BroadcastChannel("offprint");
  channel.postMessage({ kind: "drafts", key: slug, rev });
  channel.close();
}

describe("the reply form", () => {
  it("is below the article, with its heading, note, labelled fields and the remember box", async () => {
    await renderApp(`/articles/${SPACE_SLUG}`);
    const form = await screen.findByRole("region", { name: "Leave a Reply" });
    expect(within(form).getByRole("heading", { level: 2, name: "Leave a Reply" })).toBeVisible();
    expect(form).toHaveTextContent(
      "Your email address will not be published. Required fields are marked *",
    );
    for (const label of ["Comment *", "Name *", "Email *"]) {
      const field = within(form).getByLabelText(label);
      expect(field).toBeRequired();
      expect(field).toHaveAttribute("aria-required", "true");
    }
    // The star is for the eye: assistive technology hears the name and "required".
    expect(within(form).getByRole("textbox", { name: "Comment" })).toBeInTheDocument();
    expect(within(form).getByLabelText("Website")).not.toBeRequired();
    expect(
      within(form).getByRole("checkbox", {
        name: "Save my name, email, and website in this browser for the next time I comment.",
      }),
    ).not.toBeChecked();
    expect(form).toHaveTextContent("replies are kept on this device as drafts");
    // Below the article's neighbour links.
    const nav = screen.getByRole("navigation", { name: "More articles" });
    expect(nav.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("autosaves every field and restores each exactly when the article opens again", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "First line{enter}  second line ");
    await user.type(screen.getByLabelText("Name *"), "Ada");
    await user.type(screen.getByLabelText("Email *"), "ada@example.org");
    await user.type(screen.getByLabelText("Website"), "https://ada.example");
    await waitFor(async () =>
      expect((await loadDraft(SPACE_SLUG))?.fields).toEqual({
        comment: "First line\n  second line ",
        name: "Ada",
        email: "ada@example.org",
        website: "https://ada.example",
      }),
    );
    await waitFor(() => expect(status()).toHaveTextContent(/^Draft saved at \d{1,2}:\d{2} [AP]M$/));
    expect(readSafetyCopy(SPACE_SLUG)).toBeUndefined();

    cleanup();
    disposeStores();
    await renderApp(`/articles/${SPACE_SLUG}`);
    expect(await comment()).toHaveValue("First line\n  second line ");
    expect(screen.getByLabelText("Name *")).toHaveValue("Ada");
    expect(screen.getByLabelText("Email *")).toHaveValue("ada@example.org");
    expect(screen.getByLabelText("Website")).toHaveValue("https://ada.example");
    expect(status()).toHaveTextContent(/^Draft saved at/);
  });

  it("keeps each article's draft apart, and flushes when the reader follows a link", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp(`/articles/${FOG_SLUG}`);
    const i = edition.index.articles.findIndex((a) => a.slug === FOG_SLUG);
    const older = edition.index.articles[i + 1];
    await user.type(await comment(), "About fog");
    // No wait for the debounce: leaving the page must write what was typed.
    await user.click(screen.getByRole("link", { name: new RegExp(`Previous article`) }));
    await screen.findByRole("heading", { level: 1, name: older.title });
    expect(await comment()).toHaveValue("");
    await waitFor(async () =>
      expect((await loadDraft(FOG_SLUG))?.fields.comment).toBe("About fog"),
    );
    await user.type(await comment(), "About the older one");
    await waitFor(async () =>
      expect((await loadDraft(older.slug))?.fields.comment).toBe("About the older one"),
    );
  });

  it("writes at once when the page is hidden, without waiting for the pause in typing", async () => {
    await renderApp(`/articles/${SPACE_SLUG}`);
    const box = await comment();
    // The clock stands still from here: the pause in typing never ends, only hiding can write.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fireEvent.input(box, { target: { value: "Quick" } });
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    delete (document as { visibilityState?: unknown }).visibilityState;
    await draftsSettled();
    expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("Quick");
  });

  it("restores text that only the safety copy held (the page went before the write)", async () => {
    await saveDraft(SPACE_SLUG, 0, { v: 2, rev: 3, fields: fields("Hel"), updatedAt: 1 });
    writeSafetyCopy(SPACE_SLUG, { rev: 4, base: 3, fields: fields("Hello there"), updatedAt: 2 });
    await renderApp(`/articles/${SPACE_SLUG}`);
    expect(await comment()).toHaveValue("Hello there");
    await waitFor(async () =>
      expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("Hello there"),
    );
    await waitFor(() => expect(readSafetyCopy(SPACE_SLUG)).toBeUndefined());
  });

  it("says why a save failed (storage full) and never says saved when the write failed", async () => {
    const user = userEvent.setup();
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "Will not fit");
    await waitFor(() =>
      expect(status()).toHaveTextContent("Draft not saved: this device's storage is full."),
    );
    expect(status()).not.toHaveTextContent(/Draft saved/);
    expect(await comment()).toHaveValue("Will not fit");
    expect(readSafetyCopy(SPACE_SLUG)?.fields.comment).toBe("Will not fit");

    put.mockRestore();
    await user.type(await comment(), "!");
    await waitFor(() => expect(status()).toHaveTextContent(/^Draft saved at/));
    expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("Will not fit!");
  });

  it("tries a failed save again by itself, with no keystroke, once space is back", async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    });
    await renderApp(`/articles/${SPACE_SLUG}`);
    const box = await comment();
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fireEvent.input(box, { target: { value: "Left alone" } });
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await draftsSettled();
    expect(status()).toHaveTextContent(/^Draft not saved/);
    put.mockRestore();
    // The reader types nothing more; the retry, RETRY_FIRST_MS after the failure, saves it.
    await vi.advanceTimersByTimeAsync(RETRY_FIRST_MS - 1);
    await draftsSettled();
    expect(status()).toHaveTextContent(/^Draft not saved/);
    await vi.advanceTimersByTimeAsync(1);
    await draftsSettled();
    expect(status()).toHaveTextContent(/^Draft saved at/);
    expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("Left alone");
  });

  it("says storage is unavailable when the device refuses for another reason", async () => {
    const user = userEvent.setup();
    vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
      throw new DOMException("The database connection is closing.", "InvalidStateError");
    });
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "x");
    await waitFor(() =>
      expect(status()).toHaveTextContent(/^Draft not saved: storage is unavailable \(.+\)/),
    );
  });

  it("keeps a comment past 20,000 characters whole, with a counter and a message", async () => {
    await renderApp(`/articles/${SPACE_SLUG}`);
    const box = await comment();
    const long = "a".repeat(20_000);
    fireEvent.input(box, { target: { value: long } });
    await waitFor(() => expect(status()).toHaveTextContent(/^Draft saved/));
    expect(screen.getByText("20,000 / 20,000 characters")).toBeInTheDocument();
    expect(box).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText(/over the limit/)).toBeNull();

    fireEvent.input(box, { target: { value: `${long}bcdef` } });
    expect(screen.getByText("20,005 / 20,000 characters")).toBeInTheDocument();
    const message = screen.getByText(/Your comment is 5 characters over the limit of 20,000\./);
    expect(box).toHaveAttribute("aria-invalid", "true");
    expect(box).toHaveAccessibleDescription(message.textContent!);
    expect(box).toHaveValue(`${long}bcdef`);
    await waitFor(async () =>
      expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe(`${long}bcdef`),
    );
  });

  it("shows a hostile draft as the characters typed, and runs nothing", async () => {
    const user = userEvent.setup();
    const hostile = `<img src=x onerror="window.__pwned=1">`;
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 1, fields: fields(hostile), updatedAt: 1 });
    await renderApp(`/articles/${FOG_SLUG}`);
    expect(await comment()).toHaveValue(hostile);
    await user.click(screen.getByRole("link", { name: "Drafts" }));
    const list = await screen.findByRole("list", { name: "Drafts" });
    expect(within(list).getByText(hostile)).toBeInTheDocument();
    expect(list.querySelector("img")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe("discard", () => {
  it("empties the form and the record, then Undo brings every field back", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "Regrettable");
    await user.type(screen.getByLabelText("Name *"), "Bo");
    await user.click(screen.getByRole("button", { name: "Discard draft" }));
    expect(await comment()).toHaveValue("");
    expect(screen.getByLabelText("Name *")).toHaveValue("");
    await screen.findByText("Draft discarded", { selector: ".notice span" });
    await waitFor(async () => expect((await loadDraft(SPACE_SLUG))?.fields).toEqual(EMPTY_FIELDS));

    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.getByLabelText("Comment *")).toHaveValue("Regrettable"));
    expect(screen.getByLabelText("Name *")).toHaveValue("Bo");
    expect((await loadDraft(SPACE_SLUG))?.fields).toEqual(fields("Regrettable", { name: "Bo" }));
  });
});

describe("the remembered identity", () => {
  it("fills name, email and website on other articles only while the box is ticked", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await comment();
    await user.type(screen.getByLabelText("Name *"), "Ada");
    await user.type(screen.getByLabelText("Email *"), "ada@example.org");
    await user.type(screen.getByLabelText("Website"), "https://ada.example");
    const box = screen.getByRole("checkbox", { name: /^Save my name, email, and website/ });
    await user.click(box);
    expect(box).toBeChecked();
    await waitFor(async () =>
      expect(await loadIdentity()).toEqual({
        v: 1,
        name: "Ada",
        email: "ada@example.org",
        website: "https://ada.example",
      }),
    );
    // Changes made while ticked are remembered too.
    await user.type(screen.getByLabelText("Name *"), " L.");
    await waitFor(async () => expect((await loadIdentity())?.name).toBe("Ada L."));

    cleanup();
    await renderApp(`/articles/${FOG_SLUG}`);
    expect(await comment()).toHaveValue("");
    expect(screen.getByLabelText("Name *")).toHaveValue("Ada L.");
    expect(screen.getByLabelText("Email *")).toHaveValue("ada@example.org");
    expect(screen.getByLabelText("Website")).toHaveValue("https://ada.example");
    const again = screen.getByRole("checkbox", { name: /^Save my name, email, and website/ });
    expect(again).toBeChecked();

    await user.click(again);
    expect(again).not.toBeChecked();
    await waitFor(async () => expect(await loadIdentity()).toBeUndefined());

    cleanup();
    await renderApp(`/articles/${CROWS_SLUG}`);
    expect(await comment()).toHaveValue("");
    expect(screen.getByLabelText("Name *")).toHaveValue("");
    expect(screen.getByLabelText("Email *")).toHaveValue("");
    expect(screen.getByRole("checkbox", { name: /^Save my name/ })).not.toBeChecked();
  });
});

describe("two writers of one draft", () => {
  it("takes another tab's newer text when this tab has no unsaved edits", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "v1");
    await waitFor(() => expect(status()).toHaveTextContent(/^Draft saved/));
    const rev = (await loadDraft(SPACE_SLUG))!.rev;
    await otherTabWrites(SPACE_SLUG, rev, rev + 1, "v2 from the other tab");
    await waitFor(() =>
      expect(screen.getByLabelText("Comment *")).toHaveValue("v2 from the other tab"),
    );
    expect(screen.queryByText("This draft was changed in another tab")).toBeNull();
  });

  /** This tab types "mine"; the other tab writes "theirs" first: the form asks. */
  async function conflict() {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.type(await comment(), "mine");
    // The other tab writes before this tab's pause in typing is over.
    await otherTabWrites(SPACE_SLUG, 0, 1, "theirs");
    const alert = conflictAlert(await screen.findByText("This draft was changed in another tab"));
    return { user, alert };
  }

  it("asks, never overwrites, when both tabs have edits: keep mine", async () => {
    const { user, alert } = await conflict();
    expect(alert).toHaveRole("alert");
    expect(screen.getByLabelText("Comment *")).toHaveValue("mine");
    expect(status()).not.toHaveTextContent(/Draft saved/);
    expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("theirs");

    await user.click(within(alert).getByRole("button", { name: "Keep my text" }));
    await waitFor(async () => expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("mine"));
    expect((await loadDraft(SPACE_SLUG))!.rev).toBeGreaterThan(1);
    expect(screen.queryByText("This draft was changed in another tab")).toBeNull();
  });

  it("asks, never overwrites, when both tabs have edits: load the other", async () => {
    const { user, alert } = await conflict();
    await user.click(within(alert).getByRole("button", { name: "Load the other text" }));
    await waitFor(() => expect(screen.getByLabelText("Comment *")).toHaveValue("theirs"));
    expect(readSafetyCopy(SPACE_SLUG)).toBeUndefined();
    // Nothing of "mine" is written later by a pending save.
    await user.type(screen.getByLabelText("Comment *"), "!");
    await waitFor(async () =>
      expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("theirs!"),
    );
  });

  it("keeps the other tab's text as another version when the reader keeps theirs", async () => {
    const { user, alert } = await conflict();
    await user.click(within(alert).getByRole("button", { name: "Keep my text" }));
    await waitFor(async () => expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("mine"));
    await draftsSettled();
    expect(await keptVersions()).toEqual([[SPACE_SLUG, "theirs", "conflict"]]);
  });

  it("keeps this tab's text as another version before loading the other tab's", async () => {
    const { user, alert } = await conflict();
    await user.click(within(alert).getByRole("button", { name: "Load the other text" }));
    await waitFor(() => expect(screen.getByLabelText("Comment *")).toHaveValue("theirs"));
    // Kept by the time the form shows the other text: a page closed now loses nothing.
    expect(await keptVersions()).toEqual([[SPACE_SLUG, "mine", "conflict"]]);
    expect((await loadDraft(SPACE_SLUG))?.fields.comment).toBe("theirs");
  });
});

describe("the Draft marker and the drafts page", () => {
  it("marks articles with a draft in the list and on the Saved page", async () => {
    const user = userEvent.setup();
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 1, fields: fields("Fog thoughts"), updatedAt: 1 });
    await renderApp("/");
    const heading = await screen.findByRole("heading", { level: 2, name: FOG });
    const card = heading.closest("article") as HTMLElement;
    await waitFor(() =>
      expect(
        within(within(card).getByRole("list", { name: "Status" }))
          .getAllByRole("listitem")
          .map((li) => li.textContent),
      ).toEqual(["Unread", "Draft"]),
    );
    const other = screen.getByRole("heading", { level: 2, name: SPACE }).closest("article")!;
    expect(within(other as HTMLElement).queryByText("Draft")).toBeNull();

    await user.click(within(card).getByRole("button", { name: `Bookmark: ${FOG}` }));
    await user.click(screen.getByRole("link", { name: "Saved" }));
    const saved = await screen.findByRole("list", { name: "Saved articles" });
    expect(within(saved).getByText("Draft")).toBeInTheDocument();
  });

  it("lists every draft, most recent first, with a link, its first line and when", async () => {
    await saveDraft(SPACE_SLUG, 0, {
      v: 2,
      rev: 1,
      fields: fields("\n  Older first line  \nsecond line"),
      updatedAt: new Date(2026, 2, 3, 9, 5).getTime(),
    });
    await saveDraft(FOG_SLUG, 0, {
      v: 2,
      rev: 1,
      fields: fields("Newer"),
      updatedAt: new Date(2026, 2, 4, 14, 30).getTime(),
    });
    await saveDraft(CROWS_SLUG, 0, { v: 2, rev: 2, fields: EMPTY_FIELDS, updatedAt: 5 });
    await renderApp("/drafts");
    expect(await screen.findByRole("heading", { level: 1, name: "Drafts" })).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Drafts" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]).getByRole("link", { name: FOG })).toHaveAttribute(
      "href",
      `/articles/${FOG_SLUG}`,
    );
    expect(items[0]).toHaveTextContent("Last edited March 4, 2026 at 2:30 PM");
    expect(within(items[1]).getByRole("link", { name: SPACE })).toBeInTheDocument();
    expect(within(items[1]).getByText("Older first line")).toBeInTheDocument();
    expect(items[1]).not.toHaveTextContent("second line");
    expect(items[1]).toHaveTextContent("Last edited March 3, 2026 at 9:05 AM");
  });

  it("discards a draft from the page, with Undo", async () => {
    const user = userEvent.setup();
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 1, fields: fields("Fog thoughts"), updatedAt: 1 });
    await renderApp("/drafts");
    const list = await screen.findByRole("list", { name: "Drafts" });
    await user.click(within(list).getByRole("button", { name: `Discard draft: ${FOG}` }));
    expect(await screen.findByText(/^No drafts\./)).toBeInTheDocument();
    expect((await loadDraft(FOG_SLUG))?.fields).toEqual(EMPTY_FIELDS);

    await user.click(screen.getByRole("button", { name: "Undo" }));
    const back = await screen.findByRole("list", { name: "Drafts" });
    expect(within(back).getByText("Fog thoughts")).toBeInTheDocument();
    expect((await loadDraft(FOG_SLUG))?.fields.comment).toBe("Fog thoughts");
  });

  it("says so when there are no drafts", async () => {
    await renderApp("/drafts");
    expect(await screen.findByText(/^No drafts\. Start a reply under any article/)).toBeVisible();
    expect(screen.queryByRole("list", { name: "Drafts" })).toBeNull();
  });
});

describe("other versions on the drafts page", () => {
  const KEPT = /^Another version, kept \w+ \d+, \d{4} at \d+:\d\d [AP]M /;
  /** The other versions listed under an article, each a list item. */
  const versionsOf = async (title: string) =>
    within(await screen.findByRole("list", { name: `Other versions: ${title}` })).getAllByRole(
      "listitem",
    );

  /** Fog has a draft and a version from an import; Crows has no draft, only a closed page's text. */
  async function keptOnDevice() {
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 1, fields: fields("Fog thoughts"), updatedAt: 1 });
    await keepVersion(FOG_SLUG, fields("Older fog text\nwith a second line"), "import");
    await keepVersion(CROWS_SLUG, fields("Crows, from a page that closed"), "closed");
    await renderApp("/drafts");
  }

  it("lists each article's other versions in full, with when and where from, drafts or not", async () => {
    await keptOnDevice();
    const fog = await versionsOf(FOG);
    expect(fog).toHaveLength(1);
    expect(within(fog[0]).getByText(KEPT)).toHaveTextContent(/\(from an import\)$/);
    expect(within(fog[0]).getByText(/^Older fog text/).textContent).toBe(
      "Older fog text\nwith a second line",
    );
    const crows = await versionsOf(CROWS);
    expect(within(crows[0]).getByText(KEPT)).toHaveTextContent(/\(from a closed page\)$/);
    const crowsItem = crows[0].closest("li.draft") as HTMLElement;
    expect(within(crowsItem).getByText("No current draft")).toBeInTheDocument();
    expect(within(crowsItem).queryByRole("button", { name: /^Discard draft/ })).toBeNull();
  });

  it("uses a version as the draft and keeps the draft's own text as another version", async () => {
    const user = userEvent.setup();
    await keptOnDevice();
    const [older] = await versionsOf(FOG);
    await user.click(within(older).getByRole("button", { name: "Use this version" }));
    expect(
      await screen.findByText(
        "This version is now the draft; the draft's text is kept as another version",
      ),
    ).toBeInTheDocument();
    expect((await loadDraft(FOG_SLUG))?.fields.comment).toBe("Older fog text\nwith a second line");
    await waitFor(async () =>
      expect(within((await versionsOf(FOG))[0]).getByText(KEPT)).toHaveTextContent(
        /\(replaced by another version\)$/,
      ),
    );
    const fog = await versionsOf(FOG);
    expect(fog).toHaveLength(1);
    expect(within(fog[0]).getByText("Fog thoughts")).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Drafts" });
    expect(within(list).getByText("Older fog text")).toHaveClass("draft-line");
    expect(await keptVersions()).toEqual(
      expect.arrayContaining([[FOG_SLUG, "Fog thoughts", "replaced"]]),
    );
  });

  it("uses a version of an article with no draft, which then has one", async () => {
    const user = userEvent.setup();
    await keptOnDevice();
    const [crows] = await versionsOf(CROWS);
    await user.click(within(crows).getByRole("button", { name: "Use this version" }));
    expect(await screen.findByText("This version is now the draft")).toBeInTheDocument();
    expect((await loadDraft(CROWS_SLUG))?.fields.comment).toBe("Crows, from a page that closed");
    await waitFor(() =>
      expect(screen.queryByRole("list", { name: /^Other versions: A Field Guide/ })).toBeNull(),
    );
    expect(listDrafts().map((d) => d.slug)).toContain(CROWS_SLUG);
  });

  it("discards a version, and Undo puts it back as it was", async () => {
    const user = userEvent.setup();
    await keptOnDevice();
    const before = await keptVersions();
    const [older] = await versionsOf(FOG);
    const when = within(older).getByText(KEPT).textContent;
    await user.click(within(older).getByRole("button", { name: "Discard" }));
    await waitFor(() =>
      expect(screen.queryByRole("list", { name: `Other versions: ${FOG}` })).toBeNull(),
    );
    expect(await keptVersions()).toHaveLength(before.length - 1);

    await user.click(await screen.findByRole("button", { name: "Undo" }));
    const [back] = await versionsOf(FOG);
    expect(within(back).getByText(KEPT).textContent).toBe(when);
    expect(await keptVersions()).toEqual(before);
  });

  it("copies a version's whole text to the clipboard", async () => {
    const user = userEvent.setup();
    await keptOnDevice();
    const [older] = await versionsOf(FOG);
    await user.click(within(older).getByRole("button", { name: "Copy" }));
    expect(await screen.findByText("Copied to the clipboard")).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe("Older fog text\nwith a second line");
  });

  it("shows a version another tab kept while the page is open", async () => {
    await keptOnDevice();
    await versionsOf(CROWS);
    await keepVersion(SPACE_SLUG, fields("Space, from the other tab"), "conflict");
    const channel = new BroadcastChannel("offprint");
    channel.postMessage({ kind: "versions", key: `${SPACE_SLUG}:x`, rev: 1 });
    channel.close();
    const [space] = await versionsOf(SPACE);
    expect(within(space).getByText(KEPT)).toHaveTextContent(/\(from another tab\)$/);
    expect(within(space).getByText("Space, from the other tab")).toBeInTheDocument();
  });
});

describe("a reload storm", () => {
  afterEach(() => {
    hold.identity = undefined;
    hold.reads = [];
  });

  it("follows another tab's change heard while the form was still loading", async () => {
    await startDrafts();
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 1, fields: fields("First words"), updatedAt: 1 });
    let release!: () => void;
    hold.identity = new Promise((resolve) => (release = resolve));
    const { editor, dispose } = createRoot((dispose) => ({
      editor: createDraftEditor(FOG_SLUG),
      dispose,
    }));
    await Promise.all(hold.reads); // the form has read rev 1 and waits
    await otherTabWrites(FOG_SLUG, 1, 2, "Second words, from the other tab");
    // The app has heard of it (the drafts list follows) before the form is ready.
    await waitFor(() => expect(listDrafts().find((d) => d.slug === FOG_SLUG)?.draft.rev).toBe(2));
    expect(editor.ready()).toBe(false);
    release();
    await waitFor(() => expect(editor.ready()).toBe(true));
    await waitFor(() => expect(editor.fields().comment).toBe("Second words, from the other tab"));
    dispose();
    await draftsSettled();
  });

  it("keeps the text that start-up saved from the safety copy while the form was still loading", async () => {
    // The page went 167 ms after typing: "Hello there" is only in the safety copy.
    await saveDraft(FOG_SLUG, 0, { v: 2, rev: 3, fields: fields("Hel"), updatedAt: 1 });
    writeSafetyCopy(FOG_SLUG, { rev: 4, base: 3, fields: fields("Hello there"), updatedAt: 2 });
    // The new page's form reads the stored draft (rev 3) and is held there...
    let release!: () => void;
    hold.identity = new Promise((resolve) => (release = resolve));
    const { editor, dispose } = createRoot((dispose) => ({
      editor: createDraftEditor(FOG_SLUG),
      dispose,
    }));
    await waitFor(() => expect(hold.reads.length).toBeGreaterThan(0));
    await Promise.all(hold.reads);
    // ...while start-up stores the safety copy as rev 4 and drops it.
    await startDrafts();
    await recoverDrafts();
    await waitFor(async () => expect((await loadDraft(FOG_SLUG))?.rev).toBe(4));
    await waitFor(() => expect(readSafetyCopy(FOG_SLUG)).toBeUndefined());
    release();
    await waitFor(() => expect(editor.ready()).toBe(true));
    expect(editor.fields().comment).toBe("Hello there");

    // And the next keystrokes, cut short by another reload, come back too.
    editor.edit("comment", "Hello there, again");
    const copy = readSafetyCopy(FOG_SLUG)!;
    expect(copy.fields.comment).toBe("Hello there, again");
    expect(compareSafetyCopy(copy, await loadDraft(FOG_SLUG))).toBe("newer");
    dispose();
    await draftsSettled();
    expect((await loadDraft(FOG_SLUG))?.fields.comment).toBe("Hello there, again");
  });
});
