import { createSignal, Show } from "solid-js";
import { size } from "./YourData.tsx";

const articles = (n: number) => (n === 1 ? "1 article" : `${n} articles`);

/** How much the reader keeps offline, and a button to let go of what is not bookmarked. */
export function KeptOffline(props: {
  /** Undefined while counting, null when this browser keeps nothing offline. */
  summary?: { articles: number; bytes: number } | null;
  /** Removes every kept article neither bookmarked nor drafted; resolves to how many went. */
  onRemove: () => Promise<number>;
}) {
  const [status, setStatus] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const remove = async () => {
    setBusy(true);
    setStatus("");
    try {
      const n = await props.onRemove();
      setStatus(
        n ? `Removed ${articles(n)}.` : "Every article kept offline is bookmarked or drafted.",
      );
    } catch {
      setStatus("The articles could not be removed. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="data-action kept-offline">
      <p class="kept-summary">
        <Show when={props.summary !== undefined} fallback="Counting what is kept offline…">
          <Show when={props.summary} fallback="This browser keeps no articles offline.">
            {(s) => `Kept offline: ${articles(s().articles)}, ${size(s().bytes)}`}
          </Show>
        </Show>
      </p>
      <button type="button" disabled={busy() || !props.summary} onClick={() => void remove()}>
        Remove articles not bookmarked
      </button>
      <p>
        Articles you open are kept to read offline. Bookmarked articles and those with a draft are
        always kept; the least recently opened others make room for new ones.
      </p>
      <p role="status">{status()}</p>
    </div>
  );
}
