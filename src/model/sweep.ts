/**
 * The crash sweep: how many operations a failure of one kind would lose at every instant where
 * anything changes. Outcomes only change at hop boundaries, so those instants are every distinct
 * crash worth evaluating; a sweep line makes the whole set O(h log h) in the number of hops
 * instead of one simulation per instant.
 */
import { wipes } from "./failure";
import type { FailureKind, LayerId, Timeline } from "./timeline";

export interface CrashSweep {
  /** Distinct instants, ascending. */
  readonly instantsMs: Float64Array;
  /** `lost[i]`: operations whose data a failure at `instantsMs[i]` destroys. */
  readonly lost: Uint32Array;
}

export function sweepCrashes(timeline: Timeline, failure: FailureKind): CrashSweep {
  const { diskCache } = timeline.config;
  // +1 where an op's data enters a wiped layer, -1 where it leaves; segments are [start, end).
  const deltas = new Map<number, number>();
  const instants = new Set<number>();
  const bump = (tMs: number, by: number) => deltas.set(tMs, (deltas.get(tMs) ?? 0) + by);

  for (const op of timeline.ops) {
    // Mutated inside `enter`; the cast keeps TypeScript from narrowing it to null.
    let openedAt = null as number | null;
    const enter = (layer: LayerId, tMs: number) => {
      const wiped = wipes(failure, layer, diskCache);
      if (wiped && openedAt === null) openedAt = tMs;
      if (!wiped && openedAt !== null) {
        if (tMs > openedAt) {
          bump(openedAt, 1);
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
    if (openedAt !== null) bump(openedAt, 1);
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
