/**
 * What a failure cost, counted one way for every reader: the event line, the ledger's summary,
 * "If it failed now", compare, the tour's answer, the embed's `lost` event and the tour claims.
 *
 * Two words, two questions (docs/model.md §3, §4):
 * - a write **returned** when the application's call had returned by the failure's instant;
 * - a write was **promised durable** when an O_SYNC write's own call returned, or when it was
 *   covered by an fsync (a barrier op) whose call returned: a barrier covers every write issued
 *   before it or at the same instant. A buffered or O_DIRECT write's return promised nothing.
 * The tie rule: a call that returns at the very instant of the failure counts as returned.
 */
import type { OpResult } from "./timeline";

export interface Tally {
  /** The data-carrying writes destroyed (never a barrier: it carries no data of its own). */
  readonly lost: readonly number[];
  /** Of those, the ones whose call had returned. */
  readonly returned: readonly number[];
  /** Of those, the ones the guest had been promised were on stable storage. */
  readonly promised: readonly number[];
}

/** Whether `op`'s call had returned at `atMs` (a return at that very instant counts). */
export function returnedBy(op: OpResult, atMs: number): boolean {
  return op.ackedAtMs !== null && op.ackedAtMs <= atMs;
}

/**
 * The latest issue time a returned barrier covers: a write issued at or before it was promised
 * durable by an fsync (-Infinity when no barrier had returned).
 */
function coveredUpTo(ops: readonly OpResult[], atMs: number): number {
  let upTo = -Infinity;
  for (const op of ops) {
    if (op.kind === "barrier" && returnedBy(op, atMs)) upTo = Math.max(upTo, op.atMs);
  }
  return upTo;
}

/** Whether the guest had been promised, at `atMs`, that a write was on stable storage. */
export function promisedBy(ops: readonly OpResult[], atMs: number): (op: OpResult) => boolean {
  const upTo = coveredUpTo(ops, atMs);
  return (op) =>
    op.kind !== "barrier" && ((op.kind === "osync" && returnedBy(op, atMs)) || op.atMs <= upTo);
}

/** Counts the writes in `lost` (op indices) a failure at `atMs` destroyed. */
export function tally(ops: readonly OpResult[], lost: Iterable<number>, atMs: number): Tally {
  const promised = promisedBy(ops, atMs);
  const lostOps = [...lost].flatMap((i) => {
    const op = ops[i];
    return op && op.kind !== "barrier" ? [op] : [];
  });
  const indices = (keep: (op: OpResult) => boolean) => lostOps.filter(keep).map((op) => op.index);
  return {
    lost: indices(() => true),
    returned: indices((op) => returnedBy(op, atMs)),
    promised: indices(promised),
  };
}

/** What the timeline's own failure destroyed (nothing without one). */
export function failureTally(timeline: {
  readonly ops: readonly OpResult[];
  readonly crash: { readonly atMs: number } | null;
}): Tally {
  const { crash, ops } = timeline;
  if (!crash) return { lost: [], returned: [], promised: [] };
  const lost = ops.filter((op) => op.survives === false).map((op) => op.index);
  return tally(ops, lost, crash.atMs);
}
