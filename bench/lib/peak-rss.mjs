// Preloaded into a build (NODE_OPTIONS=--import) to write its peak memory and CPU time, worker
// threads included, as JSON to the file BENCH_PEAK_RSS_FILE names when the process exits.
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

// The figures are the whole process's; the main thread writes them last.
if (isMainThread)
  process.on("exit", () => {
    const file = process.env.BENCH_PEAK_RSS_FILE;
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    if (file) {
      writeFileSync(
        file,
        JSON.stringify({ peak: maxRSS * 1024, cpu: (userCPUTime + systemCPUTime) / 1e6 }),
      );
    }
  });
