// The front matter of other tools (Jekyll, Hugo, Eleventy, Astro) mapped onto Offprint's fields.
// This layer only moves and reshapes values and records what it did, for the build's notices;
// whether the result is valid is frontmatter.ts's to say, with Offprint's own messages.
import { calendarDate } from "./dates.ts";

/** Offprint's field ← the fields it is also read from, first found wins (the README's table). */
export const BORROWED_FIELDS = {
  date: ["date", "pubDate", "publishDate", "published"],
  updated: ["lastmod", "updated", "updatedDate", "modified"],
  category: ["category", "categories"],
  excerpt: ["excerpt", "description", "summary"],
  tags: ["tags", "keywords", "categories"],
  author: ["author"],
  image: ["image", "heroImage", "cover", "featured_image", "thumbnail"],
  imageAlt: ["imageAlt", "image_alt", "alt", "cover.alt"],
  slug: ["slug"],
  draft: ["draft", "published"],
} as const;

/** The fields Offprint reads as they are documented, never mapped. */
const OWN_FIELDS = ["title", "imageCredit", "aliases"];

/** WordPress's name for the category of a post that has none. */
export const NO_CATEGORY = "Uncategorized";

export interface Borrowed {
  /** The front matter in Offprint's shape, to validate. */
  fields: Record<string, unknown>;
  /** `slug` from the front matter, when given. */
  slug?: string;
  /** `draft: true` or `published: false`. */
  draft: boolean;
  /** An image from another tool's field (`heroImage`, `cover`…): its problems are warnings. */
  borrowedImage?: { from: string; path: string };
  /** What was mapped, one label per rule used ("categories → category"). */
  mapped: string[];
  /** Values that cannot be used, naming their field. */
  errors: string[];
  /** Offprint's fields whose value could not be read (their error is said once, above). */
  failed: string[];
  /** Fields none of the rules reads (`layout`, `permalink`…). */
  unused: string[];
}

type Data = Record<string, unknown>;

const isText = (x: unknown): x is string => typeof x === "string" && x.trim() !== "";

function shown(x: unknown): string {
  return JSON.stringify(x);
}

/** A list of text from a list or from text split as `split` says. */
function textList(x: unknown, split: RegExp): string[] | undefined {
  if (Array.isArray(x)) return x.every((t) => typeof t === "string") ? x : undefined;
  if (typeof x === "string") return x.split(split).filter((t) => t.trim() !== "");
  return undefined;
}

/** The date fields: Offprint's YYYY-MM-DD as it is, other forms read by calendarDate. */
function mapDate(data: Data, out: Borrowed, field: "date" | "updated", keys: readonly string[]) {
  for (const key of keys) {
    const value = data[key];
    if (value === undefined || value === null || typeof value === "boolean") continue;
    if (key === field && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
      out.fields[field] = value;
      return;
    }
    const date = typeof value === "string" ? calendarDate(value) : undefined;
    if (date) {
      out.fields[field] = date;
      out.mapped.push(
        key === field ? `${key} with a time or in words → YYYY-MM-DD` : `${key} → ${field}`,
      );
    } else if (key === "date")
      out.fields.date = value; // Offprint's own message says what is wrong
    else {
      out.errors.push(`"${key}" must be YYYY-MM-DD (got ${shown(value)})`);
      out.failed.push(field);
    }
    return;
  }
}

function mapCategory(data: Data, out: Borrowed): string[] {
  const list = textList(data.categories, /\s+/); // Jekyll splits a text of categories on spaces
  if (data.categories !== undefined && !list)
    out.errors.push('"categories" must be a list of text');
  const rest = list ?? [];
  if (data.category !== undefined) {
    out.fields.category = data.category;
    const more = rest.filter((c) => c !== data.category);
    if (more.length) out.mapped.push("categories → tags");
    return more;
  }
  if (rest.length) {
    out.fields.category = rest[0];
    out.mapped.push("categories → category");
    if (rest.length > 1) out.mapped.push("categories → tags");
    return rest.slice(1);
  }
  out.fields.category = NO_CATEGORY;
  out.mapped.push(`no category → ${NO_CATEGORY}`);
  return [];
}

