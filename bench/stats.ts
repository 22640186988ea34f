/**
 * The benchmarks' one statistics module: every percentile, median and p90 printed by
 * `npm run bench:model` and `npm run bench:ui` comes from here.
 */

/**
 * Nearest-rank percentile (`p` in 0..1): the smallest value with at least p of the values at or
 * below it. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? NaN;
}

/** The nearest-rank median (the lower of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}
