// A file of JSON made from data the build holds anyway (summaries, bodies), named by the hash of
// its text. The text is made when the file is written and not kept: at 100,000 articles the
// catalog's pages, the search's result files, the whole index and the bodies held as text took
// about as much memory again as the data they were made from.
import type { EditionFile } from "./images.ts";
import { shortHash } from "./output-names.ts";

export class JsonFile<T = unknown> implements EditionFile {
  /** The short hash of the file's text, which its name carries. */
  readonly hash: string;
  readonly fileName: string;

  /**
   * @param name the file's name, given the hash of its text
   * @param data what the file holds; it must not change once the file is made (the name says
   *   what the text was then)
   * @example new JsonFile((hash) => `content/index-${hash}.json`, index).fileName
   */
  constructor(
    name: (hash: string) => string,
    readonly data: T,
  ) {
    this.hash = shortHash(JSON.stringify(data));
    this.fileName = name(this.hash);
  }

  /** The file's text, made anew on each read. */
  get source(): string {
    return JSON.stringify(this.data);
  }
}
