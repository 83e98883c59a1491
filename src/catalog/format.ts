const dateFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
  timeZone: "UTC",
});

/**
 * Formats a YYYY-MM-DD date for readers.
 * @example formatDate("2020-07-25") // "July 25, 2020"
 */
export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * @example readingTime(1) // "1 minute read"
 */
export function readingTime(minutes: number): string {
  return minutes === 1 ? "1 minute read" : `${minutes} minutes read`;
}

const localDay = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "long",
  day: "numeric",
});
const localTime = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" });

/**
 * The reader's local calendar day of a moment.
 * @example formatDay(Date.now()) // "November 27, 2026"
 */
export function formatDay(ms: number): string {
  return localDay.format(new Date(ms));
}

/**
 * The reader's local clock time of a moment.
 * @example formatTime(Date.now()) // "10:42 AM"
 */
export function formatTime(ms: number): string {
  return localTime.format(new Date(ms));
}
