// Import is all or nothing in a real browser: the page is closed at each of the import's
// IndexedDB writes in turn, and the device is then found either as it was before the import or
// as a whole import leaves it, never a mix of the two.
import { isDeepStrictEqual } from "node:util";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test, expect, watchContext, type Problems } from "./fixtures.ts";
import { figure } from "./figures.ts";

// Every cut is a fresh context; a service worker installing in each would only add noise.
test.use({ serviceWorkers: "block" });

const TRAINS = "night-trains-return-to-europe";
const FOG = "field-notes-on-coastal-fog";
const CROWS = "field-guide-to-urban-crows";
const REPLY = "3b1f7c0e-6a0d-4c5e-9f4e-2d7a1c9b8e01";
const SENT = "9e2d4b6a-1c3f-4e5d-8a7b-0f1e2d3c4b5a";
/** `npm run test:stress` (CI too) also cuts after every write, not only after the last. */
const STRESS = Number(process.env.OFFPRINT_STORM_ROUNDS ?? 0) >= 500;

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** What a reader keeps on a device: every record of every offprint-* database but the import
 *  journal (empty databases left out: reading a kind creates its database), and every offprint
 *  Web Storage key but the import's flag. */
interface DeviceState {
  databases: Record<string, Record<string, unknown>>;
  webStorage: Record<string, string>;
}

/** A backup of another device, with something new for every kind an import writes. */
function backupFile(now: number): Buffer {
  const fields = (comment: string) => ({
    comment,
    name: "Ines",
    email: "ines@example.org",
    website: "",
  });
  const backup = {
    app: "offprint",
    schemaVersion: 2,
    exportedAt: new Date(now).toISOString(),
    settings: { v: 1, theme: "dark", textSize: "large", lineWidth: "narrow", font: "sans" },
    bookmarks: {
      [TRAINS]: { v: 2, slug: TRAINS, savedAt: now - 9000 },
      [CROWS]: { v: 2, slug: CROWS, savedAt: now - 9000 },
    },
    reads: { [FOG]: now - 8000, [CROWS]: now - 7000 },
    drafts: {
      // Newer than the device's draft: it goes in, and the device's text is kept as a version.
      [TRAINS]: {
        v: 2,
        rev: 1,
        fields: fields("Written later, on the other device."),
        updatedAt: now + 60_000,
      },
      [FOG]: { v: 2, rev: 4, fields: fields("A draft only the file has."), updatedAt: now - 6000 },
    },
    outbox: {
      [REPLY]: {
        v: 1,
        id: REPLY,
        slug: FOG,
        fields: fields("A reply waiting to be sent."),
        state: "waiting",
        tries: 0,
        nextAt: now - 5000,
        createdAt: now - 5000,
        updatedAt: now - 5000,
      },
    },
    positions: { [CROWS]: { v: 1, progress: 0.5, updatedAt: now - 4000 } },
    identity: { v: 1, name: "Ines", email: "ines@example.org", website: "" },
    sent: { [SENT]: now - 3000 },
    versions: {
      [`${FOG}:older-1`]: {
        v: 1,
        id: `${FOG}:older-1`,
        slug: FOG,
        fields: fields("An older text of the fog draft."),
        savedAt: now - 10_000,
        reason: "conflict",
      },
    },
  };
  return Buffer.from(JSON.stringify(backup));
}

/** Where a cut falls: as the k-th write begins (it never commits), or once it has committed. */
type When = "before" | "after";

/**
 * Counts the readwrite transactions on offprint-* databases once the test arms it and tells the
 * test of each (the `__importWrite` binding). The `at`-th is where the page is closed, and the
 * page is kept from going past it until it is gone (closing takes longer than a whole import):
 * "before", a chain of reads keeps that transaction from committing; "after", it commits and its
 * `complete` event is kept from the import, which so waits for it for ever.
 */
function countWrites(): void {
  interface Cut {
    at: number;
    when: When;
    count: number;
  }
  const w = window as unknown as {
    __importCut?: Cut;
    __importWrite?: (n: number, db: string) => Promise<void>;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    ...args: Parameters<typeof transaction>
  ) {
    const tx = transaction.apply(this, args);
    const cut = w.__importCut;
    if (!cut || args[1] !== "readwrite" || !this.name.startsWith("offprint-")) return tx;
    const n = ++cut.count;
    const tell = () => void w.__importWrite?.(n, this.name);
    if (n !== cut.at) tell();
    else if (cut.when === "before") {
      tell();
      const store = tx.objectStore(tx.objectStoreNames[0]);
      const again = () => {
        store.get("").onsuccess = again;
      };
      again();
    } else {
      // Listening before the import does, this listener is the first to hear it.
      tx.addEventListener("complete", (e) => {
        e.stopImmediatePropagation();
        tell();
      });
    }
    return tx;
  } as typeof transaction;
}

