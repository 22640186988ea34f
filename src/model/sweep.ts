/**
 * The crash sweep: how many operations a failure of one kind would lose at every instant where
 * anything changes. Outcomes only change at hop boundaries, so those instants are every distinct
 * crash worth evaluating; a sweep line makes the whole set O(h log h) in the number of hops
 * instead of one simulation per instant.
 */
import type { DiskCache } from "./config";
import { wipes } from "./failure";
import type { FailureKind, LayerId, OpResult, Timeline } from "./timeline";

/**
 * What a sweep needs of a timeline: its ops, and the disk cache each ran with (one for a whole
 * simulation; an interactive session may mix configurations).
 */
export type Sweepable =
  | Pick<Timeline, "ops" | "config">
  | { readonly ops: readonly OpResult[]; readonly diskCacheOf: (op: number) => DiskCache };

function diskCacheOf(timeline: Sweepable): (op: number) => DiskCache {
  return "config" in timeline ? () => timeline.config.diskCache : timeline.diskCacheOf;
}

export interface CrashSweep {
  /** Distinct instants, ascending. */
  readonly instantsMs: Float64Array;
  /** `lost[i]`: operations whose data a failure at `instantsMs[i]` destroys. */
  readonly lost: Uint32Array;
}

/**
 * With `ackedOnly`, counts only writes whose call had already returned: the ones the guest was
 * told were safe ("acknowledged but not yet durable", what a power loss at the worst moment
 * strikes).
 */
export function sweepCrashes(
  timeline: Sweepable,
  failure: FailureKind,
  { ackedOnly = false } = {},
): CrashSweep {
  const diskOf = diskCacheOf(timeline);
  // +1 where an op's data enters a wiped layer, -1 where it leaves; segments are [start, end).
  const deltas = new Map<number, number>();
  const instants = new Set<number>();
  const bump = (tMs: number, by: number) => deltas.set(tMs, (deltas.get(tMs) ?? 0) + by);

  for (const op of timeline.ops) {
    const diskCache = diskOf(op.index);
    // Before its call returns, a write does not count when only acknowledged ones do.
    const countsFrom = ackedOnly ? (op.ackedAtMs ?? Infinity) : -Infinity;
    if (Number.isFinite(countsFrom)) instants.add(countsFrom);
    // Mutated inside `enter`; the cast keeps TypeScript from narrowing it to null.
    let openedAt = null as number | null;
    const enter = (layer: LayerId, tMs: number) => {
      const wiped = wipes(failure, layer, diskCache);
      if (wiped && openedAt === null) openedAt = tMs;
      if (!wiped && openedAt !== null) {
        const from = Math.max(openedAt, countsFrom);
        if (tMs > from) {
          bump(from, 1);
          bump(tMs, -1);
        }
        openedAt = null;
      }
    };
    for (const hop of op.hops) {
      instants.add(hop.startMs);
      instants.add(hop.endMs);
      enter(hop.from, hop.startMs);
      enter(hop.to, hop.endMs);
    }
    if (openedAt !== null && Number.isFinite(countsFrom)) bump(Math.max(openedAt, countsFrom), 1);
  }

  const instantsMs = Float64Array.from(instants).sort();
  const lost = new Uint32Array(instantsMs.length);
  let running = 0;
  instantsMs.forEach((tMs, i) => {
    running += deltas.get(tMs) ?? 0;
    lost[i] = running;
  });
  return { instantsMs, lost };
}

/**
 * The worst moment for a failure, among the instants up to `untilMs` (what has been played): the
 * one at which the most acknowledged-but-not-yet-durable writes sit in layers it wipes, the
 * earliest on a tie (docs/model.md §8). Null when no acknowledged write is ever exposed by then.
 */
export function worstMoment(
  timeline: Sweepable,
  failure: FailureKind,
  untilMs: number,
): { readonly atMs: number; readonly exposed: number } | null {
  const { instantsMs, lost } = sweepCrashes(timeline, failure, { ackedOnly: true });
  let best: { atMs: number; exposed: number } | null = null;
  for (let i = 0; i < instantsMs.length; i++) {
    const atMs = instantsMs[i] ?? Infinity;
    if (atMs > untilMs) break;
    const exposed = lost[i] ?? 0;
    if (exposed > (best?.exposed ?? 0)) best = { atMs, exposed };
  }
  return best;
}
