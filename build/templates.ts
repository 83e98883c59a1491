// Template tags in article bodies, as Jekyll (Liquid) and Hugo (shortcodes) write them. Offprint
// runs no templates: the tags with a plain meaning become Markdown, every other one stays as
// visible text and is listed, so nothing disappears silently. Like Liquid and Hugo themselves, this
// pass reads the text before Markdown does (a `{% raw %}` inside a code fence is still undone).

export interface TemplateLinks {
  /** The address of the article a `post_url`, `link` or `ref` target names, if in the edition. */
  resolve(target: string): { url: string; found: boolean; name: string };
}

export interface TemplateResult {
  markdown: string;
  /** Tags kept as text, with their line in the file. */
  unsupported: { line: number; tag: string }[];
  /** Links to articles not in the edition. */
  missing: { line: number; tag: string; target: string }[];
  /** Which tags were turned into Markdown, for the notices ("{% highlight %}"). */
  used: string[];
}

const TAG = new RegExp(
  [
    /\{%-?\s*raw\s*-?%\}(?<raw>[\s\S]*?)\{%-?\s*endraw\s*-?%\}/.source,
    /\{%-?\s*highlight\s+(?<lang>[\w+#.-]+)[^%\n]*?-?%\}\r?\n?(?<code>[\s\S]*?)\{%-?\s*endhighlight\s*-?%\}/
      .source,
    /\{%-?\s*(?<liquid>post_url|link)\s+(?<target>[^%\s]+)\s*-?%\}/.source,
    // Hugo's own escape for writing a shortcode as text: {{</* name */>}}
    /\{\{(?<open>[<%])\/\*(?<escaped>[\s\S]*?)\*\/(?<close>[>%])\}\}/.source,
    /\{\{[<%]\s*(?<short>[\w-]+)(?<args>(?:[^>%\n]|[>%](?!\}\}))*?)\s*[>%]\}\}(?:\r?\n?(?<inner>[\s\S]*?)\{\{[<%]\s*\/\s*\k<short>\s*[>%]\}\})?/
      .source,
    /\{%[^\n]*?%\}|\{\{[^\n]*?\}\}/.source,
  ].join("|"),
  "g",
);

const ARG = /(?:(\w+)=)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g;

/** A shortcode's arguments: named ones by name, positional ones by their index. */
function shortcodeArgs(text: string): Map<string, string> {
  const args = new Map<string, string>();
  let position = 0;
  for (const m of text.matchAll(ARG)) {
    const value = m[2]?.replace(/\\(.)/g, "$1") ?? m[3] ?? m[4] ?? m[5] ?? "";
    args.set(m[1] ?? String(position++), value);
  }
  return args;
}

/** A fenced code block that no line of the code can close. */
function fence(lang: string, code: string): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const marks = "`".repeat(longest + 1);
  return `\n${marks}${lang}\n${code.replace(/\r?\n$/, "")}\n${marks}\n`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const escapeAlt = (s: string) => s.replace(/([\\[\]])/g, "\\$1");

/** Hugo's figure: a Markdown image (so the build copies it) in a figure with its caption. */
function figure(args: Map<string, string>): string {
  const src = args.get("src") ?? "";
  const alt = args.get("alt") ?? "";
  const caption = args.get("caption") ?? args.get("title") ?? "";
  const image = `![${escapeAlt(alt)}](<${src.replace(/[<>]/g, encodeURIComponent)}>)`;
  const figcaption = caption ? `<figcaption>${escapeHtml(caption)}</figcaption>\n` : "";
  return `\n<figure>\n\n${image}\n\n${figcaption}</figure>\n`;
}

const VIDEO: Record<string, (id: string) => { url: string; site: string }> = {
  youtube: (id) => ({
    url: `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
    site: "YouTube",
  }),
  vimeo: (id) => ({ url: `https://vimeo.com/${encodeURIComponent(id)}`, site: "Vimeo" }),
};

/**
 * Turns the template tags Offprint understands into Markdown and lists the others.
 * @param firstLine the line of the file the body starts on, for the listed lines.
 */
export function transformTemplates(
  body: string,
  firstLine: number,
  links: TemplateLinks,
): TemplateResult {
  const result: TemplateResult = { markdown: "", unsupported: [], missing: [], used: [] };
  const lineAt = (offset: number) => firstLine + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
  const link = (tag: string, target: string, offset: number, label: string) => {
    const found = links.resolve(target);
    result.used.push(label);
    if (!found.found) result.missing.push({ line: lineAt(offset), tag, target: found.name });
    return found.url;
  };
  result.markdown = body.replace(TAG, (tag, ...rest) => {
    const offset = rest[rest.length - 3] as number;
    const g = rest[rest.length - 1] as Record<string, string | undefined>;
    if (g.raw !== undefined) {
      result.used.push("{% raw %}");
      return g.raw;
    }
    if (g.lang !== undefined) {
      result.used.push("{% highlight %}");
      return fence(g.lang, g.code ?? "");
    }
    if (g.liquid) return link(tag, g.target ?? "", offset, `{% ${g.liquid} %}`);
    if (g.escaped !== undefined) return `{{${g.open}${g.escaped}${g.close}}}`;
    if (g.short) {
      const args = shortcodeArgs(g.args ?? "");
      const name = g.short;
      if (name === "figure" && g.inner === undefined && args.get("src")) {
        result.used.push("{{< figure >}}");
        return figure(args);
      }
      if ((name === "ref" || name === "relref") && args.get("0")) {
        return link(tag, args.get("0") ?? "", offset, `{{< ${name} >}}`);
      }
      const id = args.get("id") ?? args.get("0");
      if (VIDEO[name] && id && g.inner === undefined) {
        result.used.push(`{{< ${name} >}}`);
        const { url, site } = VIDEO[name](id);
        return `[Watch the video on ${site}](${url})`;
      }
      if (name === "highlight" && args.get("0") && g.inner !== undefined) {
        result.used.push("{{< highlight >}}");
        return fence(args.get("0") ?? "", g.inner);
      }
    }
    // Not one Offprint understands: only the opening tag is listed; the text stays as written.
    const opening = /^[^\n]*/.exec(tag)?.[0] ?? tag;
    result.unsupported.push({ line: lineAt(offset), tag: opening });
    if (g.short && g.inner !== undefined) {
      // A paired shortcode's body may hold further tags: read them too.
      const start = tag.indexOf(g.inner);
      const inner = transformTemplates(g.inner, lineAt(offset + start), links);
      result.unsupported.push(...inner.unsupported);
      result.missing.push(...inner.missing);
      result.used.push(...inner.used);
      return tag.slice(0, start) + inner.markdown + tag.slice(start + g.inner.length);
    }
    return tag;
  });
  return result;
}
