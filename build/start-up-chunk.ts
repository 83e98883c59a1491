// The JavaScript every reader downloads before the first screen is one file, "core": the
// libraries every page needs and every module the entry reaches through static imports. Left to
// itself the bundler splits the modules that the entry and the lazy pages share into a dozen small
// chunks, fetched one after another and compressing worse than one. The group is read from the
// import graph, so a module that moves behind a dynamic `import()` leaves the start-up file
// without a list to keep up to date.
import type { ChunkingContext } from "rolldown";

/** Libraries the first screen uses, kept in core even when only lazy pages import them. */
const LIBRARIES = /node_modules[\\/](solid-js|@solidjs|localforage|valibot)[\\/]/;

/** The `name` of a code-splitting group: "core" for start-up modules, nothing for the rest. */
export function startUpChunk(): (id: string, ctx: ChunkingContext) => string | null {
  const reached = new Map<string, boolean>();
  const fromEntry = (id: string, ctx: ChunkingContext): boolean => {
    const known = reached.get(id);
    if (known !== undefined) return known;
    reached.set(id, false); // an import cycle does not reach the entry through itself
    const info = ctx.getModuleInfo(id);
    const result = !!info && (info.isEntry || info.importers.some((by) => fromEntry(by, ctx)));
    reached.set(id, result);
    return result;
  };
  return (id, ctx) => (LIBRARIES.test(id) || fromEntry(id, ctx) ? "core" : null);
}
