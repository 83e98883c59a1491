// Painting highlights into an article body: each placed highlight becomes `<mark>` elements, one
// around each piece of text it covers, made with DOM APIs (the body's HTML is never rebuilt from
// strings). The text itself never changes, so offsets stay valid; painting again first takes
// every mark out and joins the text nodes it split.
import type { Highlight } from "../../storage/highlights.ts";
import { anchor } from "./anchoring.ts";
import { nodeAt, textMap, type TextMap } from "./text-map.ts";

export const MARK_CLASS = "highlight";

export interface Paint {
  id: string;
  start: number;
  end: number;
  hasNote: boolean;
}

/** The id the first mark of a highlight carries: the target of `#highlight-<id>`. */
export const markId = (id: string): string => `highlight-${id}`;

/** Takes every highlight mark out of `root`, leaving its text as it was. */
export function unpaint(root: HTMLElement): void {
  const marks = root.querySelectorAll(`mark.${MARK_CLASS}`);
  if (marks.length === 0) return;
  const parents = new Set<Node>();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    mark.remove();
    parents.add(parent);
  }
  for (const p of parents) if (p.isConnected) p.normalize();
}

/**
 * Splits the map's text nodes so that every offset in `cuts` falls on a node's edge, in one pass
 * over the nodes. Returns the map of the split text (the same text, more nodes).
 */
function cut(map: TextMap, cuts: readonly number[]): TextMap {
  const at = [...new Set(cuts)].sort((a, b) => a - b);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let c = 0;
  for (let i = 0; i < map.nodes.length; i++) {
    let node = map.nodes[i];
    let start = map.starts[i];
    const end = start + node.data.length;
    while (c < at.length && at[c] <= start) c++;
    for (; c < at.length && at[c] < end; c++) {
      const rest = node.splitText(at[c] - start);
      nodes.push(node);
      starts.push(start);
      [node, start] = [rest, at[c]];
    }
    nodes.push(node);
    starts.push(start);
  }
  return { text: map.text, nodes, starts };
}

/**
 * Paints `highlights` (offsets in the text of `map`, read from `root` with no marks in it) as
 * marks: the text split once at every highlight's edges, then each piece wrapped. Nothing here
 * reads layout, so the browser lays the body out once, after. Returns the map of the painted
 * body (its text nodes as they now are) and how many highlights have marks.
 * @example paint(textMap(prose), [{ id: "a1", start: 10, end: 42, hasNote: false }]);
 */
export function paint(
  map: TextMap,
  highlights: readonly Paint[],
): { map: TextMap; painted: number } {
  if (highlights.length === 0) return { map, painted: 0 };
  const split = cut(
    map,
    highlights.flatMap((h) => [h.start, h.end]),
  );
  let painted = 0;
  for (const h of highlights) {
    let first: HTMLElement | undefined;
    let last: HTMLElement | undefined;
    for (let i = nodeAt(split, h.start); i < split.nodes.length && split.starts[i] < h.end; i++) {
      const node = split.nodes[i];
      // Whitespace between blocks (a list's items, a table's cells) is no passage to mark.
      if (split.starts[i] < h.start || !node.data.trim()) continue;
      const mark = document.createElement("mark");
      mark.className = MARK_CLASS;
      mark.dataset.highlight = h.id;
      node.parentNode?.insertBefore(mark, node);
      mark.append(node);
      first ??= mark;
      last = mark;
    }
    if (!first || !last) continue;
    first.id = markId(h.id);
    first.tabIndex = 0;
    if (h.hasNote) last.classList.add("has-note");
    painted++;
  }
  return { map: split, painted };
}

/**
 * Finds every highlight in `root`'s text and paints those placed, in one go: the old marks out,
 * the text read once, every highlight anchored in it, the marks added. Returns the body's map
 * (for selections made next), the highlights that could not be placed, and how many were painted.
 * @example const { unplaced } = placeHighlights(prose, highlightsOf(slug));
 */
export function placeHighlights(
  root: HTMLElement,
  highlights: readonly Highlight[],
): { map: TextMap; unplaced: Highlight[]; painted: number } {
  unpaint(root);
  const text = textMap(root);
  const placed: Paint[] = [];
  const unplaced: Highlight[] = [];
  for (const h of highlights) {
    const p = anchor(text.text, h.quote, h.position);
    if (p.state === "placed")
      placed.push({ id: h.id, start: p.start, end: p.end, hasNote: !!h.note.trim() });
    else unplaced.push(h);
  }
  const { map, painted } = paint(text, placed);
  return { map, unplaced, painted };
}
