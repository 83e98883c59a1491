// The paged catalog's format and its arithmetic, shared by the build (build/catalog-pages.ts) and
// the browser (./pages.ts): a small manifest, pages of summaries and slug shards.
//
// Pages are counted from the oldest article, so a new article changes only the newest page of
// its lists (and one slug shard), and editing an article changes only the pages holding it: a
// deploy re-downloads kilobytes. The newest page is the only one shorter than `pageSize`.
import type { ArticleSummary } from "./types.ts";

/** Summaries per page file. */
export const PAGE_SIZE = 100;
/** Slugs per shard, on average: the number of shards is the power of two that gets closest below. */
export const SHARD_TARGET = 512;

/** One list of the edition (all articles, or one category's): its length and its page files. */
export interface PagedList {
  count: number;
  /** Page file hashes, oldest page first (see `pageUrl`). */
  pages: string[];
}

/** A category and its own list. */
export interface CategoryList extends PagedList {
  name: string;
  slug: string;
}

/** The manifest: what the list needs before any page (fetched first, and small at any size). */
export interface CatalogManifest {
  version: 3;
  pageSize: number;
  all: PagedList;
  /** Sorted by name. */
  categories: CategoryList[];
  /** Slug shard file hashes: a slug's shard is `shardOf(slug, shards.length)`. */
  shards: string[];
}

/** A page file: up to `pageSize` summaries, newest first. */
export interface CatalogPage {
  articles: ArticleSummary[];
}

/**
 * Where a slug is: the article's number (its place in the whole list counted from the oldest, 0
 * first: its page there is `number / pageSize`, and the search knows articles by it), its category
 * (index in `categories`) and its page in that category's list; an old slug of a renamed article
 * has its article's place and, fourth, the slug it has now (so one shard answers).
 */
export type SlugEntry =
  | [number: number, category: number, categoryPage: number]
  | [number: number, category: number, categoryPage: number, now: string];
/** A slug shard file. */
export type SlugShard = Record<string, SlugEntry>;

/** The address of a page or shard file, relative to the app's base. */
export const catalogFileUrl = (hash: string): string => `content/catalog/${hash}.json`;

/** How many slug shards an edition of `count` slugs (articles and aliases) gets. */
export function shardCount(count: number): number {
  let n = 1;
  while (n * 2 * SHARD_TARGET <= count) n *= 2;
  return n;
}

/** The shard of a slug among `n` (FNV-1a: the same in Node and every browser). */
export function shardOf(slug: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % n;
}

/** Lengths of a list's pages, oldest page first. */
export function pageLengths(list: PagedList, pageSize: number): number[] {
  return list.pages.map((_, k) =>
    k < list.pages.length - 1 ? pageSize : list.count - pageSize * (list.pages.length - 1),
  );
}

/**
 * Where the `i`th article of a list, newest first, is: its page (counted from the oldest) and its
 * place in that page (newest first).
 * @example placeOf({ count: 250, pages: [a, b, c] }, 100, 0) // { page: 2, at: 0 }
 */
export function placeOf(
  list: PagedList,
  pageSize: number,
  i: number,
): { page: number; at: number } {
  const fromOldest = list.count - 1 - i;
  const page = Math.floor(fromOldest / pageSize);
  const last = Math.min((page + 1) * pageSize, list.count) - 1;
  return { page, at: last - fromOldest };
}

/** Splits a list (newest first) into its pages, oldest page first, each newest first. */
export function splitPages<T>(newestFirst: T[], pageSize: number): T[][] {
  const oldestFirst = [...newestFirst].reverse();
  const pages: T[][] = [];
  for (let k = 0; k * pageSize < oldestFirst.length; k++) {
    pages.push(oldestFirst.slice(k * pageSize, (k + 1) * pageSize).reverse());
  }
  return pages;
}
