// Reading the dates other tools write in front matter. The calendar date kept is the one written,
// in its own offset: a post stamped 23:30 −08:00 on the 17th stays on the 17th, whatever the
// build machine's time zone (luxon's `setZone` keeps the offset as parsed instead of converting).
import { DateTime } from "luxon";

/** YAML timestamps (Jekyll, Hugo) and the forms `Date.toString()` and blogs write by hand. */
const FORMATS = [
  "yyyy-MM-dd HH:mm:ss ZZZ",
  "yyyy-MM-dd HH:mm:ss ZZ",
  "yyyy-MM-dd HH:mm:ss Z",
  "yyyy-MM-dd HH:mm:ss.u ZZZ",
  "yyyy-MM-dd HH:mm:ss.u ZZ",
  "yyyy-MM-dd HH:mm ZZZ",
  "yyyy-MM-dd HH:mm ZZ",
  "yyyy-MM-dd HH:mm:ss.u",
  "yyyy-MM-dd HH:mm:ss",
  "yyyy-MM-dd HH:mm",
  "LLL d yyyy",
  "LLL d, yyyy",
  "LLLL d yyyy",
  "LLLL d, yyyy",
  "d LLL yyyy",
  "d LLLL yyyy",
  "EEE LLL d yyyy",
  "EEE, LLL d, yyyy",
  "EEEE, LLLL d, yyyy",
];

/** Strings with no offset are read in UTC, so the date as written is the date kept. */
const OPTIONS = { setZone: true, zone: "utc", locale: "en-US" } as const;

/**
 * The calendar date (YYYY-MM-DD) of a front matter date, or undefined when it cannot be read.
 * @example calendarDate("2014-12-17 23:30:00 -0800") // "2014-12-17"
 * @example calendarDate("Jul 08 2022") // "2022-07-08"
 */
export function calendarDate(written: string): string | undefined {
  const s = written.trim().replace(/\s+/g, " ");
  // ISO 8601 as luxon reads it, but only with a full calendar date (not "2022", "2022-W27").
  if (/^\d{4}-\d{2}-\d{2}(?:$|[T ]\d)/i.test(s)) {
    const iso = DateTime.fromISO(s.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, "$1T"), OPTIONS);
    if (iso.isValid) return iso.toISODate() ?? undefined;
  }
  for (const format of FORMATS) {
    const parsed = DateTime.fromFormat(s, format, OPTIONS);
    if (parsed.isValid) return parsed.toISODate() ?? undefined;
  }
  return undefined;
}

/** The `YYYY-MM-DD-` prefix Jekyll reads a post's date from, and the rest of the name. */
export function datePrefix(name: string): { date: string; rest: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})-(.+)$/.exec(name);
  if (!m || calendarDate(m[1]) !== m[1]) return undefined;
  return { date: m[1], rest: m[2] };
}
