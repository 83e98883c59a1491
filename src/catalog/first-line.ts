// Kept apart from format.ts, which is in the start-up bundle: only the drafts and outbox lists use it.
/**
 * The first non-blank line of a comment, shortened for a list (the text itself stays whole).
 * @example firstLine("\n  Hello there\nsecond") // "Hello there"
 */
export function firstLine(comment: string): string {
  const line =
    comment
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}