/** Reads the whole device in the page: every database with a cursor, and Web Storage. */
async function readDevice(page: Page): Promise<DeviceState> {
  const state = await page.evaluate(async () => {
    const databases: Record<string, Record<string, unknown>> = {};
    const names = (await indexedDB.databases()).map((d) => d.name ?? "");
    for (const name of names.filter((n) => n.startsWith("offprint-")).sort()) {
      if (name === "offprint-journal") continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const records: Record<string, unknown> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        await new Promise<void>((resolve, reject) => {
          const cursor = db.transaction(store).objectStore(store).openCursor();
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return resolve();
            records[`${store}/${String(at.key)}`] = at.value;
            at.continue();
          };
        });
      }
      db.close();
      if (Object.keys(records).length > 0) databases[name] = records;
    }
    const webStorage: Record<string, string> = {};
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith("offprint") && key !== "offprint-import-pending") {
        webStorage[key] = localStorage.getItem(key) ?? "";
      }
    }
    return { databases, webStorage };
  });
  // A version an import keeps is named by the time of that import: the same in every run but that.
  const versions = state.databases["offprint-versions"];
  if (versions) {
    state.databases["offprint-versions"] = Object.fromEntries(
      Object.entries(versions).map(([key, value]) => {
        const named = (id: string) => id.replace(/:[0-9a-z]+-i([0-9a-z]+)$/, ":<import>-i$1");
        const version = value as { id: string };
        return [named(key), { ...version, id: named(version.id) }];
      }),
    );
  }
  return state;
}

/** Opens Settings and waits until the app is up and any import cut short is dealt with. */
async function openSettings(page: Page): Promise<void> {
  await page.goto("/settings");
  await expect(page.getByRole("region", { name: "Your data" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("offprint-import-pending")))
    .toBeNull();
}

/** Chooses the file and waits for its preview. */
async function chooseFile(page: Page, file: Buffer): Promise<void> {
  const data = page.getByRole("region", { name: "Your data" });
  await data.getByLabel("Import").setInputFiles({
    name: "other-device.json",
    mimeType: "application/json",
    buffer: file,
  });
  await expect(data.getByRole("button", { name: "Apply import" })).toBeVisible();
}

const arm = (page: Page, at: number, when: When) =>
  page.evaluate(
    ([at, when]) => {
      (window as unknown as { __importCut: unknown }).__importCut = { at, when, count: 0 };
    },
    [at, when] as const,
  );

/** A context holding the prepared device, every page watched, its writes counted. */
async function device(
  browser: Browser,
  prepared: StorageState,
  problems: Problems,
  onWrite: (page: Page, n: number, db: string) => Promise<void>,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    serviceWorkers: "block",
    storageState: prepared,
  });
  await watchContext(context, problems);
  await context.addInitScript(countWrites);
  await context.exposeBinding("__importWrite", ({ page }, n: number, db: string) =>
    onWrite(page, n, db),
  );
  return context;
}

/** Where a state stands: the keys that are neither as before nor as after the import. */
function mixed(state: DeviceState, before: DeviceState, after: DeviceState): string[] {
  const keys = new Set<string>();
  const flat = (s: DeviceState) =>
    new Map([
      ...Object.entries(s.databases).flatMap(([db, records]) =>
        Object.entries(records).map(([key, value]) => [`${db}/${key}`, value] as const),
      ),
      ...Object.entries(s.webStorage).map(
        ([key, value]) => [`localStorage/${key}`, value] as const,
      ),
    ]);
  const [now, was, will] = [flat(state), flat(before), flat(after)];
  for (const key of new Set([...now.keys(), ...was.keys(), ...will.keys()])) {
    if (!isDeepStrictEqual(now.get(key), was.get(key))) keys.add(`${key} (not as before)`);
    if (!isDeepStrictEqual(now.get(key), will.get(key))) keys.add(`${key} (not as after)`);
  }
  return [...keys];
}

