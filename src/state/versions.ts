// Other versions of the reader's drafts in memory, for /drafts: every version kept in IndexedDB
// (src/storage/versions.ts), read when the page opens and again whenever another tab announces a
// change, and the page's actions on them (copy, use, discard with Undo).
import { createStore, reconcile } from "solid-js/store";
import { DRAFT_VERSION, hasComment, loadDraft, sameFields } from "../storage/drafts.ts";
import { saveDraft } from "../storage/draft-writes.ts";
import { onChange } from "../storage/sync.ts";
import {
  keepVersion,
  loadVersions,
  putBackVersion,
  removeVersion,
  type DraftVersion,
} from "../storage/versions.ts";
import { applyDraft } from "./drafts.ts";
import { notify, notifyFailure } from "./notices.ts";
import { onDispose } from "./synced-records.ts";

const [versions, setVersions] = createStore<Record<string, DraftVersion>>({});
onDispose(() => setVersions(reconcile({})));

/** Reads every kept version again (after this tab's own writes, and other tabs'). */
export async function reloadVersions(): Promise<void> {
  try {
    setVersions(reconcile(Object.fromEntries(await loadVersions())));
  } catch {
    // Storage unavailable: the shell says so; the list shows what it had.
  }
}

/**
 * Loads the kept versions and follows other tabs' changes to them; returns the unsubscribe.
 * @example onCleanup(followVersions());
 */
export function followVersions(): () => void {
  void reloadVersions();
  return onChange(({ kind }) => kind === "versions" && void reloadVersions());
}

/** Every slug with kept versions, and its versions, the newest first. */
export function versionsBySlug(): Map<string, DraftVersion[]> {
  const bySlug = new Map<string, DraftVersion[]>();
  const all = Object.values(versions).sort((a, b) => b.savedAt - a.savedAt);
  for (const kept of all) bySlug.set(kept.slug, [...(bySlug.get(kept.slug) ?? []), kept]);
  return bySlug;
}

/** A plain copy of a version held in the store (a store proxy cannot go to IndexedDB). */
const plain = (kept: DraftVersion): DraftVersion => ({ ...kept, fields: { ...kept.fields } });

/**
 * Copies a version's comment to the clipboard and says so.
 * @example await copyVersion(id);
 */
export async function copyVersion(id: string): Promise<void> {
  const kept = versions[id];
  if (kept) await copyText(kept.fields.comment);
}

/**
 * Copies text to the clipboard and says so (or why it could not).
 * @example await copyText(draft.fields.comment);
 */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify("Copied to the clipboard");
  } catch (err) {
    notifyFailure("Copying the text", err);
  }
}

/**
 * Makes a version the article's draft. The draft's own text is kept as another version first
 * (again if another tab changes the draft meanwhile), so nothing is lost.
 * @example await useVersion(id);
 */
export async function useVersion(id: string): Promise<void> {
  const found = versions[id];
  if (!found) return;
  const chosen = plain(found);
  let replaced = false;
  try {
    for (;;) {
      const current = await loadDraft(chosen.slug);
      const title = current?.title ?? chosen.title;
      if (current && hasComment(current.fields) && !sameFields(current.fields, chosen.fields)) {
        await keepVersion(chosen.slug, current.fields, "replaced", title);
        replaced = true;
      }
      const base = current?.rev ?? 0;
      const result = await saveDraft(chosen.slug, base, {
        v: DRAFT_VERSION,
        rev: base + 1,
        fields: chosen.fields,
        updatedAt: Date.now(),
        ...(title ? { title } : {}),
      });
      if ("saved" in result) {
        applyDraft(chosen.slug, result.saved);
        break;
      }
      // Another tab wrote the draft since it was read: keep that text too, then try again.
    }
    await removeVersion(chosen.id);
    notify(
      replaced
        ? "This version is now the draft; the draft's text is kept as another version"
        : "This version is now the draft",
    );
  } catch (err) {
    notifyFailure("Using this version", err);
  }
  await reloadVersions();
}

/**
 * Discards a version, with an Undo that puts it back as it was.
 * @example await discardVersion(id);
 */
export async function discardVersion(id: string): Promise<void> {
  const found = versions[id];
  if (!found) return;
  const kept = plain(found);
  try {
    await removeVersion(id);
  } catch (err) {
    notifyFailure("Discarding the version", err);
    return;
  }
  await reloadVersions();
  notify("Version discarded", {
    action: {
      label: "Undo",
      run: () => {
        putBackVersion(kept).then(
          () => reloadVersions().then(() => notify("Version restored")),
          (err) => notifyFailure("Restoring the version", err),
        );
      },
    },
  });
}
