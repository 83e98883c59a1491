// How a build that cannot go on tells the publisher why: one plain line per problem on stderr and
// a failing exit code. Thrown instead, the lines would come after Vite's "error during build" and
// a stack trace, or be hidden by another plugin's error as the build closes.

/**
 * Prints the lines and ends the build process with exit code 1.
 * @example stopBuild(['content/articles/bar.md: "imageAlt" is required when "image" is given'])
 */
export function stopBuild(lines: string[]): never {
  process.stderr.write(lines.map((line) => `${line}\n`).join(""));
  process.exit(1);
}
