// The synthetic edition generator: N articles of Markdown with front matter (titles, categories,
// dates, authors, tags, a picture on some) and bodies of 300–3,000 words, made from the word lists
// and sentence templates below with a seeded generator, so the same N always gives the same files.
// Usage: npx tsx bench/generate.ts 10000 [folder] [--short]   (default folder: bench/.work/edition-<N>)
// --short makes bodies of 100–600 words, for the 100,000-article edition (B8), to keep disk use sane.
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Bumped whenever the output changes, so cached editions and builds are remade. */
export const GENERATOR_VERSION = 2;

/** mulberry32: small, fast, good enough for picking words. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [
  "Travel",
  "Science",
  "Food",
  "Culture",
  "Politics",
  "Technology",
  "Sport",
  "Business",
  "Health",
  "Books",
  "Climate",
  "Opinion",
];

const AUTHORS = [
  "Jane Doe",
  "Amara Okafor",
  "Lukas Brandt",
  "Mei Tanaka",
  "Rafael Ortega",
  "Ingrid Solberg",
  "Priya Raman",
  "Tomás Ferreira",
  "Hannah Kowalski",
  "Oliver Grant",
  "Yusuf Demir",
  "Chloé Martin",
];

const NOUNS = (
  "harbour ferry village river bridge market library archive orchard glacier forest museum " +
  "railway station island coast valley council factory workshop laboratory telescope satellite " +
  "vaccine hospital school garden kitchen bakery vineyard festival stadium marathon election " +
  "parliament budget tariff startup battery reactor turbine pipeline aquifer reef wetland " +
  "monsoon drought harvest recipe novel poet painter orchestra theatre cinema podcast network " +
  "algorithm database browser compiler protocol mountain lighthouse tunnel canal neighbourhood " +
  "tram bicycle lantern notebook map compass shipyard mill quarry meadow estuary dune"
).split(" ");

const PLACES = (
  "Lisbon Vienna Oslo Kyoto Nairobi Valparaíso Tbilisi Hobart Quebec Galway Tromsø Porto " +
  "Marseille Dakar Hanoi Montevideo Reykjavík Cusco Zanzibar Tallinn Bergen Seville Trieste"
).split(" ");

const ADJECTIVES = (
  "quiet forgotten remote bright stubborn ancient fragile restless hidden northern coastal " +
  "rural urban small unlikely careful patient local public private familiar strange slow " +
  "early late long brief bold modest narrow wide crowded empty seasonal new old"
).split(" ");

const VERBS = (
  "rebuilds rethinks saves measures counts maps repairs protects feeds trains rescues " +
  "reopens remembers follows shapes changes tests reads teaches welcomes"
).split(" ");

const PLURAL_VERBS = (
  "rebuild rethink save measure count map repair protect feed train rescue reopen remember " +
  "follow shape change test read teach welcome"
).split(" ");

const ADVERBS = "slowly quietly carefully suddenly finally again rarely often still".split(" ");

const TITLE_TEMPLATES = [
  "The {adj} {noun} of {place}",
  "How {place} {verb} its {noun}",
  "Why {adj} {noun}s matter again",
  "Inside the {noun} that {verb} {place}",
  "A {adj} guide to the {noun}",
  "Letter from a {adj} {noun}",
  "What the {noun} taught {place}",
  "Field notes on the {adj} {noun}",
  "The {noun} and the {noun2}: a {place} story",
  "Can a {adj} {noun} change {place}?",
];

const SENTENCES = [
  "The {noun} in {place} {verb} the {adj} {noun2} every spring.",
  "Nobody in the {noun} expected the {noun2} to last, yet it {adv} did.",
  "Residents {pverb} the {noun} the way their parents did, {adv} and without fuss.",
  "By the time the {adj} {noun} opened, the {noun2} had already changed.",
  "Engineers say the {noun} {verb} more than it costs, at least on paper.",
  "In {place}, a {adj} {noun} is never just a {noun}.",
  "The numbers are {adj}: one {noun} for every {count} people, and {count2} {noun2}s in all.",
  "She walked past the {noun} and the {noun2}, counting {count} {adj} doors.",
  "Critics argue that the {noun} {verb} the wrong problem.",
  "It took {count} years, {count2} meetings and one {adj} winter.",
  "Those who {pverb} the {noun} describe it as {adj} and {adj2}.",
  "The {noun2} keeps a record of every {noun}, written by hand.",
  "What happens next depends on the {noun}, and on {place}.",
  "Few visitors notice the {adj} {noun} behind the {noun2}.",
];

const SUBHEADINGS = [
  "What changed",
  "The {noun}",
  "Back in {place}",
  "A {adj} start",
  "Counting the cost",
  "What comes next",
  "The people who {pverb} it",
];

const TAGS = "long-read interview analysis photo-essay data explainer review field-notes".split(
  " ",
);

export interface Generated {
  slug: string;
  markdown: string;
  words: number;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function slugify(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Body lengths in words: the default edition's, and the short one the 100,000-article bench uses. */
export const BODY_WORDS = { full: [300, 3000], short: [100, 600] } as const;

