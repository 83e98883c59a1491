// Every name Offprint stores things under, in one place: the IndexedDB databases (one per kind of
// record, so no schema upgrade is ever needed), the keys of single records, the Web Storage keys
// kept beside them, and the Web Lock each record is written under. `public/theme.js` repeats
// `WEB_KEYS.settingsMirror` (it runs before any module).

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
} as const;

/** Every Web Storage key Offprint writes starts with this. */
export const WEB_STORAGE_PREFIX = "offprint";

/**
 * The Web Lock a record is read-modified-written under, the same in every tab and in import.
 * @example withLock(lockName("drafts", "some-slug"), () => write());
 */
export function lockName(kind: Kind, key: string): string {
  return `offprint-${kind}-${key}`;
}
