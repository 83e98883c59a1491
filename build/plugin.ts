// The Vite plugin that turns the content folder into the edition: in a build it emits the index,
// bodies and images as files; in dev it serves them from memory. The app imports
// `virtual:offprint/edition` for the index's URL and the site's settings.
import type { Plugin, ResolvedConfig } from "vite";
import { buildEdition, ContentError, type Edition, type EditionFile } from "./edition.ts";
import { buildSearchIndex } from "./search.ts";
import { escapeHtml, firstScreenHtml } from "./first-screen.ts";
import { noticeLines } from "./notices.ts";
import { stopBuild } from "./stop.ts";

const VIRTUAL_ID = "virtual:offprint/edition";
const RESOLVED_ID = "\0" + VIRTUAL_ID;

export interface OffprintOptions {
  /** The folder of Markdown articles (OFFPRINT_CONTENT). */
  content: string;
  /** The site name shown in titles (OFFPRINT_SITE_NAME). */
  siteName: string;
  /** The comment service, if any (OFFPRINT_COMMENTS_URL). */
  commentsUrl?: string;
  /** Every warning stops the build (OFFPRINT_STRICT=1). */
  strict?: boolean;
  /** Drafts are built too (OFFPRINT_DRAFTS=1). */
  drafts?: boolean;
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
}

export function offprintContent(options: OffprintOptions): Plugin<OffprintApi> {
  let edition: Edition | undefined;
  let search: EditionFile | undefined;
  let config: ResolvedConfig;

  async function load(): Promise<Edition> {
    edition ??= await buildEdition(options.content, {
      cwd: config.root,
      base: config.base,
      strict: options.strict,
      drafts: options.drafts,
    });
    return edition;
  }

  /** The search index, built from the edition only when first needed. */
  async function searchFile(): Promise<EditionFile> {
    search ??= buildSearchIndex(await load());
    return search;
  }

  /** The notice block on stdout, then each warning on its own line. */
  function tell(built: Edition) {
    config.logger.info(noticeLines(built.notices).join("\n"));
    for (const warning of built.warnings) config.logger.warn(warning);
  }

  return {
    name: "offprint-content",
    api: { edition: () => edition },
    configResolved(resolved) {
      config = resolved;
    },
    async buildStart() {
      edition = undefined;
      search = undefined;
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
    async load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const { index, indexFile } = await load();
      return [
        `export const indexUrl = ${JSON.stringify(indexFile)};`,
        `export const articleCount = ${index.articles.length};`,
        `export const searchUrl = ${JSON.stringify((await searchFile()).fileName)};`,
        `export const siteName = ${JSON.stringify(options.siteName)};`,
        `export const commentsUrl = ${JSON.stringify(options.commentsUrl ?? "")};`,
      ].join("\n");
    },
    transformIndexHtml: {
      order: "post",
      async handler(html) {
        const { index, indexFile } = await load();
        const csp = contentSecurityPolicy(options.commentsUrl);
        const page = html
          .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(options.siteName)}</title>`)
          .replace(
            "<!--csp-->",
            config.command === "build"
              ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}" />`
              : "",
          )
          .replace(
            '<div id="app"></div>',
            firstScreenHtml(index, { siteName: options.siteName, base: config.base }) +
              '<div id="app"></div>',
          );
        return {
          html: page,
          tags: [
            {
              tag: "link",
              attrs: {
                rel: "preload",
                as: "fetch",
                crossorigin: "anonymous",
                href: config.base + indexFile,
              },
              injectTo: "head-prepend",
            },
          ],
        };
      },
    },
    closeBundle() {
      if (edition) tell(edition);
    },
    async generateBundle() {
      for (const file of [...(await load()).files, await searchFile()]) {
        this.emitFile({ type: "asset", fileName: file.fileName, source: file.source });
      }
    },
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? "").split("?")[0];
        if (!url.startsWith(config.base)) return next();
        const rel = decodeURIComponent(url.slice(config.base.length));
        const files = [...(await load()).files, await searchFile()];
        const file = files.find((f) => f.fileName === rel);
        if (!file) return next();
        res.setHeader(
          "Content-Type",
          rel.endsWith(".json")
            ? "application/json"
            : rel.endsWith(".svg")
              ? "image/svg+xml"
              : "application/octet-stream",
        );
        res.end(file.source);
      });
    },
  };
}
