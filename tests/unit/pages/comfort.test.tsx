import { WEB_KEYS } from "../../../src/storage/keys.ts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanup, fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import userEvent from "@testing-library/user-event";
import { renderApp } from "../render-app.tsx";
import { freshDevice } from "../fresh-device.ts";
import { deviceState, usedDevice } from "../device-state.ts";
import { applySettings, startSettings } from "../../../src/state/settings.ts";
import {
  DEFAULT_SETTINGS,
  loadSettings,
  saveSettings,
  type Settings,
} from "../../../src/storage/settings.ts";
import { exportData } from "../../../src/storage/backup.ts";
import { loadPositions, savePosition } from "../../../src/storage/positions.ts";
import { loadBookmarks, saveBookmark } from "../../../src/storage/bookmarks.ts";
import { disposeStores } from "../../../src/state/synced-records.ts";

const SPACE = "US, Russia To Hold Space Security Talks";
const SPACE_SLUG = "us-russia-space-security-talks";
const html = document.documentElement;
const THEME_JS = readFileSync(path.resolve(process.cwd(), "public/theme.js"), "utf8");

function resetHtml(): void {
  for (const a of ["data-theme", "data-text-size", "data-line-width", "data-font"])
    html.removeAttribute(a);
}

beforeEach(async () => {
  await freshDevice();
  disposeStores();
  resetHtml();
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function radio(group: string, name: string): HTMLInputElement {
  return within(screen.getByRole("group", { name: group })).getByRole("radio", {
    name,
  }) as HTMLInputElement;
}

describe("reading settings", () => {
  it("offers theme, text size, line width and font as labelled radio groups", async () => {
    await renderApp("/settings");
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    expect(within(screen.getByRole("group", { name: "Theme" })).getAllByRole("radio")).toHaveLength(
      3,
    );
    expect(
      within(screen.getByRole("group", { name: "Text size" })).getAllByRole("radio").length,
    ).toBeGreaterThanOrEqual(4);
    expect(
      within(screen.getByRole("group", { name: "Line width" })).getAllByRole("radio"),
    ).toHaveLength(3);
    expect(within(screen.getByRole("group", { name: "Font" })).getAllByRole("radio")).toHaveLength(
      2,
    );
    expect(radio("Theme", "Same as this device")).toBeChecked();
  });

  it("applies each choice to the page at once and keeps it on the device and in the mirror", async () => {
    const user = userEvent.setup();
    await renderApp("/settings");
    await screen.findByRole("heading", { level: 1, name: "Settings" });
    await user.click(radio("Theme", "Dark"));
    await user.click(radio("Text size", "Largest"));
    await user.click(radio("Line width", "Narrow"));
    await user.click(radio("Font", "Sans-serif"));
    expect(html).toHaveAttribute("data-theme", "dark");
    expect(html).toHaveAttribute("data-text-size", "largest");
    expect(html).toHaveAttribute("data-line-width", "narrow");
    expect(html).toHaveAttribute("data-font", "sans");
    const chosen: Settings = {
      v: 1,
      theme: "dark",
      textSize: "largest",
      lineWidth: "narrow",
      font: "sans",
    };
    await waitFor(async () => expect(await loadSettings()).toEqual(chosen));
    expect(JSON.parse(localStorage.getItem(WEB_KEYS.settingsMirror) ?? "null")).toEqual(chosen);

    await user.click(radio("Theme", "Same as this device"));
    expect(html).not.toHaveAttribute("data-theme");
    await waitFor(async () => expect((await loadSettings())?.theme).toBe("system"));
  });

  it("comes back after a restart from IndexedDB, even when the mirror was lost", async () => {
    const kept: Settings = {
      v: 1,
      theme: "light",
      textSize: "small",
      lineWidth: "wide",
      font: "sans",
    };
    await saveSettings(kept);
    localStorage.clear();
    disposeStores();
    resetHtml();
    await startSettings();
    expect(html).toHaveAttribute("data-theme", "light");
    expect(html).toHaveAttribute("data-line-width", "wide");
    expect(JSON.parse(localStorage.getItem(WEB_KEYS.settingsMirror) ?? "null")).toEqual(kept);
  });

  it("public/theme.js puts the mirrored settings on <html> exactly as the app does", () => {
    const choices: Settings[] = [
      { v: 1, theme: "dark", textSize: "larger", lineWidth: "wide", font: "sans" },
      { v: 1, theme: "system", textSize: "small", lineWidth: "narrow", font: "serif" },
      DEFAULT_SETTINGS,
    ];
    for (const s of choices) {
      const expected = document.createElement("html");
      applySettings(s, expected);
      resetHtml();
      localStorage.setItem(WEB_KEYS.settingsMirror, JSON.stringify(s));
      new Function(THEME_JS)();
      for (const a of ["data-theme", "data-text-size", "data-line-width", "data-font"]) {
        expect(html.getAttribute(a), a).toBe(expected.getAttribute(a));
      }
    }
  });

  it("public/theme.js ignores a mirror that is missing, broken or holds unknown values", () => {
    for (const raw of [
      null,
      "{",
      '{"v":1,"theme":"neon","textSize":"small","lineWidth":"wide","font":"sans"}',
      '"dark"',
    ]) {
      resetHtml();
      if (raw === null) localStorage.removeItem(WEB_KEYS.settingsMirror);
      else localStorage.setItem(WEB_KEYS.settingsMirror, raw);
      expect(() => new Function(THEME_JS)()).not.toThrow();
      expect(html.getAttributeNames().filter((a) => a.startsWith("data-"))).toEqual([]);
    }
  });
});

describe("resume where you left off", () => {
  it("lists started, unfinished articles under Continue reading on the unfiltered front page only", async () => {
    await savePosition(SPACE_SLUG, { v: 1, progress: 0.4, updatedAt: 2 });
    await savePosition("nope-not-in-the-edition", { v: 1, progress: 0.4, updatedAt: 3 });
    const { edition } = await renderApp("/");
    await screen.findByRole("heading", { level: 2, name: SPACE });
    const finished = edition.index.articles.find((a) => a.slug !== SPACE_SLUG);
    const section = await screen.findByRole("region", { name: "Continue reading" });
    expect(within(section).getByRole("link", { name: SPACE })).toHaveAttribute(
      "href",
      `/articles/${SPACE_SLUG}`,
    );
    expect(within(section).getByText("40% read")).toBeInTheDocument();
    expect(within(section).getAllByRole("link")).toHaveLength(1);
    cleanup();

    if (finished) await savePosition(finished.slug, { v: 1, progress: 0.95, updatedAt: 4 });
    await renderApp("/?filter=unread");
    await screen.findByRole("list", { name: "Latest articles" });
    expect(screen.queryByRole("region", { name: "Continue reading" })).toBeNull();
  });

  it("keeps the list and the focused card in place when Continue reading comes in after the list", async () => {
    const user = userEvent.setup();
    const { edition } = await renderApp("/");
    const first = edition.index.articles[0].title;
    await screen.findByRole("heading", { level: 2, name: first });
    await user.keyboard("j");
    const link = screen.getByRole("link", { name: first });
    await waitFor(() => expect(link).toHaveFocus());
    // Another tab reads an article: this list learns of it once the list is already drawn.
    await savePosition(SPACE_SLUG, { v: 1, progress: 0.4, updatedAt: 2 });
    const channel = new BroadcastChannel("offprint");
    channel.postMessage({ kind: "positions", key: SPACE_SLUG, rev: 1 });
    channel.close();
    const section = await screen.findByRole("region", { name: "Continue reading" });
    expect(within(section).getByText("40% read")).toBeInTheDocument();
    expect(link).toBeInTheDocument();
    expect(link).toHaveFocus();
  });

  it("keeps the position while reading and returns there when the article opens again", async () => {
    const scrollTo = vi.mocked(window.scrollTo);
    let y = 0;
    vi.spyOn(window, "scrollY", "get").mockImplementation(() => y);
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (
      this: HTMLElement,
    ) {
      const bottom = this.classList.contains("prose") ? 5000 - y : 0;
      return {
        top: 0,
        bottom,
        left: 0,
        right: 0,
        width: 0,
        height: bottom,
        x: 0,
        y: 0,
        toJSON() {},
      };
    });
    await renderApp(`/articles/${SPACE_SLUG}`);
    const bar = await screen.findByRole("progressbar", { name: "Reading progress" });
    await screen.findByText((_, el) => el?.classList.contains("prose") ?? false);
    const end = 5000 - window.innerHeight;
    y = Math.round(end * 0.3);
    fireEvent.scroll(window);
    await waitFor(() => expect(bar).toHaveAttribute("value", "30"));
    window.dispatchEvent(new Event("pagehide"));
    await waitFor(async () =>
      expect((await loadPositions()).get(SPACE_SLUG)?.progress).toBeCloseTo(0.3, 2),
    );
    cleanup();

    y = 0;
    scrollTo.mockClear();
    await renderApp(`/articles/${SPACE_SLUG}`);
    await waitFor(() => expect(scrollTo).toHaveBeenCalledWith(0, Math.round(end * 0.3)));
  });
});

/** The text of every alert on the page (the notices region is one, often empty). */
const alerts = () =>
  screen
    .queryAllByRole("alert")
    .map((a) => a.textContent)
    .join(" | ");

describe("your data", () => {
  async function upload(text: string, name = "offprint-data-2026-03-04.json") {
    const user = userEvent.setup();
    const input = await screen.findByLabelText("Import");
    await user.upload(input, new File([text], name, { type: "application/json" }));
    return user;
  }

  it("previews an import with counts per kind, and Apply brings it into the open app", async () => {
    await usedDevice();
    const text = JSON.stringify(await exportData());
    await freshDevice();
    disposeStores();
    await renderApp("/settings");
    const user = await upload(text);
    const preview = await screen.findByRole("group", {
      name: /Import “offprint-data-2026-03-04.json”\?/,
    });
    expect(within(preview).getByText("Bookmarks: 2 new")).toBeInTheDocument();
    expect(within(preview).getByText("Read marks: 2 new")).toBeInTheDocument();
    expect(within(preview).getByText("Drafts: 1 new")).toBeInTheDocument();
    expect(within(preview).getByText("Reading settings: 1 new")).toBeInTheDocument();
    expect((await loadBookmarks()).size).toBe(0); // nothing written before Apply
    await user.click(within(preview).getByRole("button", { name: "Apply import" }));
    expect(
      await screen.findByText("Imported “offprint-data-2026-03-04.json”."),
    ).toBeInTheDocument();
    expect((await loadBookmarks()).size).toBe(2);
    expect(html).toHaveAttribute("data-theme", "dark");
    expect(radio("Theme", "Dark")).toBeChecked();
    await user.click(screen.getByRole("link", { name: "Saved" }));
    expect(await screen.findByRole("heading", { level: 2, name: SPACE })).toBeInTheDocument();
  });

  it("Cancel leaves the device as it was", async () => {
    await usedDevice();
    const text = JSON.stringify(await exportData());
    await freshDevice();
    await renderApp("/settings");
    const before = await deviceState();
    const user = await upload(text);
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("button", { name: "Apply import" })).toBeNull();
    expect(await deviceState()).toEqual(before);
  });

  it("says clearly why a bad file was refused, and changes nothing", async () => {
    await saveBookmark(SPACE_SLUG, 1);
    await renderApp("/settings");
    const before = await deviceState();
    await upload('{"app":"offprint","schemaVersion":1,"__proto__":{"polluted":true}}');
    await waitFor(() => expect(alerts()).toMatch(/key named “__proto__”/));
    expect(screen.queryByRole("button", { name: "Apply import" })).toBeNull();
    await upload("not json at all");
    await waitFor(() => expect(alerts()).toMatch(/not valid JSON/));
    expect(await deviceState()).toEqual(before);
    expect({}).not.toHaveProperty("polluted");
  });

  it("refuses a file over 5 MB without reading it", async () => {
    await renderApp("/settings");
    const big = new File(["x"], "big.json");
    Object.defineProperty(big, "size", { value: 5 * 1024 * 1024 + 1 });
    const text = vi.spyOn(big, "text");
    const user = userEvent.setup();
    await user.upload(await screen.findByLabelText("Import"), big);
    await waitFor(() => expect(alerts()).toMatch(/larger than 5 MB/));
    expect(text).not.toHaveBeenCalled();
  });

  it("asks before deleting everything, then leaves the device and the open app empty", async () => {
    const user = userEvent.setup();
    await usedDevice();
    localStorage.setItem(WEB_KEYS.settingsMirror, JSON.stringify(await loadSettings()));
    await renderApp("/settings");
    await startSettings();
    await waitFor(() => expect(html).toHaveAttribute("data-theme", "dark"));

    await user.click(await screen.findByRole("button", { name: "Delete all my data" }));
    const ask = screen.getByRole("group", { name: /Delete everything Offprint keeps/ });
    expect(within(ask).getByRole("button", { name: "Keep my data" })).toHaveFocus();
    await user.click(within(ask).getByRole("button", { name: "Keep my data" }));
    expect((await loadBookmarks()).size).toBe(2);

    await user.click(screen.getByRole("button", { name: "Delete all my data" }));
    await user.click(screen.getByRole("button", { name: "Delete everything" }));
    expect(
      await screen.findByText("All your data was deleted from this device."),
    ).toBeInTheDocument();
    for (const [kind, records] of Object.entries(await deviceState()))
      expect(records, kind).toEqual({});
    expect(localStorage.getItem(WEB_KEYS.settingsMirror)).toBeNull();
    expect(html).not.toHaveAttribute("data-theme");
    expect(radio("Theme", "Same as this device")).toBeChecked();
    await user.click(screen.getByRole("link", { name: "Saved" }));
    expect(await screen.findByText(/No saved articles yet/)).toBeInTheDocument();
  });
});
