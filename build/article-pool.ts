// Where articles are rendered: in worker threads (tinypool; by default one per core but one, which
// the build's own thread keeps for Vite and the cache; or OFFPRINT_BUILD_THREADS) when there are
// enough of them to be worth starting threads for, else in the build's own thread. Either way the
// pictures end up in the build's one ImageStore. On 2 cores that means no worker threads: measured
// there, two workers took twice the CPU time of one thread and finished no sooner.
import { availableParallelism } from "node:os";
import Tinypool from "tinypool";
import {
  renderArticle,
  type ArticleInput,
  type ArticleOutput,
  type WorkerOutput,
} from "./article.ts";
import { numberFromEnv } from "./env.ts";
import type { ImageStore } from "./images.ts";

/** The environment variable giving the number of threads that render articles. */
export const THREADS_VARIABLE = "OFFPRINT_BUILD_THREADS";

/** Below this many articles to render, starting threads costs more than it saves. */
const WORTH_THREADS = 64;

export interface ArticleRenderer {
  render(input: ArticleInput): Promise<ArticleOutput>;
  close(): Promise<void>;
}

/**
 * A renderer for `count` articles whose pictures go to `images`.
 * @example const renderer = articleRenderer(images, misses.length); await renderer.render(input);
 */
export function articleRenderer(images: ImageStore, count: number): ArticleRenderer {
  const threads = numberFromEnv(process.env, THREADS_VARIABLE, availableParallelism() - 1, {
    integer: true,
    min: 0,
  });
  if (threads <= 1 || count < WORTH_THREADS) {
    return { render: (input) => renderArticle(input, images), close: async () => undefined };
  }
  const pool = new Tinypool({
    filename: new URL("./article-worker.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
  });
  return {
    async render(input) {
      const { files, ...output } = (await pool.run(input)) as WorkerOutput;
      for (const file of files) images.keep(file);
      return output;
    },
    close: () => pool.destroy(),
  };
}
