// Start-up's roll-back of an import a closed page left half written (src/storage/import.ts keeps
// its journal). Its own module, loaded only when the import flag is there.
import { recoverImport } from "../storage/import.ts";
import { notify } from "./notices.ts";
import { reloadEverything } from "./yourData.ts";

/** Rolls an interrupted import back, tells the reader, and shows the device as it now is. */
export async function recoverInterruptedImport(): Promise<void> {
  if (await recoverImport().catch(() => false)) {
    notify(
      "An import was cut short when a page closed, so none of it was applied. Import the file again.",
      { tone: "error" },
    );
    await reloadEverything();
  }
}
