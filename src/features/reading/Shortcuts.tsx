import { useMatch, useNavigate } from "@solidjs/router";
import { createSignal, lazy, onCleanup, onMount, Show, Suspense } from "solid-js";
import { SEARCH_BOX_ID } from "../../components/SearchForm.tsx";
import { installShortcuts } from "./keyboard.ts";

// What the keys do, and their list, are loaded on the first shortcut: the start-up bundle keeps
// only the listener.
const actions = () => import("./shortcut-actions.ts");
/** Shortcuts run one after another, in the order they were pressed ("j j k" is never "j k j"). */
let queue: Promise<unknown> = Promise.resolve();
const ShortcutsDialog = lazy(async () => {
  const [{ ShortcutsDialog: Dialog }, { SHORTCUTS }] = await Promise.all([
    import("./ShortcutsDialog.tsx"),
    actions(),
  ]);
  return {
    default: (p: { onClose: () => void }) => <Dialog shortcuts={SHORTCUTS} onClose={p.onClose} />,
  };
});

/** Runs the keyboard shortcuts on every page, and shows their list when "?" is pressed. */
export function Shortcuts() {
  const navigate = useNavigate();
  const onArticle = useMatch(() => "/articles/:slug");
  const [help, setHelp] = createSignal(false);

  // Keys are listened to in the browser only (onMount never runs in the server renderer).
  onMount(() =>
    onCleanup(
      installShortcuts((action) => {
        if (action === "help") return setHelp(true);
        if (action === "search") {
          const box = document.getElementById(SEARCH_BOX_ID) as HTMLInputElement | null;
          box?.focus();
          return box?.select();
        }
        const article = onArticle()?.params.slug;
        queue = queue
          .then(actions)
          .then((m) => m.runShortcut(action, { navigate, article }))
          .catch(() => undefined); // a chunk that cannot load: the next key tries again
      }),
    ),
  );

  return (
    <Show when={help()}>
      <Suspense>
        <ShortcutsDialog onClose={() => setHelp(false)} />
      </Suspense>
    </Show>
  );
}
