// WordPress's wpautop(), ported from wp-includes/formatting.php: classic-editor posts are stored
// without <p> or <br>, and WordPress adds them when it shows the post. Without this a classic
// post would come out as one paragraph.

const ALL_BLOCKS =
  "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|" +
  "area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|" +
  "header|footer|nav|figure|figcaption|details|menu|summary)";

const PLACEHOLDER = "\u0000";

/**
 * Double line breaks become paragraphs and single ones `<br />`, as WordPress shows a classic post.
 * @example wpautop("One\n\nTwo\nlines") // "<p>One</p>\n<p>Two<br />\nlines</p>\n"
 */
export function wpautop(input: string, br = true): string {
  if (!input.trim()) return "";
  let pee = input + "\n";

  // <pre> keeps its line breaks exactly.
  const pres: string[] = [];
  if (pee.includes("<pre")) {
    pee = pee.replace(/<pre[\s>][\s\S]*?<\/pre>/gi, (m) => {
      pres.push(m);
      return `<pre wp-pre-tag-${pres.length - 1}></pre>`;
    });
  }

  pee = pee.replace(/<br\s*\/?>\s*<br\s*\/?>/gi, "\n\n");
  pee = pee.replace(new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, "gi"), "\n\n$1");
  pee = pee.replace(new RegExp(`(</${ALL_BLOCKS}>)`, "gi"), "$1\n\n");
  pee = pee.replace(/(<hr\s*?\/?>)/gi, "$1\n\n");
  pee = pee.replace(/\r\n|\r/g, "\n");

  // Line breaks inside a tag (between its attributes) are not the writer's line breaks.
  pee = pee.replace(/<[^<>]*>/g, (tag) => tag.replace(/\n/g, PLACEHOLDER));

  pee = pee.replace(/\s*<option/gi, "<option").replace(/<\/option>\s*/gi, "</option>");
  pee = pee.replace(/\n\n+/g, "\n\n");

  pee = pee
    .split(/\n\s*\n/)
    .filter((chunk) => chunk.trim())
    .map((chunk) => `<p>${chunk.replace(/^\n*|\n*$/g, "")}</p>\n`)
    .join("");

  pee = pee.replace(/<p>\s*<\/p>/g, "");
  pee = pee.replace(/<p>([^<]+)<\/(div|address|form)>/g, "<p>$1</p></$2>");
  pee = pee.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");
  pee = pee.replace(/<p>(<li.+?)<\/p>/gi, "$1");
  pee = pee.replace(/<p><blockquote([^>]*)>/gi, "<blockquote$1><p>");
  pee = pee.replace(/<\/blockquote><\/p>/gi, "</p></blockquote>");
  pee = pee.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`, "gi"), "$1");
  pee = pee.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, "gi"), "$1");

  if (br) {
    pee = pee.replace(/<br>|<br\/>/gi, "<br />");
    pee = pee.replace(/(<br \/>)?\s*\n/g, (m, had: string | undefined) => (had ? m : "<br />\n"));
    pee = pee.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`, "gi"), "$1");
    pee = pee.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/gi, "$1");
  }
  pee = pee.replace(/\n<\/p>$/g, "</p>");

  pee = pee.replace(/<pre wp-pre-tag-(\d+)><\/pre>/g, (_m, i: string) => pres[Number(i)]);
  return pee.replaceAll(PLACEHOLDER, "\n");
}
