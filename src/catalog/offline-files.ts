// What the page and the service worker (src/sw.ts) agree on about the files kept offline: the
// worker's word that the reader cache (`CACHES.content` in src/storage/keys.ts) grew, and what
// JSON looks like. Small on purpose: the start-up chunk carries it (the catalog checks its JSON).

/** The message the worker posts to its pages when it put a file into the reader cache. */
export const CONTENT_CACHED = "offprint:content-cached";

/** Dispatched on window when the page cached an article (`keepOffline`): failed images may try again. */
export const CACHED_EVENT = "offprint:cached";

/** A JSON content type: application/json, or application/<something>+json. */
export const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Whether a response's content type says JSON. */
export const isJsonType = (contentType: string | null): boolean =>
  JSON_TYPE.test(contentType ?? "");
