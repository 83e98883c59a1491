export { SLUG_PATTERN } from "../src/catalog/slug.ts";

/**
 * Turns a category name into its URL slug.
 * @example categorySlug("Arts & Culture") // "arts-culture"
 */
export function categorySlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
