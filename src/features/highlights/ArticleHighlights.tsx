import { useLocation } from "@solidjs/router";
import { createEffect, createRenderEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { unwrap } from "solid-js/store";
import type { Highlight } from "../../storage/highlights.ts";
import {
  dropHighlight,
  highlightsOf,
  keepHighlight,
  keepNote,
  startHighlights,
} from "../../state/highlights.ts";
import { notify, notifyFailure } from "../../state/notices.ts";
import { HIGHLIGHT_EVENT } from "../reading/keyboard.ts";
import { describe } from "./anchoring.ts";
import { copyText, quoteAsMarkdown } from "./copy.ts";
import { HighlightPanel } from "./HighlightPanel.tsx";
import { MARK_CLASS, markId, markNotes, placeHighlights, placesOf, unpaint } from "./paint.ts";
import { rangeOffsets, type TextMap } from "./text-map.ts";
import "./highlights.css";

interface Selected {
  start: number;
  end: number;
  /** The selection's box in the viewport, when it was made. */
  rect: DOMRect;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * An article's highlights: painted into its body (`prose`, already in the page), the toolbar a
 * selection in the body shows, the `h` shortcut, the panel of the highlight opened, and the list of
 * those that could not be placed in this edition.
 */
export default function ArticleHighlights(props: {
  slug: string;
  title: string;
  prose: HTMLElement;
}) {
  void startHighlights();
  const [selected, setSelected] = createSignal<Selected>();
  const [open, setOpen] = createSignal<{ id: string; focusNote: boolean }>();
  const [unplaced, setUnplaced] = createSignal<Highlight[]>([]);
  const [painted, setPainted] = createSignal(0);
  let map: TextMap | undefined;
  let toolbarAnchor!: HTMLDivElement;

  // Paint again whenever this article's highlights change (here, in another tab, by an import),
  // and whenever the body's content is put in anew under the marks (the page sets the body's
  // HTML again when a newer copy of it arrives): its marks went with the old content.
  // A change of notes alone (typing one autosaves it) only marks which have a note: painting again
  // would lay the whole body out anew on every save.
  const replaced = new MutationObserver(() => setBodies((n) => n + 1));
  const [bodies, setBodies] = createSignal(0);
  let paintedFor: { prose: HTMLElement; bodies: number; places: string } | undefined;
  createEffect(
    on(
      () => [props.prose, highlightsOf(props.slug), bodies()] as const,
      ([prose, highlights, body]) => {
        const places = placesOf(highlights);
        const last = paintedFor;
        paintedFor = { prose, bodies: body, places };
        if (last?.prose === prose && last.bodies === body && last.places === places) {
          markNotes(prose, highlights);
          return;
        }
        replaced.disconnect();
        const placed = placeHighlights(prose, highlights);
        map = placed.map;
        // A passage the reader selected while this code was still coming gets its toolbar now:
        // no selectionchange will tell of it.
        if (!last) setSelected(currentSelection());
        setUnplaced(placed.unplaced);
        setPainted((n) => n + 1);
        // Only the body's own children: painting changes what is inside them, never them.
        replaced.observe(prose, { childList: true });
      },
    ),
  );
  onCleanup(() => replaced.disconnect());

  // `/articles/<slug>#highlight-<id>` scrolls to that passage and focuses it, once it is painted.
  // The router's location, not window.location: a link followed in the app is a navigation the
  // router commits only after the page has rendered, so the address bar still shows the page
  // before while the marks are painted.
  const here = useLocation();
  let linked: string | undefined;
  createEffect(() => {
    painted();
    const hash = here.hash;
    if (!hash.startsWith("#highlight-") || hash === linked) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target || !props.prose.contains(target)) return;
    linked = hash;
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });
  onCleanup(() => unpaint(props.prose));

  /** The selection's place in the body, or undefined when it is not a passage of the body. */
  function currentSelection(): Selected | undefined {
    const sel = document.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !map) return undefined;
    const range = sel.getRangeAt(0);
    const offsets = rangeOffsets(map, props.prose, range);
    if (!offsets) return undefined;
    return { ...offsets, rect: range.getBoundingClientRect() };
  }

  const onSelectionChange = () => setSelected(currentSelection());
  document.addEventListener("selectionchange", onSelectionChange);
  onCleanup(() => document.removeEventListener("selectionchange", onSelectionChange));

  async function highlight(withNote: boolean): Promise<void> {
    const s = currentSelection() ?? selected();
    if (!s || !map) {
      if (!withNote) notify("Select text in the article to highlight it.");
      return;
    }
    const range = document.getSelection()?.rangeCount
      ? document.getSelection()!.getRangeAt(0)
      : null;
    const now = Date.now();
    const h: Highlight = {
      id: crypto.randomUUID(),
      ...describe(map.text, s.start, s.end),
      note: "",
      createdAt: now,
      updatedAt: now,
    };
    try {
      await keepHighlight(props.slug, props.title, h);
    } catch (err) {
      return notifyFailure("Saving the highlight", err);
    }
    // A passage the reader selected while this one was being saved (a new range; painting only
    // moves the old one's ends) stays selected, with its toolbar.
    const sel = document.getSelection();
    const moved = !!sel && sel.rangeCount > 0 && sel.getRangeAt(0) !== range;
    if (!moved) {
      sel?.removeAllRanges();
      setSelected(undefined);
    }
    if (withNote) setOpen({ id: h.id, focusNote: true });
    else {
      if (!moved) document.getElementById(markId(h.id))?.focus();
      notify("Highlighted");
    }
  }

  const onShortcut = () => void highlight(false);
  document.addEventListener(HIGHLIGHT_EVENT, onShortcut);
  onCleanup(() => document.removeEventListener(HIGHLIGHT_EVENT, onShortcut));

  // A click on a highlight (not the end of a selection) or Enter on a focused one opens it.
  const markFrom = (target: EventTarget | null) =>
    target instanceof Element ? target.closest<HTMLElement>(`mark.${MARK_CLASS}`) : null;
  const onClick = (e: MouseEvent) => {
    const mark = markFrom(e.target);
    if (mark?.dataset.highlight && document.getSelection()?.isCollapsed !== false) {
      setOpen({ id: mark.dataset.highlight, focusNote: false });
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const mark = markFrom(e.target);
    if (e.key === "Enter" && mark?.dataset.highlight) {
      e.preventDefault();
      setOpen({ id: mark.dataset.highlight, focusNote: false });
    }
  };
  createEffect(() => {
    const prose = props.prose;
    prose.addEventListener("click", onClick);
    prose.addEventListener("keydown", onKey);
    onCleanup(() => {
      prose.removeEventListener("click", onClick);
      prose.removeEventListener("keydown", onKey);
    });
  });

  const opened = () => {
    const o = open();
    return o && highlightsOf(props.slug).find((h) => h.id === o.id);
  };
  // The panel stays the same while its highlight is saved anew (each save stores a new copy): one
  // made again would lose the reader's caret in the note and the note's undo history.
  const openedId = () => opened()?.id;
  const closePanel = () => {
    const id = open()?.id;
    setOpen(undefined);
    if (id) document.getElementById(markId(id))?.focus();
  };

  async function remove(shown: Highlight): Promise<void> {
    // The store's object is a proxy, which IndexedDB cannot copy: Undo keeps a plain one.
    const h = structuredClone(unwrap(shown));
    setOpen(undefined);
    try {
      await dropHighlight(props.slug, h.id);
    } catch (err) {
      return notifyFailure("Removing the highlight", err);
    }
    notify("Highlight removed", {
      action: {
        label: "Undo",
        run: () =>
          void keepHighlight(props.slug, props.title, h).catch((err: unknown) =>
            notifyFailure("Putting the highlight back", err),
          ),
      },
    });
  }

  const saveNote = (id: string, note: string, at: number) =>
    void keepNote(props.slug, id, note, at).catch((err: unknown) =>
      notifyFailure("Saving the note", err),
    );

  return (
    <>
      {/* The toolbar is placed against a box of its own after the body (not in a portal, which
          would bring Solid's Portal into the start-up file), so it scrolls with the selection. */}
      <div class="highlight-toolbar-anchor" ref={toolbarAnchor}>
        <Show when={selected()}>
          {(s) => (
            <div
              class="highlight-toolbar"
              role="toolbar"
              aria-label="Selected text"
              ref={(el) =>
                // Follows the selection as Shift+arrows extend it.
                createRenderEffect(() => {
                  const at = toolbarAnchor.getBoundingClientRect();
                  el.style.top = `${s().rect.bottom - at.top + 8}px`;
                  el.style.left = `${s().rect.left - at.left}px`;
                })
              }
            >
              {/* Pressing a button must not end the selection it acts on. */}
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void highlight(false)}
              >
                Highlight
              </button>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void highlight(true)}
              >
                Add note
              </button>
            </div>
          )}
        </Show>
      </div>
      <Show when={openedId()} keyed>
        {(id) => {
          let shown = opened()!;
          const h = () => (shown = opened() ?? shown);
          return (
            <HighlightPanel
              highlight={h()}
              focusNote={open()?.focusNote ?? false}
              onNote={(note, at) => saveNote(id, note, at)}
              onCopy={(note) =>
                void copyText(quoteAsMarkdown({ quote: h().quote, note }), "Highlight")
              }
              onRemove={() => void remove(h())}
              onClose={closePanel}
            />
          );
        }}
      </Show>
      <Show when={unplaced().length > 0}>
        <section class="unplaced panel" aria-labelledby="unplaced-title">
          <h2 id="unplaced-title">
            {plural(unplaced().length, "highlight", "highlights")} could not be placed
          </h2>
          <p>
            This edition of the article no longer has the passage as it was. It stays kept here.
          </p>
          <ul>
            <For each={unplaced()}>
              {(h) => (
                <li>
                  <blockquote>{h.quote.exact}</blockquote>
                  <Show when={h.note.trim()}>
                    <p class="note">{h.note}</p>
                  </Show>
                  {/* Several such buttons: each names its passage, as Saved names each bookmark. */}
                  <button
                    type="button"
                    aria-label={`Remove highlight: ${h.quote.exact}`}
                    onClick={() => void remove(h)}
                  >
                    Remove highlight
                  </button>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </>
  );
}
