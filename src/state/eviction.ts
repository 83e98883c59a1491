// Which of the articles kept offline go when the reader cache is over its budget: the rules as a
// pure function over what the cache holds, so they are tested without a browser. The cache itself
// is read and written by ./kept-offline.ts.

/** What the cache holds for one article (or for a file no current article names). */
export interface KeptGroup {
  /** The URLs of its files: body and images. A file may be shared with another group. */
  files: string[];
  /** When the reader last opened or bookmarked it (ms since 1970); 0 if never. */
  openedAt: number;
  /** An old revision of an article, an article the edition removed, or a file nobody names. */
  stale: boolean;
  /** Bookmarked or drafted: never evicted. */
  pinned: boolean;
}

/**
 * The files to delete so that the cache fits `budget` bytes: stale groups first, then the least
 * recently opened articles that are not pinned; pinned articles stay even over budget. A file that
 * a group still kept names is not deleted.
 * @example evict(groups, sizes, 50 * 1024 * 1024) // ["/content/articles/old-0123456789.json", …]
 */
export function evict(
  groups: readonly KeptGroup[],
  sizeOf: (url: string) => number,
  budget: number,
): string[] {
  const users = new Map<string, number>();
  for (const g of groups) for (const f of new Set(g.files)) users.set(f, (users.get(f) ?? 0) + 1);
  let total = [...users.keys()].reduce((sum, f) => sum + sizeOf(f), 0);
  const order = groups
    .filter((g) => g.stale || !g.pinned)
    .sort((a, b) => Number(b.stale) - Number(a.stale) || a.openedAt - b.openedAt);
  const gone: string[] = [];
  for (const group of order) {
    if (total <= budget) break;
    for (const f of new Set(group.files)) {
      const left = (users.get(f) ?? 1) - 1;
      users.set(f, left);
      if (left > 0) continue;
      gone.push(f);
      total -= sizeOf(f);
    }
  }
  return gone;
}
