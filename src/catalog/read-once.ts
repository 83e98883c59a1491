// Reading each file of the edition at most once per page load: hashed files never change, so a
// second read would only cost the reader another request (or another decoding).

/** A read remembered per key. */
export interface ReadOnce<K, T> {
  /** The answer for `key`, read the first time it is asked; a failed read is tried again. */
  get(key: K): Promise<T>;
  /** Forgets every answer (the edition is read from elsewhere now). */
  clear(): void;
}

/**
 * `read`, run once per key.
 * @example const shard = readOnce((file: string) => fetchJson<ShardFile>(file).then(readShard));
 */
export function readOnce<K, T>(read: (key: K) => Promise<T>): ReadOnce<K, T> {
  const answers = new Map<K, Promise<T>>();
  return {
    get(key) {
      let answer = answers.get(key);
      if (!answer) {
        answer = read(key);
        answers.set(key, answer);
        answer.catch(() => answers.delete(key));
      }
      return answer;
    },
    clear: () => answers.clear(),
  };
}
