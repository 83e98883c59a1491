// Painting highlights into an article body: each placed highlight becomes `<mark>` elements, one
// around each piece of text it covers, made with DOM APIs (the body's HTML is never rebuilt from
// strings). The text itself never changes, so offsets stay valid; painting again first takes
// every mark out and joins the text nodes it split.
import type { Highlight } from "../../storage/highlights.ts";
import { anchor } from "./anchoring.ts";
import { textMap, type TextMap } from "./text-map.ts";

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

/** Where a highlight starts or ends, in text order. */
interface Edge {
  at: number;
  /** The highlight's index in the list painted. */
  i: number;
  opens: boolean;
}

/**
 * Paints `highlights` (offsets in the text of `map`, read from `root` with no marks in it) as
 * marks, in one pass over the text nodes: each node a highlight touches is replaced, once, by its
 * pieces, the highlighted ones wrapped (a piece in two overlapping highlights gets a mark of each,
 * the earlier outside). Nothing here reads layout, so the browser lays the body out once, after.
 * Returns the map of the painted body (its text nodes as they now are) and how many highlights
 * have marks.
 * @example paint(textMap(prose), [{ id: "a1", start: 10, end: 42, hasNote: false }]);
 */
export function paint(
  map: TextMap,
  highlights: readonly Paint[],
): { map: TextMap; painted: number } {
  if (highlights.length === 0) return { map, painted: 0 };
  const edges: Edge[] = [];
  highlights.forEach((h, i) => {
    if (h.end > h.start)
      edges.push({ at: h.start, i, opens: true }, { at: h.end, i, opens: false });
  });
  // At one offset, a highlight ends before the next begins.
  edges.sort((a, b) => a.at - b.at || Number(a.opens) - Number(b.opens));
  const open: number[] = []; // the highlights over the current piece, in list order
  const apply = (edge: Edge) => {
    if (!edge.opens) open.splice(open.indexOf(edge.i), 1);
    else {
      let k = open.length;
      while (k > 0 && open[k - 1] > edge.i) k--;
      open.splice(k, 0, edge.i);
    }
  };
  const first: (HTMLElement | undefined)[] = [];
  const last: (HTMLElement | undefined)[] = [];
  const wrap = (text: Text): Node => {
    let outer: Node = text;
    for (let k = open.length - 1; k >= 0; k--) {
      const i = open[k];
      const mark = document.createElement("mark");
      mark.className = MARK_CLASS;
      mark.setAttribute("data-highlight", highlights[i].id);
      mark.append(outer);
      outer = mark;
      first[i] ??= mark;
      last[i] = mark;
    }
    return outer;
  };

  const nodes: Text[] = [];
  const starts: number[] = [];
  let e = 0;
  for (let n = 0; n < map.nodes.length; n++) {
    const node = map.nodes[n];
    const from = map.starts[n];
    const to = from + node.data.length;
    while (e < edges.length && edges[e].at <= from) apply(edges[e++]);
    const cutInside = e < edges.length && edges[e].at < to;
    // Whitespace between blocks (a list's items, a table's cells) is no passage to mark.
    if (to === from || (open.length === 0 && !cutInside) || !node.data.trim()) {
      nodes.push(node);
      starts.push(from);
      continue;
    }
    const parts: Node[] = [];
    for (let at = from; at < to;) {
      const next = e < edges.length && edges[e].at < to ? edges[e].at : to;
      if (next > at) {
        const piece = document.createTextNode(node.data.slice(at - from, next - from));
        nodes.push(piece);
        starts.push(at);
        parts.push(open.length > 0 ? wrap(piece) : piece);
      }
      at = next;
      while (e < edges.length && edges[e].at <= at && edges[e].at < to) apply(edges[e++]);
    }
    node.replaceWith(...parts);
  }

  let painted = 0;
  highlights.forEach((h, i) => {
    const [a, z] = [first[i], last[i]];
    if (!a || !z) return;
    a.id = markId(h.id);
    a.tabIndex = 0;
    if (h.hasNote) z.classList.add("has-note");
    painted++;
  });
  return { map: { text: map.text, nodes, starts }, painted };
}

/**
 * What decides where highlights are painted: which they are and the passages they name (a
 * highlight's selectors never change once made; its note does). Equal for two lists that paint
 * the same marks.
 */
export const placesOf = (highlights: readonly Highlight[]): string =>
  highlights.map((h) => `${h.id} ${h.position.start} ${h.position.end}`).join("\n");

/**
 * Marks which painted highlights have a note (the last mark of each), the marks left as they are.
 * @example markNotes(prose, highlightsOf(slug)); // after a note alone changed
 */
export function markNotes(root: HTMLElement, highlights: readonly Highlight[]): void {
  const lastMark = new Map<string, Element>();
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}`)) {
    const id = mark.getAttribute("data-highlight");
    if (id) lastMark.set(id, mark);
  }
  for (const h of highlights) lastMark.get(h.id)?.classList.toggle("has-note", !!h.note.trim());
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
