// Static HTML for every route, from the app's own components: at the end of a build, Solid's
// server renderer (src/shell/render-page.tsx, loaded through a Vite server in SSR mode) renders
// `/`, every category, every article and the shells of the reader's own pages, each as a first
// visit sees it. Each page is the built index.html with that route's head and, before the app's
// mount point, its rendered first screen: readers without JavaScript, search engines and link
// previews get the page; with JavaScript the app takes its place (src/state/page.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createServer, type Plugin, type ResolvedConfig, type Rollup } from "vite";
import solid from "vite-plugin-solid";
import type { Edition } from "./edition.ts";
import type { Route } from "./head.ts";
import type { OffprintApi } from "./plugin.ts";
import { ownIds } from "../src/catalog/own-ids.ts";
import { articlePath, categoryPath } from "./site-url.ts";
import type { PageReads } from "./page-cache.ts";
import { filesUnder, mayTidy } from "./out-dir.ts";
import { SERVICE_WORKER_FILE } from "./output-names.ts";

/** One page the build writes: its file, the app's path, and its head. */
export interface StaticPage {
  file: string;
  /** The route's path from the site root ("/articles/tide"), as the app's router sees it. */
  path: string;
  route: Route;
  /**
   * The page component that routes.ts loads lazily for this address, whose stylesheet is in a
   * file of its own: the static page links it, or it would show (and then move) unstyled.
   */
  component?: string;
  /**
   * What the page shows of the edition, when that is all it shows: the page cache's key
   * (page-cache.ts). Pages without it are rendered by every build.
   */
  reads?: PageReads;
}

/** The reader's own pages: a shell each (what a first visit shows), titled as the app titles them. */
const SHELLS = [
  ["saved", "Saved", "src/pages/SavedPage.tsx"],
  ["drafts", "Drafts", "src/pages/DraftsPage.tsx"],
  ["highlights", "Highlights", "src/pages/HighlightsPage.tsx"],
  ["settings", "Settings", "src/pages/SettingsPage.tsx"],
  ["search", "Search", "src/pages/SearchPage.tsx"],
] as const;

const ARTICLE_PAGE = "src/pages/ArticlePage.tsx";

/** The pages this writes beside index.html, which the service worker does not precache. */
export const STATIC_PAGE_GLOBS = [
  "articles/*.html",
  "category/*.html",
  ...SHELLS.map(([at]) => `${at}.html`),
];

/**
 * Every page of an edition. An address `x` is written as `x.html` (and `/` as index.html): the
 * README's "Hosting the static pages" says how hosts serve `x` from it.
 * @example staticPages(edition).find((p) => p.path === "/articles/tide")?.file // "articles/tide.html"
 */
export function staticPages(edition: Edition): StaticPage[] {
  const pages: StaticPage[] = [{ file: "index.html", path: "/", route: { kind: "home" } }];
  const categories = new Map<string, string>();
  for (const a of edition.index.articles) categories.set(a.categorySlug, a.category);
  for (const [slug, name] of categories) {
    const at = categoryPath(slug);
    pages.push({ file: `${at}.html`, path: `/${at}`, route: { kind: "category", slug, name } });
  }
  const articles = edition.index.articles;
  articles.forEach((article, i) => {
    const at = articlePath(article.slug);
    pages.push({
      file: `${at}.html`,
      path: `/${at}`,
      route: { kind: "article", article },
      component: ARTICLE_PAGE,
      // The article, and its neighbours in the whole list (newest first) that the page links.
      reads: [articles[i - 1], article, articles[i + 1]],
    });
  });
  for (const [at, title, component] of SHELLS) {
    const route = { kind: "page", path: at, title } as const;
    pages.push({ file: `${at}.html`, path: `/${at}`, route, component });
  }
  // 404.html stands for every address the build did not write: its head claims none.
  pages.push({ file: "404.html", path: "/404", route: { kind: "shell" } });
  return pages;
}

