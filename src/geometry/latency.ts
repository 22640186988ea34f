/**
 * The latency chart's geometry (issue 8: "the speed half of the article"): per write, how long
 * after it was issued the call returned and the data was durable, on one log axis from 1 µs to
 * 100 s — the span of the model's latencies, from a page-cache copy to dirty-page expiry
 * (docs/model.md §5).
 */
import { scaleLog } from "d3-scale";
import type { Config } from "../model/config";
import { simulate } from "../model/simulate";
import type { OpKind, OpResult } from "../model/timeline";

/** The axis's span, in seconds: d3's SI labels then read µs, ms and s. */
const MIN_S = 1e-6;
const MAX_S = 100;
const DECADES = Math.log10(MAX_S / MIN_S);

export interface LatencyAxis {
  /** Where a latency in ms stands (clamped to the axis's ends; none or 0 at the left end). */
  readonly x: (ms: number) => number;
  /** One tick per decade, with its label ("1 µs" … "100 s"). */
  readonly ticks: readonly { readonly x: number; readonly label: string }[];
}

/**
 * The latency axis drawn from `range[0]` (1 µs) to `range[1]` (100 s): d3's log scale, so each
 * decade takes an equal step. Asking d3 for no more ticks than there are decades gives exactly
 * the powers of ten (with more it adds 2×…9× within each decade); its "~s" format names them
 * with SI prefixes ("1µ", "10m", "100"), to which the unit is added after a space.
 */
export function latencyAxis(range: readonly [number, number]): LatencyAxis {
  const seconds = scaleLog().domain([MIN_S, MAX_S]).range(range).clamp(true);
  const si = seconds.tickFormat(DECADES, "~s");
  return {
    x: (ms) => (ms > 0 ? seconds(ms / 1000) : range[0]),
    ticks: seconds.ticks(DECADES).map((s) => ({
      x: seconds(s),
      label: `${si(s).replace(/[^\d.]?$/, " $&")}s`,
    })),
  };
}

export interface LatencyRow {
  readonly index: number;
  readonly kind: OpKind;
  /** Issue to the call's return, or null if it never returned (a failure came first). */
  readonly ackMs: number | null;
  /** Issue to stable storage, or null if the data never got there in this run. */
  readonly durableMs: number | null;
}

/** The chart shows this many writes at most: the latest ones. */
export const LATENCY_ROWS = 40;

/** The latest writes' latencies, in issue order. */
export function latencyRows(ops: readonly OpResult[]): LatencyRow[] {
  return ops.slice(-LATENCY_ROWS).map((op) => ({
    index: op.index,
    kind: op.kind,
    ackMs: op.ackedAtMs === null ? null : op.ackedAtMs - op.atMs,
    durableMs: op.durableAtMs === null ? null : op.durableAtMs - op.atMs,
  }));
}

/** The median of the values that exist, or null when none does. */
export function median(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? (known[mid] ?? null) : ((known[mid - 1] ?? 0) + (known[mid] ?? 0)) / 2;
}

/**
 * The model's estimate of one guest call made of `ops` issued together (a lab write kind, e.g. a
 * buffered write and its fdatasync): when the last of them returns, in ms after issue, or null if
 * it never does. The same reading of the model as the lab's "returns after" (lab/predict.ts).
 */
export function estimatedCallMs(config: Config, ops: readonly OpKind[]): number | null {
  const timeline = simulate({ config, ops: ops.map((kind) => ({ atMs: 0, kind })) });
  return timeline.ops[timeline.ops.length - 1]?.ackedAtMs ?? null;
}
