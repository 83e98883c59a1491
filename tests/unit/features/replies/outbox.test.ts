// The outbox engine against a stubbed fetch: what each answer of the service does to a reply.
import { WEB_KEYS } from "../../../../src/storage/keys.ts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDevice } from "../../fresh-device.ts";
import {
  backoffMs,
  editReply,
  flushOutbox,
  listOutbox,
  postReply,
  retryNow,
  sendReply,
  submitReply,
} from "../../../../src/features/replies/outbox.ts";
import {
  loadOutboxRecord,
  saveOutboxRecord,
  type OutboxRecord,
} from "../../../../src/storage/outbox.ts";
import { loadDraft } from "../../../../src/storage/drafts.ts";
import { disposeStores } from "../../../../src/state/synced-records.ts";
import { setCommentsUrl } from "../../edition-stub.ts";

const URL_ = "https://comments.example.org/comments";
const fields = {
  comment: "I saw the fog too.",
  name: "Ada",
  email: "ada@example.org",
  website: "https://ada.example.org",
};
const SLUG = "field-notes-on-coastal-fog";

type Answer = () => Promise<Response>;
let answers: Answer[];
let bodies: Record<string, string>[];

function stubService(...queue: Answer[]): void {
  answers = queue;
  bodies = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      const next = answers.shift();
      if (!next) throw new Error("no answer queued");
      return next();
    }),
  );
}
const status =
  (code: number, body = "", statusText = "") =>
  () =>
    Promise.resolve(new Response(body || null, { status: code, statusText }));

async function stateOf(id: string): Promise<OutboxRecord | undefined> {
  return loadOutboxRecord(id);
}

/** Waits until the reply is in `state` after at least `tries` tries. */
async function settledReply(
  id: string,
  state: OutboxRecord["state"],
  tries = 1,
): Promise<OutboxRecord> {
  let record: OutboxRecord | undefined;
  await vi.waitFor(async () => {
    record = await stateOf(id);
    expect([record?.state, (record?.tries ?? 0) >= tries]).toEqual([state, true]);
  });
  return record!;
}

