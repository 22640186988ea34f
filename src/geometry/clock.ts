/**
 * The presentation clock. Real latencies span 1 µs (a page-cache copy) to 30 s (dirty-page
 * expiry); drawn to scale, one would be invisible and the other unbearable. Between consecutive
 * instants where anything happens, the clock spends c + k·ln(1 + Δ/τ) seconds of screen time on
 * Δ ms of model time: every hop stays readable, slower hops still take visibly longer (a 14 ms
 * platter write ≈ 1.8 s, a 0.1 ms disk-cache ack ≈ 1 s, a 1 µs copy ≈ 0.4 s), and idle gaps are
 * fast-forwarded (30 s ≈ 3 s). The mapping is monotonic and piecewise linear, so it inverts
 * exactly: the readout and the ledger always show true model time.
 */

/** Screen seconds spent on any gap, however small. */
const BASE_S = 0.3;
/** Screen seconds per e-fold of the gap in units of τ. */
const SLOPE_S = 0.16;
/** τ: one microsecond, the shortest latency in the model. */
const TAU_MS = 0.001;

export function gapSeconds(gapMs: number): number {
  return gapMs <= 0 ? 0 : BASE_S + SLOPE_S * Math.log1p(gapMs / TAU_MS);
}

export interface PresentationClock {
  /** Screen seconds at model time `tMs` (clamped to the clock's span). */
  toScreen(tMs: number): number;
  /** Model time at screen second `s` (clamped to the clock's span). */
  toModel(s: number): number;
  /** Screen seconds from model time 0 to the last instant. */
  readonly totalS: number;
  readonly endMs: number;
}

/** Binary search: the last index i with values[i] ≤ x (0 if none). */
function segmentOf(values: Float64Array, x: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((values[mid] ?? Infinity) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function interpolate(from: Float64Array, to: Float64Array, x: number): number {
  const n = from.length;
  const first = from[0] ?? 0;
  const last = from[n - 1] ?? 0;
  if (x <= first) return to[0] ?? 0;
  if (x >= last) return to[n - 1] ?? 0;
  const i = segmentOf(from, x);
  const x0 = from[i] ?? 0;
  const x1 = from[i + 1] ?? x0;
  const y0 = to[i] ?? 0;
  const y1 = to[i + 1] ?? y0;
  return x1 > x0 ? y0 + ((x - x0) / (x1 - x0)) * (y1 - y0) : y0;
}

/** A clock whose breakpoints are `instantsMs` (any order, duplicates allowed) and model time 0. */
export function presentationClock(instantsMs: Iterable<number>): PresentationClock {
  const unique = [...new Set([0, ...instantsMs])].filter(Number.isFinite).sort((a, b) => a - b);
  const model = Float64Array.from(unique);
  const screen = new Float64Array(model.length);
  for (let i = 1; i < model.length; i++) {
    screen[i] = (screen[i - 1] ?? 0) + gapSeconds((model[i] ?? 0) - (model[i - 1] ?? 0));
  }
  return {
    toScreen: (tMs) => interpolate(model, screen, tMs),
    toModel: (s) => interpolate(screen, model, s),
    totalS: screen[screen.length - 1] ?? 0,
    endMs: model[model.length - 1] ?? 0,
  };
}
