// Start-up's roll-back of an import a closed tab left half written. main.tsx loads this module
// only when the localStorage flag says an import may have been cut short, and mounts the app
// (and wakes the outbox) only once it is done: no store, page or send ever reads half an import.
import { recoverImport } from "../storage/import.ts";
import { notify } from "../state/notices.ts";

/**
 * Rolls back an import cut short; resolves to a function that tells the reader, once the app is
 * on screen (a notice added before its live region exists would not be announced).
 * @example const tell = await recoverInterruptedImport(); render(app); tell();
 */
export async function recoverInterruptedImport(): Promise<() => void> {
  if (!(await recoverImport().catch(() => false))) return () => undefined;
  return () =>
    void notify(
      "An import was cut short when a page closed, so none of it was applied. Import the file again.",
      { tone: "error" },
    );
}