beforeEach(async () => {
  await freshDevice();
  disposeStores();
  setCommentsUrl(URL_);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("the outbox", () => {
  it("posts the reply as JSON, exactly the agreed body, and marks it sent on a 2xx", async () => {
    stubService(status(201));
    const r = await submitReply(SLUG, fields);
    expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBe("1");
    const sent = await settledReply(r.id, "sent");
    expect(bodies).toEqual([{ article: SLUG, ...fields, clientId: r.id }]);
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    const init = vi.mocked(fetch).mock.calls[0][1]!;
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({ "Content-Type": "application/json" });
    expect(sent.sentAt).toBeGreaterThan(0);
    expect(sent.fields).toEqual(fields);
    await vi.waitFor(() => expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBeNull());
    expect(listOutbox(SLUG).map((x) => x.state)).toEqual(["sent"]);
  });

  it("marks a 4xx as not accepted with the service's message, keeps the text, and does not retry", async () => {
    stubService(
      status(422, JSON.stringify({ message: "Comment looks like spam" }), "Unprocessable Entity"),
    );
    const r = await submitReply(SLUG, fields);
    const refused = await settledReply(r.id, "rejected");
    expect(refused.error).toBe("422 Unprocessable Entity: Comment looks like spam");
    expect(refused.fields).toEqual(fields);
    await flushOutbox(true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("keeps a 5xx waiting with backoff, and a retry sends the same clientId once more", async () => {
    // The date stands still (timers still run): the retry is due backoffMs(1) from now, and
    // not yet due at the flush below however slow the machine.
    vi.setSystemTime(Date.now());
    stubService(status(500), status(201));
    const r = await submitReply(SLUG, fields);
    const waiting = await settledReply(r.id, "waiting");
    expect(waiting.tries).toBe(1);
    expect(waiting.error).toBe("the service answered 500");
    expect(waiting.nextAt).toBe(Date.now() + backoffMs(1));
    // Not due yet: a plain flush leaves it alone.
    await flushOutbox();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(WEB_KEYS.outboxPending)).toBe("1");
    await retryNow(r.id);
    await settledReply(r.id, "sent");
    expect(bodies.map((b) => b.clientId)).toEqual([r.id, r.id]);
  });

  it("treats 408 and 429 as failures to retry, not refusals", async () => {
    stubService(status(408), status(429));
    const r = await submitReply(SLUG, fields);
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect((await settledReply(r.id, "waiting")).error).toBe("the service answered 408");
    await retryNow(r.id);
    expect((await settledReply(r.id, "waiting", 2)).error).toBe("the service answered 429");
  });

  it("keeps the reply waiting after a network error", async () => {
    stubService(() => Promise.reject(new TypeError("Failed to fetch")));
    const r = await submitReply(SLUG, fields);
    const waiting = await settledReply(r.id, "waiting");
    expect(waiting.error).toBe("the service could not be reached");
    expect(waiting.fields).toEqual(fields);
  });

  it("does not try while the browser is offline", async () => {
    stubService(status(201));
    vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    const r = await submitReply(SLUG, fields);
    await flushOutbox(true);
    expect(fetch).not.toHaveBeenCalled();
    expect((await stateOf(r.id))?.state).toBe("waiting");
    vi.mocked(Object.getOwnPropertyDescriptor(navigator, "onLine")?.get as () => boolean);
    vi.restoreAllMocks();
    await flushOutbox(true);
    await settledReply(r.id, "sent");
  });

  it("never sends one reply twice at once, and not again once sent", async () => {
    let release!: () => void;
    stubService(
      () =>
        new Promise<Response>(
          (resolve) => (release = () => resolve(new Response(null, { status: 201 }))),
        ),
    );
    const r = await submitReply(SLUG, fields);
    const again = [sendReply(r.id, true), flushOutbox(true), sendReply(r.id, true)];
    await vi.waitFor(() => expect(release).toBeTypeOf("function"));
    release();
    await Promise.all(again);
    await settledReply(r.id, "sent");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("drops sent replies after 30 days", async () => {
    const old = Date.now() - 31 * 24 * 60 * 60 * 1000;
    const record: OutboxRecord = {
      v: 1,
      id: "old-reply",
      slug: SLUG,
      fields,
      state: "sent",
      tries: 1,
      nextAt: old,
      createdAt: old,
      updatedAt: old,
      sentAt: old,
    };
    await saveOutboxRecord(record);
    await saveOutboxRecord({ ...record, id: "new-reply", sentAt: Date.now() });
    await flushOutbox();
    expect(await stateOf("old-reply")).toBeUndefined();
    expect(listOutbox().map((x) => x.id)).toEqual(["new-reply"]);
  });

  it("Edit moves a refused reply's text back into the article's draft", async () => {
    stubService(status(400, "Name is too long"));
    const r = await submitReply(SLUG, fields);
    await settledReply(r.id, "rejected");
    await editReply(r.id);
    expect(await stateOf(r.id)).toBeUndefined();
    expect((await loadDraft(SLUG))?.fields).toEqual(fields);
  });
});

describe("timeouts", () => {
  it("abandons a try after 15 s and keeps the reply waiting", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    stubService(
      () =>
        new Promise<Response>((_, reject) => {
          const init = vi.mocked(fetch).mock.calls.at(-1)![1]!;
          init.signal!.addEventListener("abort", () =>
            reject(new DOMException("aborted", "AbortError")),
          );
        }),
    );
    const r = await submitReply(SLUG, fields);
    // (vi.waitFor would move the fake clock: wait on real ticks instead)
    while (vi.mocked(fetch).mock.calls.length === 0) await new Promise((r) => setImmediate(r));
    expect(await stateOf(r.id)).toMatchObject({ state: "sending", tries: 1 });
    await vi.advanceTimersByTimeAsync(14_999);
    expect(await stateOf(r.id)).toMatchObject({ state: "sending" });
    await vi.advanceTimersByTimeAsync(1);
    const abandonedAt = Date.now();
    let waiting = await stateOf(r.id);
    while (waiting?.state !== "waiting") {
      await new Promise((resolve) => setImmediate(resolve));
      waiting = await stateOf(r.id);
    }
    expect(waiting.error).toBe("no answer within 15 s");
    expect(waiting.nextAt).toBe(abandonedAt + backoffMs(1));
  });

  it("postReply resolves as a retry when the service does not answer in time", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    vi.stubGlobal(
      "fetch",
      (_: string, init: RequestInit) =>
        new Promise((_r, reject) =>
          init.signal!.addEventListener("abort", () => reject(new DOMException("x", "AbortError"))),
        ),
    );
    const outcome = postReply(URL_, {
      v: 1,
      id: "a-reply",
      slug: SLUG,
      fields,
      state: "sending",
      tries: 1,
      nextAt: 0,
      createdAt: 0,
      updatedAt: 0,
    });
    await vi.advanceTimersByTimeAsync(15_000);
    await expect(outcome).resolves.toEqual({ kind: "retry", error: "no answer within 15 s" });
  });
});

describe("backoff", () => {
  it("doubles from 5 s and stops growing at 10 minutes", () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(8)).toBe(600_000);
    expect(backoffMs(50)).toBe(600_000);
  });
});
