import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, screen } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../../render-app.tsx";
import { freshDevice } from "../../fresh-device.ts";

beforeEach(freshDevice);
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  // @ts-expect-error: remove what a test gave this browser
  delete navigator.share;
});

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";

describe("the Share button", () => {
  it("uses the Web Share API where the browser has it", async () => {
    const user = userEvent.setup();
    const share = vi.fn(async () => undefined);
    Object.defineProperty(navigator, "share", { value: share, configurable: true });
    const copy = vi.spyOn(navigator.clipboard, "writeText");
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.click(await screen.findByRole("button", { name: "Share" }));
    expect(share).toHaveBeenCalledWith({
      title: SPACE,
      url: `${location.origin}/articles/${SPACE_SLUG}`,
    });
    expect(copy).not.toHaveBeenCalled();
    expect(screen.queryByText("Link copied")).toBeNull();
  });

  it("says nothing when the reader closes the share sheet", async () => {
    const user = userEvent.setup();
    const share = vi.fn(async () => Promise.reject(new DOMException("closed", "AbortError")));
    Object.defineProperty(navigator, "share", { value: share, configurable: true });
    await renderApp(`/articles/${SPACE_SLUG}`);
    await user.click(await screen.findByRole("button", { name: "Share" }));
    expect(share).toHaveBeenCalled();
    expect(screen.queryByText("Link copied")).toBeNull();
    expect(screen.queryByText(/Could not copy/)).toBeNull();
  });

  it("otherwise copies the link and says “Link copied” in a polite live region", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    expect("share" in navigator).toBe(false);
    await user.click(await screen.findByRole("button", { name: "Share" }));
    expect(await navigator.clipboard.readText()).toBe(`${location.origin}/articles/${SPACE_SLUG}`);
    const notice = await screen.findByText("Link copied");
    expect(notice.closest("[aria-live='polite']")).not.toBeNull();
  });

  it("shows the link when it cannot be copied", async () => {
    const user = userEvent.setup();
    await renderApp(`/articles/${SPACE_SLUG}`);
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new Error("denied"));
    await user.click(await screen.findByRole("button", { name: "Share" }));
    expect(
      await screen.findByText(
        `Could not copy the link. Here it is: ${location.origin}/articles/${SPACE_SLUG}`,
      ),
    ).toBeInTheDocument();
  });
});
