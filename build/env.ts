// Reading the build's OFFPRINT_* numbers from the environment: one rule for every variable, and a
// message that names the variable and what it got.

/**
 * Reads one number from the build environment; unset or empty keeps `fallback`.
 * @example numberFromEnv(process.env, "OFFPRINT_FEED_ITEMS", 20, { integer: true, min: 1 })
 * @throws Error naming the variable when the value is not a number ≥ `min` (or not whole, if asked).
 */
export function numberFromEnv(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  { integer = false, min = 0 }: { integer?: boolean; min?: number } = {},
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || (integer && !Number.isInteger(value))) {
    throw new Error(
      `${name} must be ${integer ? "a whole number" : "a number"} ≥ ${min} (got ${JSON.stringify(raw)})`,
    );
  }
  return value;
}
