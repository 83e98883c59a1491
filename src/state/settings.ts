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
import { announce, onChange } from "../storage/sync.ts";
import { RECORD_KEYS } from "../storage/keys.ts";
import { notifyFailure } from "./notices.ts";

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

let started: Promise<void> | undefined;

/** Applies what is stored (IndexedDB wins over the mirror) and follows other tabs. */
export function startSettings(): Promise<void> {
  started ??= (async () => {
    show(settings());
    try {
      const stored = (await loadSettings()) ?? DEFAULT_SETTINGS;
      show(stored);
      writeMirror(stored);
    } catch {
      return; // the mirror (or the defaults) stays in force; the shell says storage is unavailable
    }
    onChange(({ kind }) => {
      if (kind !== "settings") return;
      loadSettings().then(
        (s) => {
          const next = s ?? DEFAULT_SETTINGS;
          show(next);
          writeMirror(next);
        },
        () => undefined,
      );
    });
  })();
  return started;
}

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

/** Back to the defaults in memory and on <html> (tests start from a new device). */
export function resetSettingsForTests(): void {
  started = undefined;
  show(DEFAULT_SETTINGS);
}
