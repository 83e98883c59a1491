// WordPress shortcodes, turned into the HTML WordPress would have shown, as far as it can work in
// Offprint: captions become figures, galleries their images, players plain links. Any other
// shortcode stays as text and is counted, so the publisher sees what is left to do.
import { escapeHtml } from "../html.ts";
import { embedLink } from "./embeds.ts";

export interface Attachment {
  id: string;
  url: string;
  alt: string;
  caption: string;
  title: string;
  parent: string;
  order: number;
}

export interface ShortcodeContext {
  /** The post whose content this is (a gallery without ids shows the post's attached images). */
  postId: string;
  attachment(id: string): Attachment | undefined;
  attachedTo(postId: string): Attachment[];
  /** Whether an image URL will be found under --uploads. */
  imageFound(url: string): boolean;
  /** Counts a shortcode left as text. */
  unknown(name: string): void;
}

type Attributes = { named: Map<string, string>; positional: string[] };

/** WordPress's shortcode_parse_atts: name="v", name='v', name=v, "v", 'v' and bare values. */
export function parseAttributes(text: string): Attributes {
  const named = new Map<string, string>();
  const positional: string[] = [];
  const s = text.replace(/[\u00a0\u200b]/g, " ");
  if (s.startsWith("=")) {
    // Jetpack's [youtube=https://…] form.
    positional.push(s.slice(1).trim());
    return { named, positional };
  }
  const re =
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  for (const m of s.matchAll(re)) {
    if (m[1]) named.set(m[1].toLowerCase(), m[2]);
    else if (m[3]) named.set(m[3].toLowerCase(), m[4]);
    else if (m[5]) named.set(m[5].toLowerCase(), m[6]);
    else positional.push(m[7] ?? m[8] ?? m[9]);
  }
  return { named, positional };
}

