import { createSignal, For, Show } from "solid-js";
import type { Backup, BackupKind } from "../../storage/backup.ts";
import type { DraftChange, ImportCounts, ImportPlan } from "../../storage/import.ts";
import { formatDay, formatTime } from "../../catalog/format.ts";
import "./DataActions.css";

const KIND_LABELS: Record<BackupKind, string> = {
  bookmarks: "Bookmarks",
  reads: "Read marks",
  drafts: "Drafts",
  outbox: "Replies waiting to be sent",
  positions: "Reading positions",
  identity: "Remembered name and email",
  settings: "Reading settings",
  versions: "Other versions of drafts",
  highlights: "Highlights",
};

export interface Preview {
  fileName: string;
  backup: Backup;
  plan: Omit<ImportPlan, "writes">;
}

const at = (t: number) => `${formatDay(t)} ${formatTime(t)}`;

/** One line per draft the import touches, with both dates where there are two. */
function draftLine(d: DraftChange): string {
  if (d.outcome === "added") return `Draft for “${d.slug}”: added (from ${at(d.fileAt)})`;
  if (d.outcome === "replaced")
    return `Draft for “${d.slug}”: the file’s text (${at(d.fileAt)}) replaces yours (${at(d.deviceAt ?? 0)}), which is kept as another version`;
  return `Draft for “${d.slug}”: kept yours, newer (${at(d.deviceAt ?? 0)}); the file’s (${at(d.fileAt)}) is kept as another version`;
}

