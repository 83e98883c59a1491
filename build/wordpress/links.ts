// Links between posts of the old site become links between Offprint articles: every imported
// post's old addresses (its permalink and its ?p=ID guid) are known before any body is written.

/** A URL's host as the old site's addresses are compared: lowercase, without www. */
export function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, "");
}

/** A permalink path as a key: decoded, lowercase, without its trailing slash. */
function pathKey(pathname: string): string {
  let p = pathname;
  try {
    p = decodeURIComponent(pathname);
  } catch {
    // a malformed escape is compared as written
  }
  return p.toLowerCase().replace(/\/+$/, "") || "/";
}

/** The hosts (without www.) of the old site's URLs. */
export function siteHosts(urls: string[]): Set<string> {
  const hosts = new Set<string>();
  for (const u of urls) {
    try {
      if (u) hosts.add(hostOf(new URL(u)));
    } catch {
      // not a URL: nothing to match against
    }
  }
  return hosts;
}

/** Maps the old site's post addresses to `/articles/<slug>`. */
export class OldLinks {
  private byPath = new Map<string, string>();
  private byId = new Map<string, string>();

  constructor(private readonly hosts: ReadonlySet<string>) {}

  /** Remembers a post: its permalink, its guid and its ID lead to its slug. */
  add(post: { id: string; link: string; guid: string }, slug: string): void {
    if (post.id) this.byId.set(post.id, slug);
    for (const u of [post.link, post.guid]) {
      const url = this.parse(u);
      if (url && !url.searchParams.has("p") && !url.searchParams.has("page_id")) {
        this.byPath.set(pathKey(url.pathname), slug);
      }
    }
  }

  private parse(href: string): URL | undefined {
    try {
      const url = new URL(href, "https://relative.invalid/");
      const host = hostOf(url);
      if (host !== "relative.invalid" && !this.hosts.has(host)) return undefined;
      if (host === "relative.invalid" && !href.startsWith("/")) return undefined;
      return url;
    } catch {
      return undefined;
    }
  }

  /**
   * The Offprint address for a link to the old site's post, or the link as it was.
   * @example links.rewrite("https://old.example/2024/05/hello/#more") // "/articles/hello#more"
   */
  rewrite(href: string): string {
    const url = this.parse(href);
    if (!url) return href;
    const id = url.searchParams.get("p") ?? url.searchParams.get("page_id");
    const slug = id ? this.byId.get(id) : this.byPath.get(pathKey(url.pathname));
    return slug ? `/articles/${slug}${url.hash}` : href;
  }
}
