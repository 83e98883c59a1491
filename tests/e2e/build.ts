// Builds the app into its own folder with the given environment, for tests that need another
// edition, base path or budget than the default build.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export async function buildApp(outDir: string, env: Record<string, string>): Promise<string> {
  await run("npx", ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"], {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return outDir;
}