function mapTags(data: Data, out: Borrowed, moreCategories: string[]) {
  const tags: unknown[] = [];
  if (typeof data.tags === "string") {
    tags.push(data.tags);
    out.mapped.push("tags as text → list");
  } else if (Array.isArray(data.tags)) tags.push(...data.tags);
  else if (data.tags !== undefined) out.fields.tags = data.tags; // Offprint's message
  const keywords = textList(data.keywords, /\s*,\s*/);
  if (data.keywords !== undefined && !keywords)
    out.errors.push('"keywords" must be a list of text');
  if (keywords?.length) out.mapped.push("keywords → tags");
  tags.push(...(keywords ?? []), ...moreCategories);
  if (tags.length) out.fields.tags = [...new Set(tags)];
}

function mapText(data: Data, out: Borrowed, field: string, keys: readonly string[]) {
  const key = keys.find((k) => data[k] !== undefined && data[k] !== null);
  if (key === undefined) return;
  if (key === field) out.fields[field] = data[key];
  else if (isText(data[key])) {
    out.fields[field] = data[key];
    out.mapped.push(`${key} → ${field}`);
  } else out.errors.push(`"${key}" must be text`);
}

function mapAuthor(data: Data, out: Borrowed) {
  const author = Array.isArray(data.author) ? data.author[0] : data.author;
  const name =
    author && typeof author === "object" && "name" in author ? (author as Data).name : author;
  if (name === undefined) return;
  out.fields.author = name;
  if (Array.isArray(data.author)) out.mapped.push("author list → first");
  else if (name !== data.author) out.mapped.push("author.name → author");
}

function mapImage(data: Data, out: Borrowed) {
  const cover = data.cover && typeof data.cover === "object" ? (data.cover as Data) : undefined;
  const key = BORROWED_FIELDS.image.find((k) => data[k] !== undefined && data[k] !== null);
  const alt = ["imageAlt", "image_alt", "alt"].find((k) => data[k] !== undefined);
  if (alt) out.fields.imageAlt = data[alt];
  else if (cover?.alt !== undefined) out.fields.imageAlt = cover.alt;
  if (key === undefined) return;
  const value = key === "cover" && cover ? cover.image : data[key];
  if (key === "image") out.fields.image = value;
  else if (isText(value)) {
    const from = key === "cover" && cover ? "cover.image" : key;
    out.borrowedImage = { from, path: value };
    out.mapped.push(`${from} → image`);
  } else out.errors.push(`"${key}" must be a path to an image`);
  if (alt && alt !== "imageAlt") out.mapped.push(`${alt} → imageAlt`);
  else if (!alt && out.fields.imageAlt !== undefined) out.mapped.push("cover.alt → imageAlt");
}

/**
 * Maps one file's front matter onto Offprint's fields.
 * @example borrow({ title: "T", pubDate: "Jul 08 2022" }).fields.date // "2022-07-08"
 */
export function borrow(data: Data, { dateFromName }: { dateFromName?: string } = {}): Borrowed {
  const out: Borrowed = {
    fields: {},
    draft: false,
    mapped: [],
    errors: [],
    failed: [],
    unused: [],
  };
  for (const field of OWN_FIELDS) if (field in data) out.fields[field] = data[field];
  mapDate(data, out, "date", BORROWED_FIELDS.date);
  if (out.fields.date === undefined && dateFromName) {
    out.fields.date = dateFromName;
    out.mapped.push("date from file name");
  }
  mapDate(data, out, "updated", BORROWED_FIELDS.updated);
  mapTags(data, out, mapCategory(data, out));
  mapText(data, out, "excerpt", BORROWED_FIELDS.excerpt);
  mapAuthor(data, out);
  mapImage(data, out);
  if (data.slug !== undefined) {
    if (isText(data.slug)) out.slug = data.slug;
    else out.errors.push('"slug" must be text');
  }
  out.draft = data.draft === true || data.published === false;
  const read = new Set<string>([...OWN_FIELDS, ...Object.values(BORROWED_FIELDS).flat()]);
  out.unused = Object.keys(data).filter((k) => !read.has(k));
  return out;
}
