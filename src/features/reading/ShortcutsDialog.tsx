import { For, onMount } from "solid-js";
import type { Shortcut } from "./shortcut-actions.ts";
import "./ShortcutsDialog.css";

/**
 * The list of keyboard shortcuts in a modal dialog. It opens when mounted; Escape or "Close"
 * closes it, and the focus goes back where it was.
 */
export function ShortcutsDialog(props: { shortcuts: readonly Shortcut[]; onClose: () => void }) {
  let dialog!: HTMLDialogElement;
  let opener: Element | null = null;
  onMount(() => {
    opener = document.activeElement;
    dialog.showModal();
  });
  return (
    <dialog
      ref={dialog}
      class="shortcuts"
      aria-labelledby="shortcuts-title"
      onClose={() => {
        if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
        props.onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        <For each={props.shortcuts}>
          {(s) => (
            <div class="shortcut">
              <dt>
                <For each={s.keys}>
                  {(key, i) => (
                    <>
                      {i() > 0 ? " or " : ""}
                      <kbd>{key}</kbd>
                    </>
                  )}
                </For>
              </dt>
              <dd>{s.does}</dd>
            </div>
          )}
        </For>
      </dl>
      <p class="note">Shortcuts do nothing while you type in a field.</p>
      <button type="button" onClick={() => dialog.close()}>
        Close
      </button>
    </dialog>
  );
}
