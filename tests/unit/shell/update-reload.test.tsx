// The update prompt's "Reload" with a reply being typed: it never reloads over a draft that could
// not be saved, says so, and goes ahead once the draft is saved or the reader says "Reload anyway".
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { draftsSettled } from "../../../src/state/drafts.ts";
import { updateFound } from "../../../src/state/offline.ts";
import { loadDraft } from "../../../src/storage/drafts.ts";
import { disposeStores } from "../../../src/state/synced-records.ts";

const SLUG = "field-notes-on-coastal-fog";
const NOT_SAVED = "Your draft could not be saved yet";

/** A registration with a waiting worker, as when a new version was installed. */
function waitingWorker(): void {
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: { getRegistration: async () => ({ waiting: {} }) },
  });
}

/** Every IndexedDB write fails from now on, as on a full device; returns the cure. */
function fullDevice(): () => void {
  const put = vi.spyOn(IDBObjectStore.prototype, "put").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
  return () => put.mockRestore();
}

const prompt = () =>
  screen.getByText("A new version is available").closest<HTMLElement>("[role=status]")!;

/** Opens an article, types a reply on a device that cannot save it, and an update arrives. */
async function typedOnAFullDevice(activate: () => Promise<void>) {
  const user = userEvent.setup();
  await renderApp(`/articles/${SLUG}`);
  const cure = fullDevice();
  await user.type(await screen.findByLabelText("Comment *"), "Typed before the update");
  updateFound(activate);
  await user.click(within(await waitFor(prompt)).getByRole("button", { name: "Reload" }));
  return { user, cure };
}

beforeEach(async () => {
  await freshDevice();
  disposeStores();
  waitingWorker();
});
afterEach(async () => {
  vi.restoreAllMocks();
  cleanup();
  Reflect.deleteProperty(navigator, "serviceWorker");
  await draftsSettled();
});

describe("the update prompt's Reload", () => {
  it("does not reload while the draft cannot be saved, says so, and Reload anyway reloads", async () => {
    const activate = vi.fn(async () => undefined);
    const { user } = await typedOnAFullDevice(activate);
    await waitFor(() => expect(prompt()).toHaveTextContent(NOT_SAVED));
    expect(prompt()).toHaveTextContent("A new version is available");
    expect(activate).not.toHaveBeenCalled();
    // The reader's text is still in the form.
    expect(screen.getByLabelText("Comment *")).toHaveValue("Typed before the update");

    await user.click(within(prompt()).getByRole("button", { name: "Reload anyway" }));
    await waitFor(() => expect(activate).toHaveBeenCalledTimes(1));
  });

  it("reloads by itself once a later retry saves the draft", async () => {
    const activate = vi.fn(async () => undefined);
    const { cure } = await typedOnAFullDevice(activate);
    await waitFor(() => expect(prompt()).toHaveTextContent(NOT_SAVED));
    expect(activate).not.toHaveBeenCalled();

    cure(); // the editor's own retry (RETRY_FIRST_MS later) now succeeds
    await waitFor(() => expect(activate).toHaveBeenCalledTimes(1));
    expect((await loadDraft(SLUG))?.fields.comment).toBe("Typed before the update");
    expect(prompt()).not.toHaveTextContent(NOT_SAVED);
  });

  it("reloads when the reader presses Reload again after the draft was saved", async () => {
    const activate = vi.fn(async () => undefined);
    const { user, cure } = await typedOnAFullDevice(activate);
    await waitFor(() => expect(prompt()).toHaveTextContent(NOT_SAVED));
    cure();
    await user.click(within(prompt()).getByRole("button", { name: "Reload" }));
    await waitFor(() => expect(activate).toHaveBeenCalledTimes(1));
    expect((await loadDraft(SLUG))?.fields.comment).toBe("Typed before the update");
  });
});
