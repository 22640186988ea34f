/**
 * "If it failed now": what each failure would destroy at an instant, read off a timeline without
 * simulating again. A crash loses exactly the data sitting in the layers it wipes at that instant
 * (docs/model.md §4; a property test holds this preview to simulating the crash).
 */
import type { DiskCache } from "./config";
import { wipes } from "./failure";
import { positionAt } from "./position";
import type { FailureKind, OpResult } from "./timeline";

export interface Losses {
  /** The ops whose data this failure at that instant would destroy. */
  readonly lost: readonly number[];
  /** Of those, the ones whose call had already returned. */
  readonly lostAcked: readonly number[];
}

export function lossesAt(
  ops: readonly OpResult[],
  diskCache: DiskCache,
  failure: FailureKind,
  tMs: number,
): Losses {
  const lost: number[] = [];
  const lostAcked: number[] = [];
  for (const op of ops) {
    const where = positionAt(op, tMs);
    if (!where || !wipes(failure, where.layer, diskCache)) continue;
    lost.push(op.index);
    if (op.ackedAtMs !== null && op.ackedAtMs <= tMs) lostAcked.push(op.index);
  }
  return { lost, lostAcked };
}
