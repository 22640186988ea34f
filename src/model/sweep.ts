/**
 * The crash sweep: how many operations a failure of one kind would lose at every instant where
 * anything changes. Outcomes only change at hop boundaries, so those instants are every distinct
 * crash worth evaluating; a sweep line makes the whole set O(h log h) in the number of hops
 * instead of one simulation per instant.
 */
import { wipes } from "./failure";
import type { FailureKind, LayerId, Timeline } from "./timeline";

/** What a sweep needs of a timeline: its ops, and the disk cache they ran with. */
export type Sweepable = Pick<Timeline, "ops" | "config">;

export interface CrashSweep {
  /** Distinct instants, ascending. */
  readonly instantsMs: Float64Array;
  /** `lost[i]`: operations whose data a failure at `instantsMs[i]` destroys. */
  readonly lost: Uint32Array;
}

/** A growable list of numbers, sorted once at the end (typed arrays sort numerically, natively). */
class Times {
  private data = new Float64Array(64);
  private size = 0;
  push(tMs: number): void {
    if (this.size === this.data.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = tMs;
  }
  sorted(): Float64Array {
    return this.data.slice(0, this.size).sort();
  }
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
  const { instantsMs, lost } = sweepEach(timeline, [failure], { ackedOnly });
  return { instantsMs, lost: lost[0] ?? new Uint32Array(instantsMs.length) };
}

/**
 * The sweeps of several failures in one pass over the hops (the timeline's exposure strip draws
 * all four on every change): the instants are the same for every failure, `lost[k]` is the count
 * for `failures[k]`.
 */
export function sweepEach(
  timeline: Sweepable,
  failures: readonly FailureKind[],
  { ackedOnly = false } = {},
): { readonly instantsMs: Float64Array; readonly lost: readonly Uint32Array[] } {
  const diskCache = timeline.config.diskCache;
  // An op's data is at risk over [enters, leaves): one "enters" and one "leaves" time per
  // stretch in a wiped layer, so the count at t is (enters <= t) - (leaves <= t). Typed arrays
  // and one sort each instead of maps keep the strip cheap at thousands of writes.
  const enters = failures.map(() => new Times());
  const leaves = failures.map(() => new Times());
  const instants = new Times();
  const openedAt = failures.map((): number | null => null);
  // Which of the failures wipe each layer, asked once per layer rather than once per hop.
  const wipedBy = new Map<LayerId, readonly boolean[]>();
  const wipedIn = (layer: LayerId) => {
    let wiped = wipedBy.get(layer);
    if (!wiped) {
      wiped = failures.map((failure) => wipes(failure, layer, diskCache));
      wipedBy.set(layer, wiped);
    }
    return wiped;
  };

  for (const op of timeline.ops) {
    // Before its call returns, a write does not count when only acknowledged ones do.
    const countsFrom = ackedOnly ? (op.ackedAtMs ?? Infinity) : -Infinity;
    if (Number.isFinite(countsFrom)) instants.push(countsFrom);
    openedAt.fill(null);
    const enter = (layer: LayerId, tMs: number) => {
      wipedIn(layer).forEach((wiped, k) => {
        const opened = openedAt[k] ?? null;
        if (wiped && opened === null) openedAt[k] = tMs;
        if (!wiped && opened !== null) {
          const from = Math.max(opened, countsFrom);
          if (tMs > from) {
            enters[k]?.push(from);
            leaves[k]?.push(tMs);
          }
          openedAt[k] = null;
        }
      });
    };
    for (const hop of op.hops) {
      instants.push(hop.startMs);
      instants.push(hop.endMs);
      enter(hop.from, hop.startMs);
      enter(hop.to, hop.endMs);
    }
    openedAt.forEach((opened, k) => {
      if (opened !== null && Number.isFinite(countsFrom)) {
        enters[k]?.push(Math.max(opened, countsFrom));
      }
    });
  }

  const all = instants.sorted();
  const instantsMs = all.filter((tMs, i) => i === 0 || tMs !== all[i - 1]);
  const lost = failures.map((_, k) => {
    const up = enters[k]?.sorted() ?? new Float64Array();
    const down = leaves[k]?.sorted() ?? new Float64Array();
    const counts = new Uint32Array(instantsMs.length);
    let u = 0;
    let d = 0;
    instantsMs.forEach((tMs, i) => {
      while (u < up.length && (up[u] ?? Infinity) <= tMs) u++;
      while (d < down.length && (down[d] ?? Infinity) <= tMs) d++;
      counts[i] = u - d;
    });
    return counts;
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
