export { SLUG_PATTERN } from "../src/catalog/slug.ts";

/**
 * Makes a valid slug of any name: accents dropped, lowercase, every run of other characters
 * (dots, spaces, underscores…) one hyphen. Empty when nothing of the name is a letter or digit.
 * @example toSlug("Jekyll Sass Converter 3.0 Released") // "jekyll-sass-converter-3-0-released"
 */
export function toSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Turns a category name into its URL slug.
 * @example categorySlug("Arts & Culture") // "arts-culture"
 */
export function categorySlug(name: string): string {
  return toSlug(name);
}
