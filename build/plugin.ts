// The Vite plugin that turns the content folder into the edition: in a build it emits the index,
// bodies and images as files; in dev it serves them from memory. The app imports
// `virtual:offprint/edition` for the edition files' URLs (read from the page, see
// `virtualModule`) and the site's settings. Beside the edition it
// writes what other sites read (build/published.ts): feeds, the sitemap, robots.txt and
// link-preview pictures, and the head of index.html and 404.html.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin, ResolvedConfig } from "vite";
import { buildEdition, ContentError, type Edition, type EditionFile } from "./edition.ts";
import { buildSearchShards, SHARD_BYTES } from "./search-shards.ts";
import { SearchCountCache } from "./search-cache.ts";
import { firstPages } from "./catalog-pages.ts";
import { escapeHtml } from "./html.ts";
import { headHtml, pageHead, type Route } from "./head.ts";
import { publish, SITE_URL_MISSING, type Published } from "./published.ts";
import { noticeLines } from "./notices.ts";
import { stopBuild } from "./stop.ts";
import { cacheDirFromEnv } from "./article-cache.ts";
import { PageCache } from "./page-cache.ts";
import { OutputFolder } from "./out-dir.ts";

/** What the dev server answers for the files it serves from memory. */
const CONTENT_TYPES: Record<string, string> = {
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain",
};

const VIRTUAL_ID = "virtual:offprint/edition";
/** The element of every page holding the edition's addresses (`EditionFiles`, as JSON). */
const EDITION_ELEMENT_ID = "offprint-edition";

/** What changes with each edition: the addresses of its hashed files, and its size. */
interface EditionFiles {
  index: string;
  catalog: string;
  search: string;
  count: number;
}
const RESOLVED_ID = "\0" + VIRTUAL_ID;

export interface OffprintOptions {
  /** The folder of Markdown articles (OFFPRINT_CONTENT). */
  content: string;
  /** The site name shown in titles (OFFPRINT_SITE_NAME). */
  siteName: string;
  /** The comment service, if any (OFFPRINT_COMMENTS_URL). */
  commentsUrl?: string;
  /** The absolute URL of the site root, ending with "/" (OFFPRINT_SITE_URL), if given. */
  siteUrl?: string;
  /** Articles per feed (OFFPRINT_FEED_ITEMS). */
  feedItems: number;
  /** Every warning stops the build (OFFPRINT_STRICT=1). */
  strict?: boolean;
  /** Drafts are built too (OFFPRINT_DRAFTS=1). */
  drafts?: boolean;
  /** The newest articles whose search shards are precached (OFFPRINT_PRECACHE_ARTICLES). */
  precacheArticles?: number;
}

/**
 * The page's Content-Security-Policy: nothing but our own origin, plus the comment service's
 * origin for `connect-src` when the edition names one.
 */
export function contentSecurityPolicy(commentsUrl?: string): string {
  const connect = ["'self'"];
  if (commentsUrl) connect.push(new URL(commentsUrl).origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src ${connect.join(" ")}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-src 'none'",
  ].join("; ");
}

/** What other build steps (the service worker's precache list) may read of the built edition. */
export interface OffprintApi {
  edition(): Edition | undefined;
  /** The head of a route as HTML (build/prerender.ts writes one per page). */
  head(route: Route): Promise<string>;
  /** The source of `virtual:offprint/edition`, for the server renderer's own module graph. */
  virtualModule(): Promise<string>;
  /** Articles' static pages kept between builds, for this edition's content folder and base. */
  pageCache(): Promise<PageCache>;
  /** This build's output folder: what writes a file there, and what tidies it at the end. */
  output(dir: string): OutputFolder;
}

