// The shapes the build writes and the browser reads: the catalog index and one body per article.

/** An article's picture, copied by the build under a hashed name. */
export interface ArticleImage {
  src: string;
  width: number;
  height: number;
  alt: string;
  credit?: string;
}

/** One entry of the catalog index: everything the list needs, nothing of the body. */
export interface ArticleSummary {
  slug: string;
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD: when the article last changed, if its front matter says (`lastmod`, `updated`…). */
  updated?: string;
  category: string;
  categorySlug: string;
  excerpt: string;
  minutes: number;
  author?: string;
  tags?: string[];
  image?: ArticleImage;
  /** Path of the body JSON, relative to the app's base. */
  body: string;
}

/** The catalog index, newest article first. */
export interface CatalogIndex {
  version: 1;
  articles: ArticleSummary[];
  /** Old slugs (front matter `aliases`) → the slug the article has now; absent when none. */
  aliases?: Record<string, string>;
}

/** One article's body file. Its HTML was sanitized at build time. */
export interface ArticleBody {
  slug: string;
  html: string;
}
