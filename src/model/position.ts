/**
 * Where an operation's data is at model time t: what scrubbing, stepping and the ledger need.
 * Rendering is a function of (timeline, t), so this must be cheap: a binary search over the
 * op's hops, no allocation beyond the answer.
 */
import type { Hop, LayerId, OpResult } from "./timeline";

export interface Position {
  /** Where the data rests, or the layer it is leaving while a hop is under way. */
  readonly layer: LayerId;
  /** The hop under way at t, if any. */
  readonly hop: Hop | null;
  /** Fraction of `hop` done at t, in [0, 1); 0 when resting. */
  readonly progress: number;
}

/** The index of the last item that has started by `tMs`, or -1. Items are in time order. */
export function lastStarted(items: readonly { readonly startMs: number }[], tMs: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item && item.startMs <= tMs) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The position of `op`'s data at `tMs`; null before the op is issued or for a barrier. */
export function positionAt(op: OpResult, tMs: number): Position | null {
  if (tMs < op.atMs || op.hops.length === 0) return null;
  const index = lastStarted(op.hops, tMs);
  const hop = op.hops[index];
  if (!hop) return null;
  // A hop a crash cut short stays where the crash found it, in the layer it was leaving.
  const stopMs = hop.cutAtMs ?? hop.endMs;
  if (tMs < hop.endMs || hop.cutAtMs !== null) {
    const span = hop.endMs - hop.startMs;
    const at = Math.min(tMs, stopMs);
    return { layer: hop.from, hop, progress: span > 0 ? (at - hop.startMs) / span : 0 };
  }
  return { layer: hop.to, hop: null, progress: 0 };
}
