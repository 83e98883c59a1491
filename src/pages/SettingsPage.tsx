import { createResource, onMount } from "solid-js";
import { pageShown } from "../app/page.ts";
import { storageProblem } from "../app/library.ts";
import { storageReport } from "../storage/persist.ts";
import { YourData } from "../components/YourData.tsx";

/** `/settings`: the reader's preferences and their data. */
export default function SettingsPage() {
  const [report] = createResource(storageReport);
  onMount(() => pageShown("Settings"));
  return (
    <section class="settings">
      <h1>Settings</h1>
      <YourData report={report()} problem={storageProblem()} />
    </section>
  );
}