const unescapeUrl = (url: string) => url.replace(/&amp;/g, "&").replace(/&#0?38;/g, "&");

/** `[caption]<a><img></a> Text[/caption]` (or caption="Text") → figure with figcaption. */
function caption(atts: Attributes, content: string): string {
  let media = content.trim();
  let text = atts.named.get("caption") ?? "";
  const m = /^((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(media);
  if (m) {
    media = m[1];
    text = text || m[2].trim();
  }
  const figcaption = text ? `<figcaption>${text}</figcaption>` : "";
  return `<figure>${media}${figcaption}</figure>`;
}

function gallery(atts: Attributes, ctx: ShortcodeContext): string {
  const ids = (atts.named.get("ids") ?? atts.named.get("include") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const images = ids.length
    ? ids.map((id) => ctx.attachment(id)).filter((a): a is Attachment => !!a)
    : ctx.attachedTo(atts.named.get("id") ?? ctx.postId);
  if (!images.length) return "";
  if (!images.some((a) => ctx.imageFound(a.url))) {
    const items = images.map((a) => {
      const label = escapeHtml(a.caption || a.alt || a.title || a.url);
      return `<li><a href="${escapeHtml(a.url)}">${label}</a></li>`;
    });
    return `<ul>${items.join("")}</ul>`;
  }
  return images
    .map((a) => {
      const img = `<img src="${escapeHtml(a.url)}" alt="${escapeHtml(a.alt || a.title)}">`;
      return `<figure>${img}${a.caption ? `<figcaption>${escapeHtml(a.caption)}</figcaption>` : ""}</figure>`;
    })
    .join("\n");
}

const MEDIA_KEYS = {
  video: ["src", "mp4", "m4v", "webm", "ogv", "wmv", "flv", "url"],
  audio: ["src", "mp3", "m4a", "ogg", "wav", "wma", "url"],
};

/** The URL a media or embed shortcode points at: a src-like attribute, the content or a bare value. */
function mediaUrl(atts: Attributes, content: string, keys: string[]): string | undefined {
  for (const key of keys) {
    const v = atts.named.get(key);
    if (v) return v;
  }
  const candidates = [content.trim(), ...atts.positional];
  return candidates.find((c) => /^https?:\/\//i.test(c));
}

/** Embeds named after their provider ([youtube …], [vimeo 123], [tweet …]): how to make a URL. */
const PROVIDER_SHORTCODES: Record<string, (id: string) => string> = {
  youtube: (id) => `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
  vimeo: (id) => `https://vimeo.com/${encodeURIComponent(id)}`,
  dailymotion: (id) => `https://www.dailymotion.com/video/${encodeURIComponent(id)}`,
  ted: (id) => `https://www.ted.com/talks/${encodeURIComponent(id)}`,
  soundcloud: (id) => `https://soundcloud.com/${id}`,
  spotify: (id) => `https://open.spotify.com/${id.replace(/^spotify:/, "").replace(/:/g, "/")}`,
  tweet: (id) => `https://twitter.com/i/status/${encodeURIComponent(id)}`,
  twitter: (id) => `https://twitter.com/i/status/${encodeURIComponent(id)}`,
  instagram: (id) => `https://www.instagram.com/p/${encodeURIComponent(id)}`,
  flickr: (id) => `https://www.flickr.com/photos/${id}`,
  tiktok: (id) => `https://www.tiktok.com/${id}`,
  facebook: (id) => `https://www.facebook.com/${id}`,
  slideshare: (id) => `https://www.slideshare.net/${id}`,
};

function providerEmbed(name: string, atts: Attributes, content: string): string | undefined {
  const url = mediaUrl(atts, content, ["url", "src", "id", "tweet", "video", "w"]);
  if (url) return embedLink(unescapeUrl(url));
  const id = atts.positional[0] ?? content.trim();
  return id ? embedLink(PROVIDER_SHORTCODES[name](id)) : undefined;
}

function render(name: string, atts: Attributes, content: string, ctx: ShortcodeContext) {
  switch (name) {
    case "caption":
    case "wp_caption":
      return caption(atts, replaceShortcodes(content, ctx));
    case "gallery":
      return gallery(atts, ctx);
    case "embed": {
      const url = mediaUrl(atts, content, ["url", "src"]);
      return url ? embedLink(unescapeUrl(url)) : undefined;
    }
    case "video":
    case "audio": {
      const url = mediaUrl(atts, content, MEDIA_KEYS[name]);
      return url ? embedLink(unescapeUrl(url), name === "video" ? "Video" : "Audio") : undefined;
    }
  }
  if (name in PROVIDER_SHORTCODES) return providerEmbed(name, atts, content);
  return undefined;
}

/** An opening tag: [name attrs], [name attrs /] (attribute values may hold "]" inside quotes). */
const OPEN =
  /\[(\[?)([a-zA-Z][\w-]*)(?![\w-])((?:"[^"]*"|'[^']*'|[^\]"'/]|\/(?!\]))*)(\/?)\](\]?)/g;

/**
 * Replaces the shortcodes of a post's content (outside <pre> and <code>) with HTML.
 * @example replaceShortcodes('[embed]https://youtu.be/x[/embed]', ctx) // '<p><a …>Video on YouTube</a></p>'
 */
export function replaceShortcodes(html: string, ctx: ShortcodeContext): string {
  return html.includes("[") ? outsideCode(html, (part) => replaceIn(part, ctx)) : html;
}

/** Applies `change` to the HTML outside <pre> and <code>: code shows what it shows as written. */
export function outsideCode(html: string, change: (part: string) => string): string {
  return html
    .split(/(<pre\b[\s\S]*?<\/pre>|<code\b[\s\S]*?<\/code>)/i)
    .map((part, i) => (i % 2 ? part : change(part)))
    .join("");
}

function replaceIn(text: string, ctx: ShortcodeContext): string {
  let out = "";
  let at = 0;
  // A fresh regex per call: a caption's content is read by a nested call.
  const open = new RegExp(OPEN);
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const [whole, escOpen, rawName, attText, selfClosing, escClose] = m;
    const name = rawName.toLowerCase();
    let end = m.index + whole.length;
    let content = "";
    if (!selfClosing && !escClose) {
      const close = text.toLowerCase().indexOf(`[/${name}]`, end);
      if (close >= 0 && !new RegExp(`\\[${name}(?![\\w-])`, "i").test(text.slice(end, close))) {
        content = text.slice(end, close);
        end = close + name.length + 3;
      }
    }
    out += text.slice(at, m.index);
    at = end;
    if (escOpen && (escClose || text[end] === "]")) {
      // [[name]] is WordPress's way of writing the shortcode itself.
      out += text.slice(m.index + 1, escClose ? end - 1 : end);
      if (!escClose) at = end + 1;
      open.lastIndex = at;
      continue;
    }
    const rendered = render(name, parseAttributes(attText.trim()), content, ctx);
    if (rendered === undefined) {
      // Kept as written; its content (which may hold shortcodes of its own) is read on.
      ctx.unknown(name);
      out += whole;
      at = m.index + whole.length;
    } else out += rendered;
    open.lastIndex = at;
  }
  return out + text.slice(at);
}
