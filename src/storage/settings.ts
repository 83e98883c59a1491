// Reading settings: one record, key "reading", in the `offprint-settings` database, and a
// synchronous mirror of it in localStorage that `public/theme.js` applies to <html> before the
// first paint (IndexedDB cannot be read synchronously). IndexedDB is the record; the mirror follows.
import * as v from "valibot";
import { read, write } from "./db.ts";

/** Every storage key this file uses, in one place (`public/theme.js` repeats `mirror`). */
export const SETTINGS_KEYS = {
  /** The one record of the settings database. */
  record: "reading",
  /** localStorage key of the synchronous mirror. */
  mirror: "offprint-settings",
} as const;

export const THEMES = ["system", "light", "dark"] as const;
export const TEXT_SIZES = ["small", "medium", "large", "larger", "largest"] as const;
export const LINE_WIDTHS = ["narrow", "medium", "wide"] as const;
export const FONTS = ["serif", "sans"] as const;

export const Settings = v.object({
  v: v.literal(1),
  theme: v.picklist(THEMES),
  textSize: v.picklist(TEXT_SIZES),
  lineWidth: v.picklist(LINE_WIDTHS),
  font: v.picklist(FONTS),
});
export type Settings = v.InferOutput<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  v: 1,
  theme: "system",
  textSize: "medium",
  lineWidth: "medium",
  font: "serif",
};

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // access itself can throw where storage is blocked
  }
}

/** The settings the mirror holds, or undefined when it is missing or not valid. */
export function readMirror(): Settings | undefined {
  try {
    const raw = storage()?.getItem(SETTINGS_KEYS.mirror);
    if (!raw) return undefined;
    const parsed = v.safeParse(Settings, JSON.parse(raw));
    return parsed.success ? parsed.output : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the mirror synchronously; losing it only costs a flash on the next load. */
export function writeMirror(settings: Settings): void {
  try {
    storage()?.setItem(SETTINGS_KEYS.mirror, JSON.stringify(settings));
  } catch {
    // Storage full or blocked: the settings still apply now and stay in IndexedDB.
  }
}

/** Removes the mirror (deleting all data). */
export function clearMirror(): void {
  try {
    storage()?.removeItem(SETTINGS_KEYS.mirror);
  } catch {
    // Nothing to remove where storage is blocked.
  }
}

/**
 * The stored settings, or undefined when none were chosen (or the record is not valid).
 * @example const settings = (await loadSettings()) ?? DEFAULT_SETTINGS;
 */
export async function loadSettings(): Promise<Settings | undefined> {
  const parsed = v.safeParse(Settings, await read("settings", SETTINGS_KEYS.record));
  return parsed.success ? parsed.output : undefined;
}

/**
 * Keeps the settings: the mirror at once, then IndexedDB; resolves once IndexedDB has them.
 * @example await saveSettings({ ...DEFAULT_SETTINGS, theme: "dark" });
 */
export async function saveSettings(settings: Settings): Promise<void> {
  writeMirror(settings);
  await write("settings", SETTINGS_KEYS.record, settings);
}
