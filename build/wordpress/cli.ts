// npm run import:wordpress -- <export.xml> [--out content/articles] [--uploads <dir>] [--pages]
//   [--site-url <old site URL>] [--comments <file.json>] [--force]
import { runImportCommand } from "./command.ts";

process.exitCode = await runImportCommand(process.argv.slice(2));
