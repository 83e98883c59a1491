// Offprint's slugs are lowercase ASCII words joined by hyphens; WordPress's are whatever the
// editor typed, percent-encoded when they are not ASCII. This turns one into the other and keeps
// every slug of the import unique.
import slugify from "@sindresorhus/slugify";
import { SLUG_PATTERN } from "../slug.ts";

/** Decodes a percent-encoded slug; a malformed sequence is left as it is. */
function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/**
 * A valid Offprint slug for a WordPress post name (transliterated when it is not ASCII), or "".
 * @example offprintSlug("%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82") // "privet"
 */
export function offprintSlug(name: string): string {
  const slug = slugify(decoded(name), { decamelize: false, separator: "-" });
  return SLUG_PATTERN.test(slug) ? slug : "";
}

/** Hands out each slug once: a second "news" becomes "news-2", then "news-3". */
export class SlugRegistry {
  private taken = new Set<string>();

  claim(wanted: string): string {
    let slug = wanted;
    for (let n = 2; this.taken.has(slug); n++) slug = `${wanted}-${n}`;
    this.taken.add(slug);
    return slug;
  }
}
