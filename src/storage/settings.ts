// Reading settings: one record, key "reading", in the `offprint-settings` database, and a
// synchronous mirror of it in localStorage that `public/theme.js` applies to <html> before the
// first paint (IndexedDB cannot be read synchronously). IndexedDB is the record; the mirror follows.
import * as v from "valibot";
import { RECORD_KEYS, WEB_KEYS } from "./keys.ts";
import { loadOne, update, firstVersion } from "./records.ts";

export const THEMES = ["system", "light", "dark"] as const;
export const TEXT_SIZES = ["small", "medium", "large", "larger", "largest"] as const;
export const LINE_WIDTHS = ["narrow", "medium", "wide"] as const;
export const FONTS = ["serif", "sans"] as const;

const SettingsV1 = v.object({
  v: v.literal(1),
  theme: v.picklist(THEMES),
  textSize: v.picklist(TEXT_SIZES),
  lineWidth: v.picklist(LINE_WIDTHS),
  font: v.picklist(FONTS),
});
export type Settings = v.InferOutput<typeof SettingsV1>;
/** The settings as stored and as mirrored (the mirror holds the current version only). */
export const Settings = SettingsV1;

export const SettingsAdapter = firstVersion<Settings>(
  "settings",
  SettingsV1,
  (key) => key === RECORD_KEYS.settings,
);

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
    const raw = storage()?.getItem(WEB_KEYS.settingsMirror);
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
    storage()?.setItem(WEB_KEYS.settingsMirror, JSON.stringify(settings));
  } catch {
    // Storage full or blocked: the settings still apply now and stay in IndexedDB.
  }
}

/** Removes the mirror (deleting all data). */
export function clearMirror(): void {
  try {
    storage()?.removeItem(WEB_KEYS.settingsMirror);
  } catch {
    // Nothing to remove where storage is blocked.
  }
}

/**
 * The stored settings, or undefined when none were chosen (or the record is not valid).
 * @example const settings = (await loadSettings()) ?? DEFAULT_SETTINGS;
 */
export function loadSettings(): Promise<Settings | undefined> {
  return loadOne(SettingsAdapter, RECORD_KEYS.settings);
}

/**
 * Keeps the settings: the mirror at once, then IndexedDB; resolves once IndexedDB has them.
 * @example await saveSettings({ ...DEFAULT_SETTINGS, theme: "dark" });
 */
export async function saveSettings(settings: Settings): Promise<void> {
  writeMirror(settings);
  await update(SettingsAdapter, RECORD_KEYS.settings, () => settings);
}
