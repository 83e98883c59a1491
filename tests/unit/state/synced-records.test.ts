import { describe, expect, it, vi } from "vitest";
import {
  createSyncedRecords,
  disposeStores,
  onDispose,
} from "../../../src/state/synced-records.ts";

/** What another tab does after a write (storage/sync.ts): a message on the shared channel. */
function otherTabWrote(kind: string, key: string): void {
  const channel = new BroadcastChannel("offprint");
  channel.postMessage({ kind, key, rev: Date.now() });
  channel.close();
}

/** A device of positions in memory, with the loads the store is given. */
function device(initial: Record<string, number>) {
  const held = new Map(Object.entries(initial));
  return {
    held,
    loadAll: vi.fn(async () => new Map(held)),
    loadOne: vi.fn(async (key: string) => held.get(key)),
  };
}

describe("createSyncedRecords", () => {
  it("loads every record once, however many times it is started", async () => {
    const d = device({ a: 1, b: 2 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    await Promise.all([store.start(), store.start()]);
    await store.start();
    expect(d.loadAll).toHaveBeenCalledTimes(1);
    expect({ ...store.records }).toEqual({ a: 1, b: 2 });
    store.dispose();
  });

  it("follows what another tab writes of its kind, and removes what it deleted", async () => {
    const d = device({ a: 1, b: 2 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    await store.start();
    d.held.set("a", 10);
    d.held.delete("b");
    otherTabWrote("positions", "a");
    otherTabWrote("positions", "b");
    await vi.waitFor(() => expect({ ...store.records }).toEqual({ a: 10 }));
    store.dispose();
  });

  it("does not read a change of another kind", async () => {
    const d = device({ a: 1 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    const other = device({});
    const probe = createSyncedRecords<number>({ kind: "bookmarks", ...other });
    await Promise.all([store.start(), probe.start()]);
    otherTabWrote("bookmarks", "a");
    await vi.waitFor(() => expect(other.loadOne).toHaveBeenCalledWith("a"));
    expect(d.loadOne).not.toHaveBeenCalled();
    store.dispose();
    probe.dispose();
  });

  it("takes a chunk of records through its own rule", async () => {
    const store = createSyncedRecords<number, Map<string, number>>({
      kind: "reads",
      loadAll: async () => new Map([["old", 1]]),
      loadOne: async () => new Map([["new", 2]]),
      take: (_chunk, marks, s) => s.setMany([["old", undefined], ...marks]),
    });
    await store.start();
    otherTabWrote("reads", "chunk-3");
    await vi.waitFor(() => expect({ ...store.records }).toEqual({ new: 2 }));
    store.dispose();
  });

  it("shows what the device holds now on reload", async () => {
    const d = device({ a: 1 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    await store.start();
    d.held.clear();
    d.held.set("c", 3);
    await store.reload();
    expect({ ...store.records }).toEqual({ c: 3 });
    store.dispose();
  });

  it("forgets its records and stops following once disposed, and loads afresh on the next start", async () => {
    const d = device({ a: 1 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    await store.start();
    store.dispose();
    expect({ ...store.records }).toEqual({});
    // A store that does follow hears the same message: once it has, the disposed one would have.
    const other = device({});
    const probe = createSyncedRecords<number>({ kind: "positions", ...other });
    await probe.start();
    otherTabWrote("positions", "a");
    await vi.waitFor(() => expect(other.loadOne).toHaveBeenCalled());
    expect(d.loadOne).not.toHaveBeenCalled();
    await store.start();
    expect(d.loadAll).toHaveBeenCalledTimes(2);
    expect({ ...store.records }).toEqual({ a: 1 });
    store.dispose();
    probe.dispose();
  });

  it("says when the first load failed, and then follows nothing", async () => {
    const onFail = vi.fn();
    const loadOne = vi.fn(async () => 1);
    const store = createSyncedRecords<number>({
      kind: "settings",
      loadAll: () => Promise.reject(new Error("Storage unavailable")),
      loadOne,
      onFail,
    });
    await store.start();
    expect(onFail).toHaveBeenCalledWith(new Error("Storage unavailable"));
    // A store that does follow hears the same message: once it has, the failed one would have.
    const other = device({});
    const probe = createSyncedRecords<number>({ kind: "settings", ...other });
    await probe.start();
    otherTabWrote("settings", "reading");
    await vi.waitFor(() => expect(other.loadOne).toHaveBeenCalled());
    expect(loadOne).not.toHaveBeenCalled();
    store.dispose();
    probe.dispose();
  });

  it("lets go of every store and registered state at once, as a new app on the page", async () => {
    const d = device({ a: 1 });
    const store = createSyncedRecords<number>({ kind: "positions", ...d });
    let flag = true;
    onDispose(() => (flag = false));
    await store.start();
    disposeStores();
    expect({ ...store.records }).toEqual({});
    expect(flag).toBe(false);
  });
});
