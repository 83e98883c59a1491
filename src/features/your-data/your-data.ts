// The reader's own data as a whole: download it as one file, import such a file, delete it all.
// Storage does the work (src/storage/backup.ts); this module saves the file, and afterwards brings
// every in-memory state (reading state, drafts, positions, settings, highlights) in line with the device.
import {
  MAX_IMPORT_BYTES,
  ImportError,
  backupFileName,
  exportData,
  parseBackup,
  tooLarge,
  type Backup,
} from "../../storage/backup.ts";
import { applyImport, planImport, undoImport, type ImportPlan } from "../../storage/import.ts";
import { deleteAllData } from "../../storage/wipe.ts";
import { reloadLibrary } from "../../state/library.ts";
import { reloadDrafts } from "../../state/drafts.ts";
import { reloadPositions } from "../../state/positions.ts";
import { reloadSettings } from "../../state/settings.ts";
import { reloadHighlights } from "../../state/highlights.ts";
import { forgetKeptOffline } from "../../state/kept-offline.ts";
import { refreshOffline } from "../../state/offline.ts";

/**
 * Saves everything the reader keeps on this device as `offprint-data-YYYY-MM-DD.json`.
 * @example await downloadMyData();
 */
export async function downloadMyData(now = new Date()): Promise<string> {
  const text = JSON.stringify(await exportData(now), null, 2);
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = backupFileName(now);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; the URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return link.download;
}

export interface ImportPreview {
  fileName: string;
  backup: Backup;
  plan: Omit<ImportPlan, "writes">;
}

/**
 * Reads and checks a chosen file, and works out what it would add or change. Changes nothing.
 * Throws an ImportError with words for the reader when the file is refused.
 */
export async function previewImport(file: File): Promise<ImportPreview> {
  // Refused before reading a byte of it.
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError(tooLarge());
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new ImportError("This file could not be read.");
  }
  const backup = parseBackup(text);
  const { writes: _, ...plan } = await planImport(backup);
  return { fileName: file.name, backup, plan };
}

/** Brings every in-memory state in line with what the device now holds. */
export async function reloadEverything(): Promise<void> {
  await Promise.allSettled([
    reloadLibrary(),
    reloadDrafts(),
    reloadPositions(),
    reloadSettings(),
    reloadHighlights(),
  ]);
}

/** Applies a previewed import, all or nothing, then shows the result everywhere. */
export async function importMyData(backup: Backup): Promise<ImportPlan> {
  try {
    return await applyImport(backup);
  } finally {
    await reloadEverything();
  }
}

/**
 * Puts back what the last import replaced; resolves to how many records were kept because they
 * changed again after the import.
 */
export async function undoMyImport(): Promise<number> {
  try {
    return await undoImport();
  } finally {
    await reloadEverything();
  }
}

/** Deletes everything Offprint keeps on this device and shows the app as on a new device. */
export async function deleteMyData(): Promise<void> {
  try {
    await Promise.all([deleteAllData(), forgetKeptOffline()]);
  } finally {
    // The list's "Available offline" markers follow the emptied reader cache.
    await Promise.all([reloadEverything(), refreshOffline()]);
  }
}