/** One line per kind the import would touch: "Bookmarks: 3 new, 1 changed". */
function summary(counts: ImportCounts): string[] {
  return (Object.keys(KIND_LABELS) as BackupKind[]).flatMap((kind) => {
    const { add, change } = counts[kind];
    const parts = [add ? `${add} new` : "", change ? `${change} changed` : ""].filter(Boolean);
    return parts.length ? [`${KIND_LABELS[kind]}: ${parts.join(", ")}`] : [];
  });
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Download, import (preview, then apply or cancel) and delete-with-confirmation of the reader's data. */
export function DataActions(props: {
  onDownload: () => Promise<unknown>;
  onPreview: (file: File) => Promise<Preview>;
  onApply: (backup: Backup) => Promise<unknown>;
  onUndo: () => Promise<number>;
  onDelete: () => Promise<unknown>;
}) {
  const [undoable, setUndoable] = createSignal<string>();
  const [preview, setPreview] = createSignal<Preview>();
  const [error, setError] = createSignal<string>();
  const [status, setStatus] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  let keepButton: HTMLButtonElement | undefined;
  let deleteButton: HTMLButtonElement | undefined;

  const act = async (what: () => Promise<string>) => {
    setBusy(true);
    setError(undefined);
    setStatus("");
    try {
      setStatus(await what());
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ""; // choosing the same file again must work too
    setPreview(undefined);
    // eslint-disable-next-line solid/reactivity -- read when the file is chosen, not tracked
    if (file) void act(async () => (setPreview(await props.onPreview(file)), ""));
  };

  const apply = (p: Preview) =>
    // eslint-disable-next-line solid/reactivity -- runs on the click, not tracked
    act(async () => {
      await props.onApply(p.backup);
      setPreview(undefined);
      setUndoable(p.fileName);
      return `Imported “${p.fileName}”.`;
    });

  const undo = () =>
    // eslint-disable-next-line solid/reactivity -- runs on the click, not tracked
    act(async () => {
      const kept = await props.onUndo();
      setUndoable(undefined);
      return kept === 0
        ? "The import was undone: everything is as it was before it."
        : `The import was undone, except ${kept} ${kept === 1 ? "record" : "records"} changed since, which ${kept === 1 ? "was" : "were"} kept.`;
    });

  const askDelete = () => {
    setConfirming(true);
    keepButton?.focus();
  };
  const cancelDelete = () => {
    setConfirming(false);
    deleteButton?.focus();
  };

  return (
    <div class="data-actions">
      <div class="data-action">
        <button
          type="button"
          disabled={busy()}
          // eslint-disable-next-line solid/reactivity -- runs on the click, not tracked
          onClick={() => act(async () => `Downloading ${String(await props.onDownload())}.`)}
        >
          Download my data
        </button>
        <p>
          One JSON file with your bookmarks, read marks, drafts, replies waiting to be sent, reading
          positions and settings.
        </p>
      </div>

      <div class="data-action">
        <label class="file-label" for="import-file">
          Import
        </label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          disabled={busy()}
          aria-describedby="import-help"
          onChange={(e) => choose(e.currentTarget)}
        />
        <p id="import-help">
          A file saved with “Download my data” (at most 5 MB). You see what it adds or changes
          before anything is written.
        </p>
      </div>

      <Show when={preview()}>
        {(p) => (
          <div
            class="panel decision import-preview"
            role="group"
            aria-labelledby="import-preview-heading"
          >
            <h3 id="import-preview-heading">Import “{p().fileName}”?</h3>
            <Show
              when={summary(p().plan.counts).length > 0}
              fallback={<p>Everything in this file is already on this device.</p>}
            >
              <p>It will add or change:</p>
              <ul>
                <For each={summary(p().plan.counts)}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <Show when={p().plan.drafts.length > 0}>
              <ul aria-label="Drafts">
                <For each={p().plan.drafts}>{(d) => <li>{draftLine(d)}</li>}</For>
              </ul>
            </Show>
            <Show when={p().plan.alreadySent > 0}>
              <p>
                {p().plan.alreadySent} {p().plan.alreadySent === 1 ? "reply was" : "replies were"}{" "}
                already sent from this device and will not be sent again.
              </p>
            </Show>
            <Show when={p().plan.rejected.length > 0}>
              <p>Not imported:</p>
              <ul aria-label="Not imported">
                <For each={p().plan.rejected}>{(line) => <li>{line}</li>}</For>
              </ul>
            </Show>
            <div class="buttons">
              <button type="button" class="primary" disabled={busy()} onClick={() => apply(p())}>
                Apply import
              </button>
              <button type="button" disabled={busy()} onClick={() => setPreview(undefined)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </Show>

      <Show when={undoable()}>
        {(name) => (
          <div class="data-action">
            <button type="button" disabled={busy()} onClick={undo}>
              Undo import
            </button>
            <p>Puts back everything as it was before “{name()}” was imported.</p>
          </div>
        )}
      </Show>

      <div class="data-action">
        <button
          ref={deleteButton}
          type="button"
          class="danger"
          disabled={busy() || confirming()}
          onClick={askDelete}
        >
          Delete all my data
        </button>
      </div>
      <Show when={confirming()}>
        <div class="panel decision delete-confirm" role="group" aria-labelledby="delete-question">
          <p id="delete-question">
            <strong>Delete everything Offprint keeps on this device?</strong> Bookmarks, read marks,
            drafts, replies waiting to be sent, reading positions and settings go, and cannot be
            brought back unless you downloaded them.
          </p>
          <div class="buttons">
            <button
              type="button"
              class="danger"
              disabled={busy()}
              onClick={() =>
                // eslint-disable-next-line solid/reactivity -- runs on the click, not tracked
                act(async () => {
                  await props.onDelete();
                  setConfirming(false);
                  return "All your data was deleted from this device.";
                  // eslint-disable-next-line solid/reactivity -- read once the deletion is done
                }).then(() => confirming() || deleteButton?.focus())
              }
            >
              Delete everything
            </button>
            <button ref={keepButton} type="button" disabled={busy()} onClick={cancelDelete}>
              Keep my data
            </button>
          </div>
        </div>
      </Show>

      <Show when={error()}>
        <p class="data-error" role="alert">
          {error()}
        </p>
      </Show>
      <p class="data-status" role="status">
        {status()}
      </p>
    </div>
  );
}
