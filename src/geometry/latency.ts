/**
 * The latency chart's geometry (issue 8: "the speed half of the article"): per write, how long
 * after it was issued the call returned and the data was durable, on one log axis from 1 µs to
 * 100 s — the span of the model's latencies, from a page-cache copy to dirty-page expiry
 * (docs/model.md §5). Positions are fractions of the axis's width.
 */
import type { OpKind, OpResult } from "../model/timeline";

const MIN_MS = 0.001;
const MAX_MS = 100_000;
const DECADES = Math.log10(MAX_MS / MIN_MS);

/** The axis's ticks: one per decade, with its label. */
export const LATENCY_TICKS: readonly { readonly ms: number; readonly label: string }[] = [
  { ms: 0.001, label: "1 µs" },
  { ms: 0.01, label: "10 µs" },
  { ms: 0.1, label: "100 µs" },
  { ms: 1, label: "1 ms" },
  { ms: 10, label: "10 ms" },
  { ms: 100, label: "100 ms" },
  { ms: 1000, label: "1 s" },
  { ms: 10_000, label: "10 s" },
  { ms: 100_000, label: "100 s" },
];

/** Where a latency stands on the axis, 0 at 1 µs and 1 at 100 s (clamped at both ends). */
export function latencyX(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(1, Math.log10(ms / MIN_MS) / DECADES);
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
