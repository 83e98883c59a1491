import { For } from "solid-js";
import type { Part } from "../catalog/highlight.ts";

/** Text with its matched words in <mark>: every part is rendered as text, never as HTML. */
export function Highlighted(props: { parts: Part[] }) {
  return <For each={props.parts}>{(p) => (p.match ? <mark>{p.text}</mark> : p.text)}</For>;
}
