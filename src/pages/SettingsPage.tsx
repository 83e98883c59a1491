import { createResource } from "solid-js";
import { usePageTitle } from "../state/page.ts";
import { storageProblem } from "../state/library.ts";
import { changeSetting, settings } from "../state/settings.ts";
import {
  deleteMyData,
  downloadMyData,
  importMyData,
  previewImport,
  undoMyImport,
} from "../features/your-data/your-data.ts";
import { storageReport } from "../storage/persist.ts";
import { recordProblems } from "../storage/records.ts";
import { YourData } from "../features/your-data/YourData.tsx";
import { ReadingSettings } from "../components/ReadingSettings.tsx";
import { DataActions } from "../features/your-data/DataActions.tsx";
import { KeptOffline } from "../features/your-data/KeptOffline.tsx";
import { keptSummary, removeUnpinned } from "../state/kept-offline.ts";
import { refreshOffline } from "../state/offline.ts";

/** Records (or entries) set aside by the loads so far, all kinds together. */
function skippedRecords(): number {
  return Object.values(recordProblems.skipped).reduce((a, b) => a + (b ?? 0), 0);
}

/** `/settings`: the reader's preferences and their data. */

export default function SettingsPage() {
  const [report, { refetch }] = createResource(storageReport);
  // Null where Cache Storage is missing or refuses: nothing is kept offline there.
  const [kept, { refetch: recount }] = createResource(() => keptSummary().catch(() => null));
  usePageTitle(() => "Settings");
  return (
    <section class="settings">
      <h1>Settings</h1>
      <ReadingSettings settings={settings()} onChange={changeSetting} />
      <YourData report={report()} problem={storageProblem()} skipped={skippedRecords()}>
        <KeptOffline
          summary={kept.loading ? undefined : kept()}
          onRemove={() =>
            // the list's "Available offline" markers follow
            removeUnpinned()
              .finally(() => refreshOffline())
              .finally(() => (recount(), refetch()))
          }
        />
        <DataActions
          onDownload={() => downloadMyData()}
          onPreview={previewImport}
          onApply={(backup) => importMyData(backup).finally(refetch)}
          onUndo={() => undoMyImport().finally(refetch)}
          onDelete={() => deleteMyData().finally(refetch)}
        />
      </YourData>
    </section>
  );
}
