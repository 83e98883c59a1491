// The short block a successful build prints: how many articles, how many drafts were left out,
// which borrowed conventions were mapped (counted in files) and what was skipped. Warnings are
// printed after it, one line each, by the plugin.

export interface Notices {
  articles: number;
  draftsLeftOut: number;
  /** "categories → category" and how many files it was used in, most used first. */
  mapped: [string, number][];
  /** Front matter fields no rule reads, with their file counts. */
  unused: [string, number][];
  /** Addresses that had to be made valid, one line per file. */
  renamed: string[];
  /** Skipped files: `.mdx`, and how many `_` files were not read as articles. */
  mdx: string[];
  notArticles: number;
  /** Bodies rendered by this build and taken from the cache, when it kept one. */
  rendered?: { rendered: number; fromCache: number; cache: string };
}

function tally(groups: Iterable<Iterable<string>>): [string, number][] {
  const counts = new Map<string, number>();
  for (const group of groups) {
    for (const label of new Set(group)) counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Counts the per-file labels of an edition into its notices. */
export function countNotices(input: {
  articles: number;
  draftsLeftOut: number;
  mapped: Iterable<string>[];
  unused: Iterable<string>[];
  renamed: string[];
  mdx: string[];
  notArticles: number;
  rendered?: Notices["rendered"];
}): Notices {
  return { ...input, mapped: tally(input.mapped), unused: tally(input.unused) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const counted = (pairs: [string, number][]) => pairs.map(([k, n]) => `${k}: ${n}`).join("; ");

/**
 * The notice block's lines.
 * @example noticeLines(notices) // ["Offprint: 12 articles, 2 drafts left out (OFFPRINT_DRAFTS=1 builds them)", …]
 */
export function noticeLines(n: Notices): string[] {
  const head = [plural(n.articles, "article")];
  if (n.draftsLeftOut) {
    head.push(`${plural(n.draftsLeftOut, "draft")} left out (OFFPRINT_DRAFTS=1 builds them)`);
  }
  const lines = [`Offprint: ${head.join(", ")}`];
  if (n.mapped.length) lines.push(`  mapped: ${counted(n.mapped)}`);
  if (n.unused.length) lines.push(`  not used: ${counted(n.unused)}`);
  if (n.mdx.length) {
    lines.push(
      `  skipped ${plural(n.mdx.length, ".mdx file")} (they need a JSX runtime): ${n.mdx.join(", ")}`,
    );
  }
  if (n.notArticles) {
    lines.push(
      `  not articles: ${plural(n.notArticles, "file")} named with a leading "_" (_index.md…)`,
    );
  }
  if (n.rendered) {
    const { rendered, fromCache, cache } = n.rendered;
    lines.push(`  rendered: ${plural(rendered, "article")}, ${fromCache} from cache (${cache})`);
  }
  lines.push(...n.renamed.map((line) => `  ${line}`));
  return lines;
}
