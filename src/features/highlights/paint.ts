// Painting highlights into an article body: each placed highlight becomes `<mark>` elements, one
// around each piece of text it covers, made with DOM APIs (the body's HTML is never rebuilt from
// strings). The text itself never changes, so offsets stay valid; painting again first takes
// every mark out and joins the text nodes it split.
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

/** Splits text nodes so that every offset in `cuts` falls on a node's edge. */
function cut(map: TextMap, cuts: number[]): void {
  // From the last cut back, so the nodes and starts before each cut stay as the map says.
  for (const at of [...new Set(cuts)].sort((a, b) => b - a)) {
    if (at <= 0 || at >= map.text.length) continue;
    const i = nodeAt(map, at);
    const offset = at - map.starts[i];
    if (offset > 0 && offset < map.nodes[i].data.length) map.nodes[i].splitText(offset);
  }
}

/**
 * Paints `highlights` (offsets in `root`'s text) as marks. Returns each highlight's marks.
 * @example paint(prose, [{ id: "a1", start: 10, end: 42, hasNote: false }]);
 */
export function paint(root: HTMLElement, highlights: readonly Paint[]): Map<string, HTMLElement[]> {
  unpaint(root);
  const marks = new Map<string, HTMLElement[]>();
  if (highlights.length === 0) return marks;
  cut(
    textMap(root),
    highlights.flatMap((h) => [h.start, h.end]),
  );
  const map = textMap(root);
  for (const h of highlights) {
    const own: HTMLElement[] = [];
    for (let i = nodeAt(map, h.start); i < map.nodes.length && map.starts[i] < h.end; i++) {
      const node = map.nodes[i];
      // Whitespace between blocks (a list's items, a table's cells) is no passage to mark.
      if (map.starts[i] < h.start || !node.data.trim()) continue;
      const mark = document.createElement("mark");
      mark.className = MARK_CLASS;
      mark.dataset.highlight = h.id;
      node.parentNode?.insertBefore(mark, node);
      mark.append(node);
      own.push(mark);
    }
    if (own.length === 0) continue;
    own[0].id = markId(h.id);
    own[0].tabIndex = 0;
    if (h.hasNote) own[own.length - 1].classList.add("has-note");
    marks.set(h.id, own);
  }
  return marks;
}
