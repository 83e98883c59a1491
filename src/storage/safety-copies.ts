// Synchronous safety copies of the draft being typed, in localStorage, one per article *and per
// page*: `offprint-draft-safety:<slug>:<page>`. A debounced IndexedDB write can be cut short by a
// reload or a kill; the copy holds the text until IndexedDB has it. Each page holds a Web Lock
// named after its id while it lives, so another page can tell a copy still being typed (leave it
// alone) from one a closed page left behind (restore it, or keep it as a second version: never
// drop it). Copies written before pages had ids (`…:<slug>`) count as left behind.
import * as v from "valibot";
import { WEB_KEYS } from "./keys.ts";
import { DraftFields, sameFields, type Draft } from "./drafts.ts";
import { SLUG, TIME } from "./records.ts";

/** This page's id: a new one on every load, so two tabs (or a reload) never share a copy. */
export const PAGE_ID: string =
  globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36)}`;

/** The Web Lock a page holds while it lives: `offprint-page-<id>`. */
export const PAGE_LOCK_PREFIX = "offprint-page-";
const pageLock = (page: string) => `${PAGE_LOCK_PREFIX}${page}`;

/** The Web Lock under which closed pages' copies of one article are taken over. */
export const safetyLock = (slug: string): string => `offprint-safety-${slug}`;

let holding = false;

/** Holds this page's lock for as long as it lives (released by the browser when it goes). */
function holdPageLock(): void {
  if (holding || typeof navigator === "undefined" || !navigator.locks?.request) return;
  holding = true;
  void navigator.locks.request(pageLock(PAGE_ID), () => new Promise<void>(() => undefined));
}

const rev = v.pipe(v.number(), v.integer(), v.minValue(0));
const Copy = {
  slug: SLUG,
  rev,
  base: rev,
  inflight: v.optional(rev),
  fields: DraftFields,
  updatedAt: TIME,
};
const SafetyCopyV1 = v.object({ v: v.literal(1), ...Copy });
const SafetyCopyV2 = v.object({ v: v.literal(2), page: v.string(), ...Copy });
/**
 * The fields a page is about to write as `rev`. `base` is the newest stored rev the text was
 * built on, `inflight` a rev the page had started writing: a stored rev that is neither came from
 * another writer, so it is not overwritten without asking.
 */
export type SafetyCopy = Omit<v.InferOutput<typeof SafetyCopyV2>, "v" | "slug" | "page">;

export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // access itself can throw where storage is blocked
  }
}

const keyOf = (slug: string, page: string) => `${WEB_KEYS.draftSafetyPrefix}${slug}:${page}`;

/** Any copy at a key, with the page that wrote it ("" for copies older than page ids). */
export function readAt(key: string): { slug: string; page: string; copy: SafetyCopy } | undefined {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return undefined;
    const data: unknown = JSON.parse(raw);
    const version = (data as { v?: unknown } | null)?.v;
    const parsed = v.safeParse(version === 1 ? SafetyCopyV1 : SafetyCopyV2, data);
    if (!parsed.success) return undefined;
    const { slug, rev, base, inflight, fields, updatedAt } = parsed.output;
    const page = parsed.output.v === 2 ? parsed.output.page : "";
    return { slug, page, copy: { rev, base, inflight, fields, updatedAt } };
  } catch {
    return undefined;
  }
}

/**
 * Synchronously keeps the fields being edited, before any await; returns false if it could not.
 * @example writeSafetyCopy("some-slug", { rev: 5, base: 4, fields, updatedAt: Date.now() });
 */
export function writeSafetyCopy(slug: string, copy: SafetyCopy): boolean {
  const s = storage();
  if (!s) return false;
  holdPageLock();
  try {
    s.setItem(keyOf(slug, PAGE_ID), JSON.stringify({ v: 2, slug, page: PAGE_ID, ...copy }));
    return true;
  } catch {
    return false;
  }
}

/** This page's safety copy of one article's draft, or undefined. */
export function readSafetyCopy(slug: string): SafetyCopy | undefined {
  const found = readAt(keyOf(slug, PAGE_ID));
  return found && found.slug === slug && found.page === PAGE_ID ? found.copy : undefined;
}

/**
 * Drops this page's copy once IndexedDB holds its rev (or a newer one), never a newer copy;
 * `force` drops it whatever it holds (the reader chose the other text, or discarded).
 */
export function clearSafetyCopy(slug: string, storedRev: number, force = false): void {
  const copy = readSafetyCopy(slug);
  if (copy && copy.rev > storedRev && !force) return;
  try {
    storage()?.removeItem(keyOf(slug, PAGE_ID));
  } catch {
    // Nothing to do: a stale copy is harmless, the next load compares revs.
  }
}

/**
 * How a safety copy relates to the stored draft: "newer" (it holds unsaved text built on what is
 * stored: take it), "stored" (IndexedDB already has it or newer: drop it), or "conflict" (another
 * writer stored other text after it was made: ask the reader).
 */
export function compareSafetyCopy(
  copy: SafetyCopy,
  stored: Draft | undefined,
): "newer" | "stored" | "conflict" {
  if (!stored) return "newer";
  if (sameFields(copy.fields, stored.fields)) return "stored";
  const ours = stored.rev <= copy.base || stored.rev === copy.inflight;
  if (!ours) return "conflict";
  return copy.rev > stored.rev ? "newer" : "stored";
}

/** Every article slug this page holds a safety copy for. */
export function safetyCopySlugs(): string[] {
  return copyKeys()
    .map(readAt)
    .filter((c) => c !== undefined && c.page === PAGE_ID)
    .map((c) => c!.slug);
}

/** The keys of every safety copy, of every page. */
function copyKeys(): string[] {
  const s = storage();
  const keys: string[] = [];
  if (!s) return keys;
  for (let i = 0; i < s.length; i++) {
    const k = s.key(i);
    if (k?.startsWith(WEB_KEYS.draftSafetyPrefix)) keys.push(k);
  }
  return keys;
}

/**
 * The keys of the copies other pages wrote (for one article, or all): what ./claim-leftovers.ts
 * looks at.
 */
export function otherPagesCopies(slug?: string): string[] {
  return copyKeys().filter((key) => {
    const found = readAt(key);
    return found && found.page !== PAGE_ID && (!slug || found.slug === slug);
  });
}
