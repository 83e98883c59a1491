// Embedded players cannot work in Offprint (no frames, no other sites' scripts, offline): an embed
// becomes a plain link that says where it goes.
import { escapeHtml } from "../html.ts";
import { hostOf } from "./links.ts";

/** oEmbed providers WordPress embeds from a bare URL, by host, with what they show. */
const PROVIDERS: [RegExp, string, string][] = [
  [/(^|\.)(youtube\.com|youtu\.be|youtube-nocookie\.com)$/, "YouTube", "Video"],
  [/(^|\.)vimeo\.com$/, "Vimeo", "Video"],
  [/(^|\.)(dailymotion\.com|dai\.ly)$/, "Dailymotion", "Video"],
  [/(^|\.)tiktok\.com$/, "TikTok", "Video"],
  [/(^|\.)ted\.com$/, "TED", "Talk"],
  [/(^|\.)wordpress\.tv$/, "WordPress.tv", "Video"],
  [/(^|\.)soundcloud\.com$/, "SoundCloud", "Audio"],
  [/(^|\.)spotify\.com$/, "Spotify", "Audio"],
  [/(^|\.)mixcloud\.com$/, "Mixcloud", "Audio"],
  [/(^|\.)(twitter\.com|x\.com)$/, "X (Twitter)", "Post"],
  [/(^|\.)instagram\.com$/, "Instagram", "Post"],
  [/(^|\.)facebook\.com$/, "Facebook", "Post"],
  [/(^|\.)(flickr\.com|flic\.kr)$/, "Flickr", "Photo"],
  [/(^|\.)reddit\.com$/, "Reddit", "Post"],
  [/(^|\.)slideshare\.net$/, "SlideShare", "Slides"],
  [/(^|\.)speakerdeck\.com$/, "Speaker Deck", "Slides"],
  [/(^|\.)imgur\.com$/, "Imgur", "Image"],
  [/(^|\.)tumblr\.com$/, "Tumblr", "Post"],
  [/(^|\.)issuu\.com$/, "Issuu", "Document"],
  [/(^|\.)scribd\.com$/, "Scribd", "Document"],
  [/(^|\.)kickstarter\.com$/, "Kickstarter", "Project"],
];

export interface Provider {
  name: string;
  what: string;
}

function hostName(url: string): string | undefined {
  try {
    return hostOf(new URL(url));
  } catch {
    return undefined;
  }
}

/** The oEmbed provider of a URL WordPress would embed, or undefined. */
export function providerOf(url: string): Provider | undefined {
  const host = hostName(url);
  if (!host) return undefined;
  for (const [re, name, what] of PROVIDERS) if (re.test(host)) return { name, what };
  return undefined;
}

/**
 * The link an embed becomes, the provider named (or the host, for a file on a site).
 * @example embedLink("https://youtu.be/x") // '<p><a href="https://youtu.be/x">Video on YouTube</a></p>'
 */
export function embedLink(url: string, what?: string): string {
  const provider = providerOf(url);
  const label = provider
    ? `${what ?? provider.what} on ${provider.name}`
    : `${what ?? "Media"} on ${hostName(url) ?? "another site"}`;
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>`;
}

/**
 * A URL alone on its line, from a provider WordPress embeds, becomes its link (WordPress's
 * autoembed); other bare URLs stay as they are.
 */
export function linkBareEmbeds(html: string): string {
  return html.replace(/^(\s*)(https?:\/\/[^\s<>"]+)(\s*)$/gim, (line, before, url, after) =>
    providerOf(url) ? `${before}${embedLink(url)}${after}` : line,
  );
}
