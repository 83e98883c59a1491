// Stands in for the build's virtual module in unit tests; serve-edition.ts answers the fetches.
export const indexUrl = "content/index.json";
export const catalogUrl = "content/catalog.json";
export const articleCount = 25;
export const searchUrl = "content/search.json";
export const siteName = "Offprint";
/** No comment service by default; the outbox's tests point it at one with `setCommentsUrl`. */
export let commentsUrl = "";

/** Sets the comment service this test file's edition names (the build's OFFPRINT_COMMENTS_URL). */
export function setCommentsUrl(url: string): void {
  commentsUrl = url;
}
