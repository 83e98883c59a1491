import { Show, type JSX } from "solid-js";
import type { StorageReport } from "../../storage/persist.ts";

/** A size in bytes as people read it: "512 bytes", "12.3 KB", "3.4 MB". */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Whether the browser keeps our data for good, how much room it takes, and what to do with it. */
export function YourData(props: {
  report?: StorageReport;
  problem?: string;
  /** How many stored records could not be read (corrupt or foreign) and were skipped. */
  skipped?: number;
  children?: JSX.Element;
}) {
  return (
    <section class="your-data" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p>Your read marks, bookmarks and drafts are kept on this device only.</p>
      <Show when={props.skipped}>
        {(n) => (
          <p class="skipped" role="status">
            {n() === 1 ? "1 stored record" : `${n()} stored records`} could not be read (damaged or
            from another app) and {n() === 1 ? "was" : "were"} skipped; everything else loaded.
          </p>
        )}
      </Show>
      <Show when={!props.problem} fallback={<p>This browser cannot keep them: {props.problem}</p>}>
        <Show when={props.report} fallback={<p>Checking storage…</p>}>
          {(r) => (
            <dl>
              <dt>Persistent storage</dt>
              <dd>
                {r().persistent === undefined
                  ? "Not reported by this browser"
                  : r().persistent
                    ? "Yes: the browser will not clear it to free space"
                    : "Not yet: the browser may clear it when space runs low. Saving a bookmark asks for it."}
              </dd>
              <dt>Space used</dt>
              <dd>
                {r().usage === undefined
                  ? "Not reported by this browser"
                  : `${size(r().usage ?? 0)}${r().quota ? ` of ${size(r().quota ?? 0)} available` : ""}`}
              </dd>
            </dl>
          )}
        </Show>
      </Show>
      {props.children}
    </section>
  );
}
