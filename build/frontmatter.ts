// Front matter: parsed with gray-matter (YAML through the `yaml` package, so dates stay strings),
// mapped from other tools' conventions (conventions.ts), then validated with valibot as Offprint's
// own fields. Every message names the field and what was found.
import matter from "gray-matter";
import YAML from "yaml";
import * as v from "valibot";
import { borrow, type Borrowed } from "./conventions.ts";
import { SLUG_PATTERN } from "./slug.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function shown(input: unknown): string {
  return input === undefined ? "nothing" : JSON.stringify(input);
}

const ymd = (field: string) =>
  v.pipe(
    v.string((i) => `"${field}" must be YYYY-MM-DD (got ${shown(i.input)})`),
    v.check(
      (s) => DATE.test(s) && isRealDate(s),
      (i) => `"${field}" must be YYYY-MM-DD (got ${shown(i.input)})`,
    ),
  );

const text = (field: string) =>
  v.pipe(v.string(`"${field}" must be text`), v.trim(), v.nonEmpty(`"${field}" must not be empty`));

export const FrontMatterSchema = v.pipe(
  v.object(
    {
      title: text("title"),
      date: ymd("date"),
      updated: v.optional(ymd("updated")),
      category: text("category"),
      excerpt: v.optional(text("excerpt")),
      image: v.optional(text("image")),
      imageAlt: v.optional(text("imageAlt")),
      imageCredit: v.optional(text("imageCredit")),
      author: v.optional(text("author")),
      tags: v.optional(
        v.array(
          v.pipe(v.string('"tags" must be a list of text'), v.trim(), v.nonEmpty()),
          '"tags" must be a list of text',
        ),
      ),
      // Old slugs of this article (Hugo's name): their addresses and the reader's data follow it.
      aliases: v.optional(
        v.array(
          v.pipe(
            v.string('"aliases" must be a list of old slugs'),
            v.regex(
              SLUG_PATTERN,
              (i) =>
                `"aliases" must be old slugs, lowercase letters and digits joined by single hyphens (got ${shown(i.input)})`,
            ),
          ),
          '"aliases" must be a list of old slugs',
        ),
      ),
    },
    (i) => (i.input === undefined ? "front matter is missing" : "front matter must be a mapping"),
  ),
  v.check((fm) => !fm.image || !!fm.imageAlt, '"imageAlt" is required when "image" is given'),
);

export type FrontMatter = v.InferOutput<typeof FrontMatterSchema>;

/** What conventions.ts made of the front matter beside the fields: slug, draft, what it mapped. */
export type Conventions = Omit<Borrowed, "fields" | "errors" | "failed">;

export type Parsed =
  | { ok: true; data: FrontMatter; body: string; bodyLine: number; conventions: Conventions }
  | { ok: false; errors: string[]; draft?: boolean };

/** The line of the file the body starts on (1-based), for notices naming a line. */
function firstLineOf(source: string, body: string): number {
  const offset = source.endsWith(body) ? source.length - body.length : 0;
  return source.slice(0, offset).split("\n").length;
}

/**
 * Splits a Markdown file into validated front matter and its body; errors name the field.
 * `dateFromName` is the date a Jekyll file name gives, used when the front matter has none.
 */
export function parseFrontMatter(
  source: string,
  { dateFromName }: { dateFromName?: string } = {},
): Parsed {
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(source, {
      engines: { yaml: (s: string) => YAML.parse(s) as object },
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    return { ok: false, errors: [`front matter cannot be parsed: ${reason}`] };
  }
  if (!file.matter.trim()) return { ok: false, errors: ["front matter is missing"] };
  const data: unknown = file.data ?? undefined;
  const mapped =
    data && typeof data === "object" && !Array.isArray(data)
      ? borrow(data as Record<string, unknown>, { dateFromName })
      : undefined;
  const result = v.safeParse(FrontMatterSchema, mapped ? mapped.fields : data);
  const errors = mapped?.errors ?? [];
  if (!result.success) {
    // A missing required field gets the wording a publisher expects.
    for (const issue of result.issues) {
      const key = issue.path?.[0]?.key;
      if (typeof key === "string" && mapped?.failed.includes(key)) continue;
      if (typeof key === "string" && issue.input === undefined) errors.push(`"${key}" is required`);
      else errors.push(issue.message);
    }
  }
  if (!result.success || errors.length || !mapped) {
    return { ok: false, errors: [...new Set(errors)], ...(mapped?.draft ? { draft: true } : {}) };
  }
  const { fields: _fields, errors: _errors, failed: _failed, ...conventions } = mapped;
  return {
    ok: true,
    data: result.output,
    body: file.content,
    bodyLine: firstLineOf(source, file.content),
    conventions,
  };
}