test("closing the page in the middle of an import applies all of it or none @reliability", async ({
  browser,
  context,
  page,
  problems,
}) => {
  test.setTimeout(STRESS ? 600_000 : 300_000);
  // The device: a bookmark and a draft of its own.
  await page.goto(`/articles/${TRAINS}`);
  const bookmark = page.getByRole("button", { name: "Bookmark", exact: true });
  await bookmark.click();
  await expect(bookmark).toHaveAttribute("aria-pressed", "true");
  await page.getByLabel("Comment *").fill("My own words, typed on this device.");
  await expect(page.getByText(/^Draft saved/)).toBeVisible();
  // The place the article kept as it went goes in when the list starts, not in some later step.
  await page.goto("/");
  await expect(page.getByRole("list", { name: "Latest articles" })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("offprint-position-pending")))
    .toBeNull();
  await openSettings(page);
  const prepared = await context.storageState({ indexedDB: true });
  await page.close();
  const file = backupFile(Date.now());

  // The device before the import and after a whole one, each read as after a cut: on a page
  // opened afterwards. The whole import also counts its writes.
  const writes: string[] = [];
  const whole = await device(browser, prepared, problems, async (_, n, db) => {
    writes[n - 1] = db;
  });
  const first = await whole.newPage();
  await openSettings(first);
  const before = await readDevice(first);
  await chooseFile(first, file);
  await arm(first, 0, "after"); // count only: no write is the 0th
  await first.getByRole("button", { name: "Apply import" }).click();
  await expect(first.getByText("Imported “other-device.json”.")).toBeVisible();
  await first.close();
  const reopened = await whole.newPage();
  await openSettings(reopened);
  await expect(reopened.locator("html")).toHaveAttribute("data-theme", "dark"); // mirrored too
  const after = await readDevice(reopened);
  await whole.close();

  const N = writes.length;
  console.log(`The import makes ${N} readwrite transactions: ${writes.join(", ")}`);
  expect(writes[0]).toBe("offprint-journal");
  expect(writes[N - 1]).toBe("offprint-journal");
  expect(Object.keys(after.databases).sort()).toEqual(
    [
      "bookmarks",
      "drafts",
      "identity",
      "outbox",
      "positions",
      "reads",
      "sent",
      "settings",
      "versions",
    ].map((kind) => `offprint-${kind}`),
  );
  expect(after).not.toEqual(before);

  // Each cut: the page closed as the k-th write begins, or once it has committed. Only a cut after
  // the last write (the journal marked applied) leaves the import; from the journal written on,
  // the next start undoes it and says so. A cut after write k differs from one before write k + 1
  // only by what runs between them (no write, a flag at most): `npm test` cuts before every write
  // and after the last, the stress run after every write too.
  const cuts = [
    ...Array.from({ length: N }, (_, i) => ["before", i + 1] as const),
    ...Array.from({ length: N }, (_, i) => ["after", i + 1] as const).filter(
      ([, k]) => STRESS || k === N,
    ),
  ];
  let interrupted = 0;
  const halves: string[] = [];
  for (const [when, k] of cuts) {
    const cut = `${when} write ${k} of ${N} (${writes[k - 1]})`;
    let closed!: (db: string) => void;
    const gone = new Promise<string>((resolve) => (closed = resolve));
    const ctx = await device(browser, prepared, problems, async (at, n, db) => {
      if (n !== k) return;
      await at.close({ runBeforeUnload: false });
      closed(db);
    });
    const importing = await ctx.newPage();
    await openSettings(importing);
    await chooseFile(importing, file);
    await arm(importing, k, when);
    await importing.getByRole("button", { name: "Apply import" }).click();
    expect(await gone, cut).toBe(writes[k - 1]);
    interrupted++;

    const next = await ctx.newPage();
    await openSettings(next);
    // The device settles (the app's own start-up writes, such as the settings mirror) into one
    // of the two states, or stays a mix.
    let state = await readDevice(next);
    const which = (s: DeviceState) =>
      isDeepStrictEqual(s, before) ? "none" : isDeepStrictEqual(s, after) ? "all" : "half";
    await expect
      .poll(async () => which((state = await readDevice(next))), { timeout: 5000 })
      .not.toBe("half")
      .catch(() => undefined); // counted below
    console.log(`${cut}: ${which(state)} of the import applied`);
    if (which(state) === "half") {
      halves.push(`${cut}: ${mixed(state, before, after).join(", ")}`);
      await ctx.close();
      continue;
    }
    expect(which(state), cut).toBe(when === "after" && k === N ? "all" : "none");
    const notice = next.getByText(/^An import was cut short when a page closed/);
    if (when === "before" ? k > 1 : k < N) await expect(notice, cut).toBeVisible();
    else await expect(notice, cut).toHaveCount(0);
    await ctx.close();
  }
  figure(test.info(), "imports interrupted", interrupted);
  figure(test.info(), "imports applied half", halves.length);
  expect(halves).toEqual([]);
});
