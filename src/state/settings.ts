// The reader's reading settings in memory, and on <html> as data attributes that global.css turns
// into custom properties. `public/theme.js` applies the localStorage mirror the same way before the
// first paint; this module takes over once the app runs, follows IndexedDB and other tabs.
import { createSignal } from "solid-js";
import {
  DEFAULT_SETTINGS,
  clearMirror,
  loadSettings,
  readMirror,
  saveSettings,
  writeMirror,
  type Settings,
} from "../storage/settings.ts";
import { announce } from "../storage/sync.ts";
import { RECORD_KEYS } from "../storage/keys.ts";
import { notifyFailure } from "./notices.ts";
import { createSyncedRecords, onDispose } from "./synced-records.ts";

const [settings, setSettingsSignal] = createSignal<Settings>(readMirror() ?? DEFAULT_SETTINGS);

/** The settings in force. */
export { settings };

/**
 * Puts settings on <html>: `data-theme` only when the reader chose light or dark (system follows
 * `prefers-color-scheme`), and the type settings as `data-text-size`, `data-line-width`, `data-font`.
 * `public/theme.js` must do exactly the same.
 */
export function applySettings(s: Settings, root: HTMLElement = document.documentElement): void {
  if (s.theme === "system") root.removeAttribute("data-theme");
  else root.setAttribute("data-theme", s.theme);
  root.setAttribute("data-text-size", s.textSize);
  root.setAttribute("data-line-width", s.lineWidth);
  root.setAttribute("data-font", s.font);
}

function show(s: Settings): void {
  setSettingsSignal(s);
  applySettings(s);
}

/** What the device holds is shown and mirrored for theme.js (the defaults when nothing is). */
function take(stored: Settings | undefined): void {
  const next = stored ?? DEFAULT_SETTINGS;
  show(next);
  writeMirror(next);
}

// One record: the store's records stay unused, its lifecycle drives the signal above. A failed
// load leaves the mirror (or the defaults) in force; the shell says storage is unavailable.
const store = createSyncedRecords<Settings>({
  kind: "settings",
  before: async () => show(settings()),
  loadAll: async () =>
    new Map([[RECORD_KEYS.settings, (await loadSettings()) ?? DEFAULT_SETTINGS]]),
  loadOne: loadSettings,
  show: (all) => take(all.get(RECORD_KEYS.settings)),
  take: (_key, stored) => take(stored),
});
// A new app on this page starts from the defaults again (as a new device does).
onDispose(() => show(DEFAULT_SETTINGS));

/** Applies what is stored (IndexedDB wins over the mirror) and follows other tabs. */
export const startSettings = (): Promise<void> => store.start();

/** The settings a reader chooses (all but the record's version). */
type Choices = Omit<Settings, "v">;

/**
 * Changes one setting: applied at once, kept on the device, rolled back (and said) if refused.
 * @example await changeSetting("theme", "dark");
 */
export async function changeSetting<K extends keyof Choices>(
  name: K,
  value: Choices[K],
): Promise<void> {
  const before = settings();
  const next: Settings = { ...before, [name]: value };
  show(next);
  try {
    await saveSettings(next);
    announce({ kind: "settings", key: RECORD_KEYS.settings, rev: Date.now() });
  } catch (err) {
    show(before);
    writeMirror(before);
    notifyFailure("Saving the setting", err);
  }
}

/** Shows what the device now holds (after an import or after deleting all data). */
export async function reloadSettings(): Promise<void> {
  const stored = await loadSettings().catch(() => undefined);
  const next = stored ?? DEFAULT_SETTINGS;
  show(next);
  if (stored) writeMirror(stored);
  else clearMirror();
}
