// The article body's text as one string, and the way between offsets in it and the DOM: what a
// TextPositionSelector counts (every text node in document order, as the body holds it) and
// where a reader's selection falls in it.

export interface TextMap {
  /** The body's text: its text nodes joined. */
  text: string;
  nodes: Text[];
  /** `starts[i]`: the offset of `nodes[i]`'s first character in `text`. */
  starts: number[];
}

/**
 * Reads the text of `root` once.
 * @example const map = textMap(prose); map.text.slice(10, 20);
 */
export function textMap(root: Node): TextMap {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    nodes.push(t);
    starts.push(at);
    parts.push(t.data);
    at += t.data.length;
  }
  return { text: parts.join(""), nodes, starts };
}

/** The offset in the map's text of a boundary point (container, offset) of a Range. */
function offsetOf(map: TextMap, root: Node, container: Node, offset: number): number {
  if (container.nodeType === Node.TEXT_NODE) {
    const i = map.nodes.indexOf(container as Text);
    return i < 0 ? -1 : map.starts[i] + offset;
  }
  // A point between children: the text before it is the text of every node that precedes it.
  const probe = document.createRange();
  probe.setStart(root, 0);
  probe.setEnd(container, offset);
  return probe.toString().length;
}

/**
 * Where a selection's range falls in the body's text, or undefined when it is not wholly inside
 * `root` or holds no text.
 */
export function rangeOffsets(
  map: TextMap,
  root: Node,
  range: Range,
): { start: number; end: number } | undefined {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return undefined;
  let start = offsetOf(map, root, range.startContainer, range.startOffset);
  let end = offsetOf(map, root, range.endContainer, range.endOffset);
  if (start < 0 || end < 0) return undefined;
  // A double click takes the space after a word: a highlight starts and ends on text.
  while (start < end && /\s/.test(map.text[start])) start++;
  while (end > start && /\s/.test(map.text[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** The index of the node holding the character at `offset` (binary search over the starts). */
export function nodeAt(map: TextMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (map.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
