// The static copy of a page and the app beside it must never share an id: until the app takes
// over, both are in the document. The build gives every id the copy's server render made (and each
// reference to one) a prefix of its own; the app, taking an article's body from that copy instead
// of fetching it again, gives them back. One module holds both directions so they cannot drift.

/** What the copy's ids start with. */
const PREFIX = "first-";

/** The attributes that hold an id or point at one (href only as `#id`). */
const ID_ATTRIBUTES = ["id", "for", "aria-labelledby", "aria-describedby"] as const;

const ID_IN_HTML = new RegExp(
  `\\b(${ID_ATTRIBUTES.join("|")}|href)="(#?)(?!user-content-)([^"#\\s/][^"\\s/]*)"`,
  "g",
);

/**
 * `html` with its ids prefixed. Body footnotes (`user-content-…`, the sanitizer's) keep theirs, so a
 * link to a note in the body still leads to it without JavaScript.
 * @example ownIds('<h2 id="x">') // '<h2 id="first-x">'
 */
export function ownIds(html: string): string {
  return html.replace(ID_IN_HTML, (all, attr: string, hash: string, id: string) =>
    attr === "href" && !hash ? all : `${attr}="${hash}${PREFIX}${id}"`,
  );
}

/**
 * Gives the elements under `root` back the ids `ownIds` prefixed.
 * @example restoreIds(copyOfTheBody);
 */
export function restoreIds(root: Element): void {
  for (const el of root.querySelectorAll("*")) {
    for (const name of ID_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value?.startsWith(PREFIX)) el.setAttribute(name, value.slice(PREFIX.length));
    }
    const href = el.getAttribute("href");
    if (href?.startsWith(`#${PREFIX}`))
      el.setAttribute("href", `#${href.slice(PREFIX.length + 1)}`);
  }
}
