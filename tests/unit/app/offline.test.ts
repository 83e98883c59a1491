import { afterEach, describe, expect, it, vi } from "vitest";
import {
  beforeReload,
  reloadForUpdate,
  updateFound,
  updateReady,
} from "../../../src/app/offline.ts";
import { notices } from "../../../src/app/notices.ts";

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

  it("does not reload when a draft cannot be written, and says why", async () => {
    waitingWorker();
    const activate = vi.fn(async () => undefined);
    const stop = beforeReload(() => Promise.reject(new Error("The disk is full")));
    updateFound(activate);
    await reloadForUpdate();
    expect(activate).not.toHaveBeenCalled();
    expect(notices().map((n) => n.text)).toContain(
      "Saving your drafts before the reload failed: The disk is full",
    );
    stop();
  });
});