/** A built page: the template's head and mount point given the route's head and first screen. */
export function pageHtml(
  template: string,
  {
    home,
    head,
    body,
    page,
    styles = [],
  }: { home: string; head: string; body: string; page: string; styles?: string[] },
): string {
  if (!template.includes(home)) throw new Error("offprint: index.html lost the head it was given");
  const links = styles.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`).join("");
  return template
    .replace(home, () => head)
    .replace("</head>", () => `${links}</head>`)
    .replace("<html ", () => `<html data-page="${page}" `)
    .replace('<div id="app">', () => `<div id="first-screen">${ownIds(body)}</div><div id="app">`);
}

type RenderModule = {
  renderPage(path: string, base?: string): Promise<string>;
  readEditionFrom(source: {
    index(): Promise<Edition["index"]>;
    body(a: { slug: string }): Promise<{ slug: string; html: string }>;
    file(path: string): Promise<unknown>;
  }): void;
};

/** Loads the app's server renderer over the built edition, in a Vite server of its own. */
async function loadRenderer(root: string, base: string, api: OffprintApi, edition: Edition) {
  const virtual = await api.virtualModule();
  const server = await createServer({
    configFile: false,
    root,
    base,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    ssr: { noExternal: ["@solidjs/router"] },
    plugins: [
      solid({ ssr: true }),
      {
        name: "offprint-edition-ssr",
        resolveId: (id) => (id === "virtual:offprint/edition" ? "\0offprint-edition" : undefined),
        load: (id) => (id === "\0offprint-edition" ? virtual : undefined),
      },
    ],
  });
  // The data itself, not its text parsed again: the app only reads what it is given (the
  // browser's copy keeps each file it fetched and hands the same object to every reader).
  const catalogFiles = new Map(edition.paged.files.map((f) => [f.fileName, f.data]));
  const mod = (await server.ssrLoadModule("/src/shell/render-page.tsx")) as RenderModule;
  mod.readEditionFrom({
    index: async () => edition.index,
    body: async (a) => {
      const body = edition.bodies.get(a.slug);
      if (!body) throw new Error(`offprint: no body for ${a.slug}`);
      return body;
    },
    file: async (path) => {
      const file = catalogFiles.get(path);
      if (file === undefined) throw new Error(`offprint: no file ${path}`);
      return file;
    },
  });
  return { render: mod.renderPage, close: () => server.close() };
}

/**
 * The stylesheets each lazily loaded page component brings (its chunk's and those of the chunks it
 * imports, but not the entry's, which index.html links already), as the page's URLs. A component
 * the bundle does not have is a build error: routes.ts and SHELLS above must name the same files.
 */
export function componentStyles(
  bundle: Rollup.OutputBundle,
  root: string,
  base: string,
  components: Iterable<string>,
): Map<string, string[]> {
  const chunks = Object.values(bundle).filter((o): o is Rollup.OutputChunk => o.type === "chunk");
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const styles = new Map<string, string[]>();
  for (const component of new Set(components)) {
    const entry = chunks.find(
      (c) => c.facadeModuleId && path.relative(root, c.facadeModuleId) === component,
    );
    if (!entry) throw new Error(`offprint: the bundle has no chunk for ${component} (routes.ts)`);
    const css = new Set<string>();
    const seen = new Set<string>();
    const visit = (chunk: Rollup.OutputChunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.add(chunk.fileName);
      for (const file of chunk.viteMetadata?.importedCss ?? []) css.add(file);
      for (const imported of chunk.imports) {
        const next = byFile.get(imported);
        if (next && !next.isEntry) visit(next);
      }
    };
    visit(entry);
    styles.set(
      component,
      [...css].map((file) => base + file),
    );
  }
  return styles;
}

/** The Vite plugin: after the bundle is written, writes every static page beside index.html. */
export function offprintPrerender(content: () => OffprintApi | undefined): Plugin {
  let config: ResolvedConfig;
  return {
    name: "offprint-prerender",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    writeBundle: {
      // After offprint-content has written 404.html, before the service worker lists the files.
      sequential: true,
      async handler(output, bundle) {
        const api = content();
        const edition = api?.edition();
        if (!api || !edition) return;
        const dir = output.dir ?? "dist";
        const folder = api.output(dir);
        const template = readFileSync(path.join(dir, "index.html"), "utf8");
        const home = await api.head({ kind: "home" });
        const base = config.base.replace(/\/$/, "");
        const started = performance.now();
        const renderer = await loadRenderer(config.root, config.base, api, edition);
        const cache = await api.pageCache();
        let kept = 0;
        const pages = staticPages(edition);
        const styles = componentStyles(
          bundle,
          config.root,
          config.base,
          pages.flatMap((p) => (p.component ? [p.component] : [])),
        );
        try {
          // One page at a time: the renderer's module state is one, and a build after one edit is
          // mostly kept pages read and written, synchronously (many small files: kept-files.ts).
          for (const page of pages) {
            const name = page.reads === undefined ? undefined : cache.name(page.reads);
            let body = name && cache.get(name);
            if (body) kept++;
            else {
              body = await renderer.render(page.path, base);
              if (name) cache.put(name, body);
            }
            const html = pageHtml(template, {
              home,
              head: await api.head(page.route),
              body,
              page: base + page.path,
              styles: page.component ? styles.get(page.component) : [],
            });
            folder.write(page.file, html);
          }
          cache.prune();
        } finally {
          await renderer.close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        config.logger.info(
          `  static pages: ${pages.length} in ${seconds} s, ${kept} of them kept from the last build`,
        );
        // The last of the build's files is written: what the folder still holds from an earlier
        // build goes, before the service worker lists the folder (vite.config.ts keeps it).
        if (!config.build.emptyOutDir && mayTidy(dir, config.root)) {
          const removed = folder.removeOthers([
            ...Object.keys(bundle),
            SERVICE_WORKER_FILE,
            ...(config.publicDir ? filesUnder(config.publicDir) : []),
          ]);
          const { written, unchanged } = folder.counts;
          config.logger.info(
            `  ${path.relative(config.root, dir)}/: ${written} files written, ${unchanged} already as built, ${removed} left from an earlier build removed`,
          );
        } else if (!config.build.emptyOutDir) {
          config.logger.warn(
            `offprint: ${dir} is outside the project, so files of earlier builds are left in it: pass --emptyOutDir to empty it first`,
          );
        }
      },
    },
  };
}
