// Offprint opens every database with localforage's IndexedDB driver forced, and refuses to run
// on any other (src/storage/db.ts). Its published bundle also carries the WebSQL and localStorage
// drivers, the serializer they share and a Promise polyfill: about 60% of the library, and the
// largest single item in the JavaScript every reader downloads at start-up. This plugin builds
// localforage from its own ES sources with those two drivers replaced by ones that report
// themselves unsupported, so the IndexedDB code path is exactly the library's.
import path from "node:path";
import { createRequire } from "node:module";
import type { Plugin } from "vite";

const require = createRequire(import.meta.url);
const SOURCES = path.join(path.dirname(require.resolve("localforage/package.json")), "src");
const UNSUPPORTED = "\0offprint-localforage-unsupported:";

/** Drivers left out of the build, by the file that defines them and the name they register. */
const LEFT_OUT: Record<string, string> = {
  "./drivers/websql": "webSQLStorage",
  "./drivers/localstorage": "localStorageWrapper",
};

export function localforageIndexedDbOnly(): Plugin {
  return {
    name: "offprint-localforage-indexeddb-only",
    enforce: "pre",
    resolveId(id, importer) {
      if (id === "localforage") return path.join(SOURCES, "localforage.js");
      if (!importer?.startsWith(SOURCES)) return null;
      if (id in LEFT_OUT) return UNSUPPORTED + LEFT_OUT[id];
      // Every browser that runs an es2022 build has Promise: the polyfill would never load.
      if (id.endsWith("/utils/promise")) return `${UNSUPPORTED}promise`;
      // The serializer turns values into strings for the two left-out drivers; IndexedDB stores
      // structured clones and never calls it.
      if (id === "./utils/serializer") return `${UNSUPPORTED}serializer`;
      return null;
    },
    load(id) {
      if (!id.startsWith(UNSUPPORTED)) return null;
      const name = id.slice(UNSUPPORTED.length);
      if (name === "promise") return "export default Promise;";
      if (name === "serializer") {
        return `export default new Proxy({}, { get() { throw new Error("localforage's serializer is not built into Offprint"); } });`;
      }
      // localforage checks that a driver has every method before it asks whether it is
      // supported; `_support: false` means it is never chosen.
      const methods = [
        "_initStorage",
        "clear",
        "getItem",
        "iterate",
        "key",
        "keys",
        "length",
        "removeItem",
        "setItem",
      ];
      return [
        `const unsupported = () => Promise.reject(new Error("${name} is not built into Offprint"));`,
        `export default { _driver: "${name}", _support: false, ${methods.map((m) => `${m}: unsupported`).join(", ")} };`,
      ].join("\n");
    },
  };
}
