// Every name Offprint stores things under, in one place: the IndexedDB databases (one per kind of
// record, so no schema upgrade is ever needed), the keys of single records, the Web Storage keys
// kept beside them, the Cache Storage names, the channel tabs announce writes on, and the Web Lock
// each record is written under. It imports nothing, so the page, the service worker (src/sw.ts)
// and build/ can all import it. These names are on readers' devices: never rename one (its data
// would be orphaned); hence the mixed styles. `public/theme.js` repeats `WEB_KEYS.settingsMirror`
// (it runs before any module; tests/unit/pages/comfort.test.tsx runs it against this key). The
// locks of safety copies, taken only by modules loaded later, are named in ./safety-copies.ts:
// this module is in the start-up chunk, and nothing is stored under a lock's name.

/** One database per kind of record. */
export const DATABASES = {
  reads: "offprint-reads",
  bookmarks: "offprint-bookmarks",
  drafts: "offprint-drafts",
  identity: "offprint-identity",
  outbox: "offprint-outbox",
  settings: "offprint-settings",
  positions: "offprint-positions",
  /** clientIds of replies this device has sent, kept after the outbox forgets the reply. */
  sent: "offprint-sent",
  /** Second versions of drafts: text that lost a conflict, an import or an Edit, never dropped. */
  versions: "offprint-versions",
  /** The import journal: what an import is writing and what it replaced (for roll-back, Undo). */
  journal: "offprint-journal",
  /** When each slug with read marks or positions was first seen missing from the edition. */
  orphans: "offprint-orphans",
  /** Highlights and their notes, one record per article. */
  highlights: "offprint-highlights",
} as const;

export type Kind = keyof typeof DATABASES;

/** Keys of the databases that hold a single record. */
export const RECORD_KEYS = {
  identity: "identity",
  settings: "reading",
  sent: "sent",
  journal: "import",
  orphans: "missing",
} as const;

/** Web Storage keys (all start with "offprint", which "Delete everything" relies on). */
export const WEB_KEYS = {
  /** localStorage: the settings mirror public/theme.js applies before the first paint. */
  settingsMirror: "offprint-settings",
  /** localStorage prefix of a draft's safety copy. */
  draftSafetyPrefix: "offprint-draft-safety:",
  /** localStorage: present while a reply waits to be sent. */
  outboxPending: "offprint:outbox-pending",
  /** localStorage: present while an import is being written (start-up then checks its journal). */
  importPending: "offprint-import-pending",
  /** localStorage: the position written as the last page went away. */
  positionPending: "offprint-position-pending",
  /** localStorage: present once this device has kept a highlight (lists then load their counts). */
  highlightsKept: "offprint-highlights-kept",
  /** sessionStorage: the scroll position of each list page, by URL (src/state/scroll.ts). */
  scrollPositions: "offprint:scroll",
} as const;

/**
 * Cache Storage names. The Workbox precache names its own (`…-precache-…`, replaced with each
 * deploy); these outlive every update.
 */
export const CACHES = {
  /** Articles kept once opened or bookmarked (src/state/kept-offline.ts, src/sw.ts). */
  content: "offprint-content",
  /** Search shards of the archive fetched at runtime (src/sw.ts), the newest few hundred. */
  search: "offprint-search",
  /**
   * Pages and slug shards of the paged catalog fetched at runtime (src/sw.ts), so an article kept
   * offline past the precache still finds its summary; the newest few hundred.
   */
  catalog: "offprint-catalog",
} as const;

/** The BroadcastChannel on which each tab announces its writes (src/storage/sync.ts). */
export const CHANNEL = "offprint";

/** Every Web Storage key Offprint writes starts with this. */
export const WEB_STORAGE_PREFIX = "offprint";

/**
 * The Web Lock a record is read-modified-written under, the same in every tab and in import.
 * @example withLock(lockName("drafts", "some-slug"), () => write());
 */
export function lockName(kind: Kind, key: string): string {
  return `offprint-${kind}-${key}`;
}
