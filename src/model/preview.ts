/**
 * "If it failed now": what each failure would destroy at an instant, read off a timeline without
 * simulating again. A crash loses exactly the data sitting in the layers it wipes at that instant
 * (docs/model.md §4; a property test holds this preview to simulating the crash).
 */
import type { DiskCache } from "./config";
import { wipes } from "./failure";
import { positionAt } from "./position";
import { tally, type Tally } from "./tally";
import type { FailureKind, OpResult } from "./timeline";

/** What `failure` at `tMs` would destroy, counted as the failure itself would be (./tally.ts). */
export function lossesAt(
  ops: readonly OpResult[],
  diskCache: DiskCache,
  failure: FailureKind,
  tMs: number,
): Tally {
  const lost: number[] = [];
  for (const op of ops) {
    const where = positionAt(op, tMs);
    if (where && wipes(failure, where.layer, diskCache)) lost.push(op.index);
  }
  return tally(ops, lost, tMs);
}
