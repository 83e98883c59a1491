// What the page and the service worker (src/sw.ts) agree on about the files kept offline: the
// cache of articles a reader opened or bookmarked, the worker's word that it grew, and what JSON
// looks like. Small on purpose: the start-up chunk carries it (the catalog checks its JSON).

/** The Cache Storage name for articles kept once opened or bookmarked; updates never clear it. */
export const CONTENT_CACHE = "offprint-content";

/** The message the worker posts to its pages when it put a file into CONTENT_CACHE. */
export const CONTENT_CACHED = "offprint:content-cached";

/** Dispatched on window when the page cached an article (`keepOffline`): failed images may try again. */
export const CACHED_EVENT = "offprint:cached";

/** A JSON content type: application/json, or application/<something>+json. */
export const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Whether a response's content type says JSON. */
export const isJsonType = (contentType: string | null): boolean =>
  JSON_TYPE.test(contentType ?? "");
