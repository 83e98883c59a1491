import { afterEach, describe, expect, it, vi } from "vitest";
import {
  beforeReload,
  draftSaved,
  reloadForUpdate,
  reloadWaitsForDraft,
  updateFound,
  updateReady,
} from "../../../src/state/offline.ts";

/** A registration with a waiting worker, as when a new version was installed. */
function waitingWorker(): void {
  Object.defineProperty(navigator, "serviceWorker", {
    configurable: true,
    value: { getRegistration: async () => ({ waiting: {} }) },
  });
}

describe("reloadForUpdate", () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, "serviceWorker");
  });

  it("saves pending drafts before it lets the new version take over", async () => {
    waitingWorker();
    const order: string[] = [];
    const stop = beforeReload(async () => {
      await Promise.resolve();
      order.push("draft written");
    });
    updateFound(async () => void order.push("update activated"));
    expect(updateReady()).toBe(true);
    await reloadForUpdate();
    expect(order).toEqual(["draft written", "update activated"]);
    stop();
  });

  it("does not reload when a draft cannot be written, and waits for it to be saved", async () => {
    waitingWorker();
    const activate = vi.fn(async () => undefined);
    let full = true;
    const stop = beforeReload(() => (full ? Promise.reject(new Error("The disk is full")) : 0));
    updateFound(activate);
    await reloadForUpdate();
    expect(activate).not.toHaveBeenCalled();
    expect(reloadWaitsForDraft()).toBe(true);
    full = false;
    draftSaved();
    await vi.waitFor(() => expect(activate).toHaveBeenCalledTimes(1));
    expect(reloadWaitsForDraft()).toBe(false);
    stop();
  });

  it("reloads anyway without waiting for the drafts when the reader says so", async () => {
    waitingWorker();
    const activate = vi.fn(async () => undefined);
    const stop = beforeReload(() => Promise.reject(new Error("The disk is full")));
    updateFound(activate);
    await reloadForUpdate();
    expect(activate).not.toHaveBeenCalled();
    await reloadForUpdate(true);
    expect(activate).toHaveBeenCalledTimes(1);
    stop();
  });
});
