// A worker thread of the article pool (article-pool.ts): renders one article per task. Node cannot
// import TypeScript by itself, so tsx's loader is registered before the build's modules are loaded.
import { register } from "tsx/esm/api";

register();
const { renderArticle } = await import("./article.ts");
const { ImageStore } = await import("./images.ts");

/** One store per worker: a picture is read once per thread, and its file handed back once. */
const images = new ImageStore();

/** @param {import("./article.ts").ArticleInput} input */
export default async function render(input) {
  const before = images.files.length;
  const output = await renderArticle(input, images);
  return { ...output, files: images.files.slice(before) };
}