/** One article, deterministic in (seed, i); `length` bounds its body in words. */
export function makeArticle(
  i: number,
  seed = 8,
  length: readonly [number, number] = BODY_WORDS.full,
): Generated {
  const r = random(seed * 1_000_003 + i);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
  const fill = (template: string): string =>
    fillWords(template).replace(/\b([Aa]) ([aeiouAEIOU])/g, "$1n $2");
  const fillWords = (template: string): string =>
    template.replace(/\{(\w+)\}/g, (_m, key: string) => {
      switch (key) {
        case "adj":
        case "adj2":
          return pick(ADJECTIVES);
        case "noun":
        case "noun2":
          return pick(NOUNS);
        case "place":
          return pick(PLACES);
        case "verb":
          return pick(VERBS);
        case "pverb":
          return pick(PLURAL_VERBS);
        case "adv":
          return pick(ADVERBS);
        case "count":
        case "count2":
          return String(2 + Math.floor(r() * 400));
        default:
          return key;
      }
    });

  const title = capitalise(fill(pick(TITLE_TEMPLATES)));
  const slug = `${slugify(title).slice(0, 60).replace(/-+$/, "")}-${i}`;
  // Dates spread over six years, roughly evenly, newest article number last.
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(r() * 6 * 365) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const category = pick(CATEGORIES);
  // Skewed towards shorter pieces, as real editions are: 300–3,000 words by default.
  const target = Math.round(length[0] + (length[1] - length[0]) * r() ** 1.6);

  const body: string[] = [];
  let words = 0;
  let paragraphs = 0;
  while (words < target) {
    if (paragraphs > 0 && paragraphs % 6 === 0)
      body.push(`## ${capitalise(fill(pick(SUBHEADINGS)))}`);
    if (paragraphs > 0 && r() < 0.08) {
      const items = Array.from({ length: 3 + Math.floor(r() * 3) }, () => {
        const s = fill(pick(SENTENCES));
        words += s.split(" ").length;
        return `- ${s}`;
      });
      body.push(items.join("\n"));
    }
    const sentences: string[] = [];
    const count = 3 + Math.floor(r() * 5);
    for (let s = 0; s < count && words < target; s++) {
      let sentence = fill(pick(SENTENCES));
      if (r() < 0.05) sentence = sentence.replace(/(\w+)\.$/, "*$1*.");
      if (r() < 0.03) {
        // Link text says where it goes, as a careful writer's does (and as Lighthouse asks).
        const noun = pick(NOUNS);
        sentence += ` (see [the ${noun} notes](https://example.org/${slugify(noun)}))`;
      }
      words += sentence.split(" ").length;
      sentences.push(sentence);
    }
    body.push(sentences.join(" "));
    paragraphs++;
  }

  const front = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `date: ${date}`,
    `category: ${category}`,
    `author: ${JSON.stringify(pick(AUTHORS))}`,
  ];
  if (r() < 0.5) front.push(`tags: [${pick(TAGS)}, ${pick(TAGS)}]`);
  if (r() < 0.3) {
    const n = Math.floor(r() * IMAGE_COUNT);
    front.push(`image: images/picture-${n}.svg`);
    front.push(`imageAlt: ${JSON.stringify(`A ${pick(ADJECTIVES)} ${pick(NOUNS)}`)}`);
    front.push(`imageCredit: ${JSON.stringify(pick(AUTHORS))}`);
  }
  front.push("---");
  return { slug, markdown: `${front.join("\n")}\n${body.join("\n\n")}\n`, words };
}

const IMAGE_COUNT = 24;

function picture(n: number): string {
  const hue = (n * 47) % 360;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">` +
    `<rect width="800" height="450" fill="hsl(${hue} 40% 70%)"/>` +
    `<circle cx="${200 + n * 20}" cy="200" r="90" fill="hsl(${(hue + 180) % 360} 50% 45%)"/>` +
    `</svg>\n`
  );
}

/**
 * Writes an edition of `n` articles into `folder` (emptied first).
 * @example await generateEdition(1000, "bench/.work/edition-1000");
 */
export async function generateEdition(
  n: number,
  folder: string,
  { short = false }: { short?: boolean } = {},
): Promise<{ words: number }> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(path.join(folder, "images"), { recursive: true });
  for (let k = 0; k < IMAGE_COUNT; k++) {
    await writeFile(path.join(folder, "images", `picture-${k}.svg`), picture(k));
  }
  let words = 0;
  const batch: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const a = makeArticle(i, 8, short ? BODY_WORDS.short : BODY_WORDS.full);
    words += a.words;
    batch.push(writeFile(path.join(folder, `${a.slug}.md`), a.markdown));
    if (batch.length >= 200) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return { words };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [count, named] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
  const short = process.argv.includes("--short");
  const n = Number(count ?? 1000);
  const folder = named ?? `bench/.work/edition-${n}${short ? "-short" : ""}`;
  const { words } = await generateEdition(n, folder, { short });
  console.log(`${n} articles, ${words} words, in ${folder}`);
}
