// Makes every address in a sanitized article body absolute, for copies of the body shown on other
// sites (feed readers): a relative link or image there would resolve against the reader's site.
import { JSDOM } from "jsdom";

/** The attributes a sanitized body can hold an address in (build/markdown.ts's schema). */
const URL_ATTRIBUTES = ["href", "src", "cite"];

let template: (() => HTMLTemplateElement) | undefined;

/**
 * The body with its `href`, `src` and `cite` addresses resolved against the article's URL, as a
 * browser showing the article resolves them.
 * @example withAbsoluteLinks('<img src="/news/content/img/a.png">', "https://x.example/news/articles/a")
 * // '<img src="https://x.example/news/content/img/a.png">'
 */
export function withAbsoluteLinks(html: string, articleUrl: string): string {
  if (!template) {
    const { document } = new JSDOM("").window;
    template = () => document.createElement("template");
  }
  const t = template();
  t.innerHTML = html;
  for (const name of URL_ATTRIBUTES) {
    for (const el of t.content.querySelectorAll(`[${name}]`)) {
      const value = el.getAttribute(name) ?? "";
      try {
        el.setAttribute(name, new URL(value, articleUrl).href);
      } catch {
        el.removeAttribute(name); // an address no browser could follow either
      }
    }
  }
  return t.innerHTML;
}
