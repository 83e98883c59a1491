// "Edit" on a refused reply when the article's draft holds other text: it asks first, and every
// answer keeps every text (in the draft, in another version of it, or in the outbox).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cleanup, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { draftsSettled } from "../../../src/state/drafts.ts";
import { loadDraft, type DraftFields } from "../../../src/storage/drafts.ts";
import { saveDraft } from "../../../src/storage/draft-writes.ts";
import { loadOutbox, saveOutboxRecord } from "../../../src/storage/outbox.ts";
import { loadVersions } from "../../../src/storage/versions.ts";
import { disposeStores } from "../../../src/state/synced-records.ts";

const SLUG = "field-notes-on-coastal-fog";
const QUESTION = "This article already has a draft with other text.";
const who = { name: "Ada", email: "ada@example.org", website: "" };
const REPLY: DraftFields = { comment: "The reply the service refused", ...who };
const DRAFT: DraftFields = { comment: "A draft typed since", ...who };

async function refusedReply(): Promise<void> {
  await saveOutboxRecord({
    v: 1,
    id: "refused-reply",
    slug: SLUG,
    fields: REPLY,
    state: "rejected",
    tries: 1,
    nextAt: 1,
    createdAt: 1,
    updatedAt: 1,
    error: "400: Name is too long",
  });
}

async function draft(fields: DraftFields): Promise<void> {
  await saveDraft(SLUG, 0, { v: 2, rev: 1, fields, updatedAt: Date.now() });
}

/** Before Edit (or after "Keep the draft", or Undo): the draft, and the reply in the outbox. */
const UNTOUCHED = { draft: DRAFT.comment, versions: [], outbox: [[REPLY.comment, "rejected"]] };

/** Where each text is now: the draft, the kept versions, the outbox. */
async function texts() {
  return {
    draft: (await loadDraft(SLUG))?.fields.comment,
    versions: [...(await loadVersions()).values()].map((v) => [v.fields.comment, v.reason]),
    outbox: [...(await loadOutbox()).values()].map((r) => [r.fields.comment, r.state]),
  };
}

/** Opens /drafts and presses the refused reply's Edit. */
async function pressEdit() {
  const user = userEvent.setup();
  await renderApp("/drafts");
  const outbox = await screen.findByRole("list", { name: "Outbox" });
  const edit = within(outbox).getByRole("button", { name: "Edit" });
  await user.click(edit);
  return { user, edit };
}

const question = () => screen.findByRole("group", { name: QUESTION });

beforeEach(async () => {
  await freshDevice();
  disposeStores();
  await refusedReply();
});
afterEach(async () => {
  cleanup();
  await draftsSettled();
});

describe("Edit on a refused reply", () => {
  it("asks first when the draft holds other text, with the focus on the question", async () => {
    await draft(DRAFT);
    await pressEdit();
    const group = await question();
    expect(
      within(group)
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Keep the draft", "Replace with the refused reply", "Keep both"]);
    expect(group).toContainElement(document.activeElement as HTMLElement);
    // Nothing is written until the reader answers.
    expect(await texts()).toEqual(UNTOUCHED);
  });

  it("Keep the draft leaves the draft and the refused reply as they were, focus back on Edit", async () => {
    await draft(DRAFT);
    const { user, edit } = await pressEdit();
    await user.click(within(await question()).getByRole("button", { name: "Keep the draft" }));
    expect(screen.queryByRole("group", { name: QUESTION })).toBeNull();
    expect(edit).toHaveFocus();
    expect(await texts()).toEqual(UNTOUCHED);
  });

  it("Escape answers Keep the draft", async () => {
    await draft(DRAFT);
    const { user, edit } = await pressEdit();
    await question();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("group", { name: QUESTION })).toBeNull());
    expect(edit).toHaveFocus();
    expect((await texts()).outbox).toEqual([[REPLY.comment, "rejected"]]);
  });

  it("Replace keeps the draft's text as another version, and Undo brings it back", async () => {
    await draft(DRAFT);
    const { user } = await pressEdit();
    await question();
    // By keyboard: the focus starts on "Keep the draft"; the next button is "Replace …".
    await user.keyboard("{Tab}{Enter}");
    await waitFor(async () =>
      expect(await texts()).toEqual({
        draft: REPLY.comment,
        versions: [[DRAFT.comment, "edit"]],
        outbox: [],
      }),
    );
    expect((await loadDraft(SLUG))?.fields).toEqual(REPLY);

    await user.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(async () =>
      expect(await texts()).toEqual({
        draft: DRAFT.comment,
        versions: [],
        outbox: [[REPLY.comment, "rejected"]],
      }),
    );
  });

  it("Keep both puts the reply in the draft, keeps the draft's text as another version, and says so", async () => {
    await draft(DRAFT);
    const { user } = await pressEdit();
    await user.click(within(await question()).getByRole("button", { name: "Keep both" }));
    await waitFor(async () =>
      expect(await texts()).toEqual({
        draft: REPLY.comment,
        versions: [[DRAFT.comment, "edit"]],
        outbox: [],
      }),
    );
    expect(await screen.findByText(/kept as another version/)).toBeVisible();
  });

  it("goes straight through when the draft is empty", async () => {
    await draft({ comment: "", ...who });
    await pressEdit();
    await waitFor(async () =>
      expect(await texts()).toEqual({ draft: REPLY.comment, versions: [], outbox: [] }),
    );
    expect(screen.queryByRole("group", { name: QUESTION })).toBeNull();
  });

  it("goes straight through when the draft holds the reply's own comment", async () => {
    await draft({ ...REPLY, website: "https://ada.example" });
    await pressEdit();
    await waitFor(async () =>
      expect(await texts()).toEqual({ draft: REPLY.comment, versions: [], outbox: [] }),
    );
    expect(screen.queryByRole("group", { name: QUESTION })).toBeNull();
  });

  it("under the article, the form takes the reply with the focus, and Undo keeps what was typed since", async () => {
    await draft(DRAFT);
    const user = userEvent.setup();
    await renderApp(`/articles/${SLUG}`);
    const comment = await screen.findByLabelText("Comment *");
    await waitFor(() => expect(comment).toHaveValue(DRAFT.comment));
    const outbox = await screen.findByRole("list", { name: "Outbox" });
    await user.click(within(outbox).getByRole("button", { name: "Edit" }));
    await user.click(
      within(await question()).getByRole("button", { name: "Replace with the refused reply" }),
    );
    await waitFor(() => expect(comment).toHaveValue(REPLY.comment));
    await waitFor(() => expect(comment).toHaveFocus());

    await user.type(comment, ", changed");
    await waitFor(async () =>
      expect((await loadDraft(SLUG))?.fields.comment).toBe(`${REPLY.comment}, changed`),
    );
    await user.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(async () =>
      expect(await texts()).toEqual({
        draft: DRAFT.comment,
        versions: [[`${REPLY.comment}, changed`, "edit"]],
        outbox: [[REPLY.comment, "rejected"]],
      }),
    );
    await waitFor(() => expect(comment).toHaveValue(DRAFT.comment));
  });
});
