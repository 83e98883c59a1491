declare module "virtual:offprint/edition" {
  /** Path of the catalog index JSON, relative to the app's base. */
  export const indexUrl: string;
  /** Path of the paged catalog's manifest (src/catalog/paged.ts), relative to the app's base. */
  export const catalogUrl: string;
  /** How many articles the edition has. */
  export const articleCount: number;
  /** Path of the full-text search index JSON, relative to the app's base (fetched on first search). */
  export const searchUrl: string;
  /** The site's name (OFFPRINT_SITE_NAME, default "Offprint"). */
  export const siteName: string;
  /** The comment service's URL, or "" when the edition has none. */
  export const commentsUrl: string;
}

interface ImportMetaEnv {
  /** The reader cache's budget in bytes (OFFPRINT_READER_CACHE_MB), set by vite.config.ts. */
  readonly OFFPRINT_READER_CACHE_BYTES?: number;
}
