// What an article's slug is, for the build (which names articles from their files) and the page
// (which checks stored records' keys) alike: one pattern, so the two never disagree.

/** A slug is lowercase letters and digits in groups joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
