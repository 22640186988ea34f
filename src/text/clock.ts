/** The one formatter the first view needs: a moment of model time (the clock, the timeline). */

/** Model time with microseconds always visible (steps 1 µs apart must read differently). */
export function formatModelTime(tMs: number): string {
  if (tMs < 1) return `${(tMs * 1000).toFixed(0)} µs`;
  if (tMs < 1000) return `${tMs.toFixed(3)} ms`;
  return `${(tMs / 1000).toFixed(6)} s`;
}