export function offprintContent(options: OffprintOptions): Plugin<OffprintApi> {
  let edition: Edition | undefined;
  let search: EditionFile[] | undefined;
  let published: Published | undefined;
  let outFolder: OutputFolder | undefined;
  let config: ResolvedConfig;

  /** One per build, shared by the plugins that write into the folder. */
  function outputFolder(dir: string): OutputFolder {
    if (outFolder?.dir !== dir) outFolder = new OutputFolder(dir);
    return outFolder;
  }

  /** The build cache folder (OFFPRINT_BUILD_CACHE), and the part of it this edition uses. */
  const cacheDir = () => cacheDirFromEnv(process.env, config.root);
  const cacheScope = () => ({
    root: path.resolve(config.root, options.content),
    base: config.base,
  });

  async function load(): Promise<Edition> {
    edition ??= await buildEdition(options.content, {
      cwd: config.root,
      base: config.base,
      strict: options.strict,
      drafts: options.drafts,
      cache: cacheDir(),
    });
    return edition;
  }

  /** The search manifest (first) and shards, built from the edition only when first needed. */
  async function searchFiles(): Promise<EditionFile[]> {
    if (!search) {
      const kept = new SearchCountCache(cacheDir(), cacheScope());
      search = buildSearchShards(
        await load(),
        options.precacheArticles ?? 200,
        SHARD_BYTES,
        (a, make) => kept.of(a, make),
      );
      kept.prune();
    }
    return search;
  }

  /** Feeds, sitemap, robots.txt and preview pictures, made only when first needed. */
  async function publishedFiles(): Promise<Published> {
    published ??= publish(await load(), options);
    return published;
  }

  /** The head of a route as HTML, for the pages this plugin writes. */
  async function head(route: Route): Promise<string> {
    const { images } = await publishedFiles();
    return headHtml(pageHead(route, { ...options, images }));
  }

  /** The addresses of this build's edition files, which change with every edit. */
  async function editionFiles(): Promise<EditionFiles> {
    const { index, indexFile, paged } = await load();
    return {
      index: indexFile,
      catalog: paged.manifestFile,
      search: (await searchFiles())[0].fileName,
      count: index.articles.length,
    };
  }

  /**
   * The source of `virtual:offprint/edition`. The server renderer gets every value written in;
   * the browser's copy reads the edition's addresses from the page it runs in
   * (EDITION_ELEMENT_ID, written by transformIndexHtml), so the app's code is the same for every
   * edition: an edited article changes no script's hash, and a returning reader's browser
   * fetches no script again (issue 17).
   */
  async function virtualModule(ssr = true): Promise<string> {
    const settings = [
      `export const siteName = ${JSON.stringify(options.siteName)};`,
      `export const commentsUrl = ${JSON.stringify(options.commentsUrl ?? "")};`,
    ];
    const files = ssr
      ? `const files = ${JSON.stringify(await editionFiles())};`
      : // Every page has it (transformIndexHtml); no message of its own, for the start-up budget.
        `const files = JSON.parse(document.getElementById(${JSON.stringify(EDITION_ELEMENT_ID)}).textContent);`;
    return [
      files,
      `export const indexUrl = files.index;`,
      `export const catalogUrl = files.catalog;`,
      `export const articleCount = files.count;`,
      `export const searchUrl = files.search;`,
      ...settings,
    ].join("\n");
  }

  /** The static pages' cache, beside the article cache (OFFPRINT_BUILD_CACHE). */
  async function pageCache(): Promise<PageCache> {
    return new PageCache(
      cacheDir(),
      cacheScope(),
      // The settings without the edition's addresses, which change with every edit and which an
      // article's page does not show.
      { source: path.join(config.root, "src"), settings: await virtualModule(false) },
    );
  }

  /** The notice block on stdout, then each warning on its own line. */
  function tell(built: Edition) {
    config.logger.info(noticeLines(built.notices).join("\n"));
    for (const warning of built.warnings) config.logger.warn(warning);
    if (config.command === "build" && !options.siteUrl) config.logger.warn(SITE_URL_MISSING);
  }

  return {
    name: "offprint-content",
    api: { edition: () => edition, head, virtualModule, pageCache, output: outputFolder },
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      edition = undefined;
      search = undefined;
      published = undefined;
      outFolder = undefined;
      try {
        const built = await load();
        // A build says it once it has succeeded (closeBundle); the dev server says it now.
        if (config.command === "serve") tell(built);
      } catch (err) {
        if (!(err instanceof ContentError)) throw err;
        // A one-off build prints the problems alone; dev and watch mode keep running and show them.
        if (config.command === "build" && !this.meta.watchMode) stopBuild(err.problems);
        this.error(err.message);
      }
      this.addWatchFile(options.content);
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    async load(id, opts) {
      if (id !== RESOLVED_ID) return undefined;
      return virtualModule(opts?.ssr === true);
    },
    transformIndexHtml: {
      order: "post",
      async handler(html) {
        const { paged } = await load();
        const csp = contentSecurityPolicy(options.commentsUrl);
        const page = html
          .replace(/<title>[^<]*<\/title>/, await head({ kind: "home" }))
          .replace(
            "<!--csp-->",
            config.command === "build"
              ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}" />`
              : "",
          );
        // The manifest and the list's first pages start with the page, not after the script.
        const preload = (file: string) => ({
          tag: "link",
          attrs: {
            rel: "preload",
            as: "fetch",
            crossorigin: "anonymous",
            href: config.base + file,
          },
          injectTo: "head-prepend" as const,
        });
        // The edition's addresses, for `virtual:offprint/edition` in the browser. JSON is not
        // run, so the Content-Security-Policy has nothing to allow; "<" is escaped so no value
        // can close the element.
        const files = {
          tag: "script",
          attrs: { type: "application/json", id: EDITION_ELEMENT_ID },
          children: JSON.stringify(await editionFiles()).replace(/</g, "\\u003c"),
          injectTo: "head" as const,
        };
        return {
          html: page,
          tags: [...[paged.manifestFile, ...firstPages(paged.manifest)].map(preload), files],
        };
      },
    },
    closeBundle() {
      if (edition) tell(edition);
    },
    async writeBundle(output) {
      const folder = outputFolder(output.dir ?? "dist");
      // The edition's files are written here, not emitted into the bundle: the bundler would
      // hold a second copy of each (every body, page and shard) until the build ends, hundreds
      // of megabytes at 100,000 articles. A body's text is made as it is written, and a file the
      // last build left with the same bytes is not written again (out-dir.ts).
      const files = [
        ...(await load()).files,
        ...(await searchFiles()),
        ...(await publishedFiles()).files,
      ];
      for (const file of files) folder.write(file.fileName, file.source);
      // A plain static host serves 404.html for unknown paths: make it the app, so deep links
      // open. Its head claims no address: it stands for any page the build did not write.
      const html = readFileSync(path.join(folder.dir, "index.html"), "utf8");
      const [home, shell] = [await head({ kind: "home" }), await head({ kind: "shell" })];
      if (!html.includes(home)) throw new Error("offprint: index.html lost the head it was given");
      folder.write("404.html", html.replace(home, shell));
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? "").split("?")[0];
        if (!url.startsWith(config.base)) return next();
        const rel = decodeURIComponent(url.slice(config.base.length));
        const files = [
          ...(await load()).files,
          ...(await searchFiles()),
          ...(await publishedFiles()).files,
        ];
        const file = files.find((f) => f.fileName === rel);
        if (!file) return next();
        res.setHeader(
          "Content-Type",
          CONTENT_TYPES[path.extname(rel)] ?? "application/octet-stream",
        );
        res.end(file.source);
      });
    },
  };
}
