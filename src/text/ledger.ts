/**
 * The ledger's words for one operation at one instant (docs/model.md): where its data is, when and
 * where its call returned, when it became durable, and after a failure whether it survived and,
 * if not, whether it had been promised durable (src/model/tally.ts). One source for the ledger on
 * the page and for its CSV and Markdown exports.
 */
import { positionAt } from "../model/position";
import { promisedBy, returnedBy } from "../model/tally";
import type { DiskCache } from "../model/config";
import type { Crash, LayerId, OpKind, OpResult } from "../model/timeline";
import { formatModelTime } from "./clock";
import { inLayer, LAYER, opNumber, PROMISE } from "./vocabulary";

function whereNow(op: OpResult, tMs: number, lost: boolean): string {
  if (op.kind === "barrier") {
    const flush = op.flush;
    if (!flush || flush.issuedAtMs > tMs) return "waiting for the write-out";
    if (flush.doneAtMs === null || flush.doneAtMs > tMs) return "flush under way";
    return "done";
  }
  const where = positionAt(op, tMs);
  if (!where) return "—";
  if (lost) {
    return where.layer === "virtual-disk"
      ? "lost in flight in QEMU"
      : `lost with ${LAYER[where.layer].the}`;
  }
  return where.hop ? `leaving ${LAYER[where.layer].the}` : inLayer(where.layer);
}

function ackedText(op: OpResult, tMs: number): string {
  if (op.ackedAtMs === null || op.ackedIn === null || op.ackedAtMs > tMs) return "not yet";
  return `${PROMISE.returned} at ${formatModelTime(op.ackedAtMs)}, ${inLayer(op.ackedIn)}`;
}

/**
 * What becomes of the data a barrier left unflushed, by where it left it (docs/model.md §3): the
 * host's flusher under writeback and unsafe; under none the drive's own destaging (or nothing, with
 * its cache off: the data is on the platters already). A battery-backed drive cache is stable
 * storage in the model (src/model/failure.ts, `stableLayer`; docs/model.md §4), so data left there
 * is safe already and the words say so rather than only that it waits.
 */
const UNFLUSHED: Partial<Record<LayerId, string>> = {
  "host-page-cache": "the data waits for the host's writeback",
  "disk-cache": "the data stays in the drive's cache until the drive writes it out",
  platters: "no flush was needed: the data was on stable storage already",
};
const UNFLUSHED_BATTERY =
  "no flush was needed: the drive's cache is battery-backed, so the data there is on stable storage already";

function unflushed(ackedIn: LayerId | null, diskCache: DiskCache): string {
  if (ackedIn === "disk-cache" && diskCache === "battery") return UNFLUSHED_BATTERY;
  return UNFLUSHED[ackedIn ?? "host-page-cache"] ?? "the data waits for writeback";
}

function durableText(op: OpResult, tMs: number, diskCache: DiskCache): string {
  if (op.durableAtMs !== null && op.durableAtMs <= tMs) {
    return `durable at ${formatModelTime(op.durableAtMs)}`;
  }
  const flush = op.flush;
  // A barrier's verdict comes when its flush is done.
  if (op.kind !== "barrier" || flush?.doneAtMs == null || flush.doneAtMs > tMs) {
    return "not yet";
  }
  switch (flush.outcome) {
    case "no-write-cache":
      return "no flush needed: its writes went to stable storage";
    case "no-guest-barriers":
      return `not by this barrier: the guest sent no flush (${unflushed(op.ackedIn, diskCache)})`;
    case "ignored-by-qemu":
      return "not by this barrier: QEMU ignored its flush";
    case "no-host-barriers":
      return "not by this barrier: the host sent the drive no flush (host filesystem mounted without barriers)";
    case "ignored-by-drive":
      return "not by this barrier: the drive ignored its flush";
    case "passed":
      return "not yet";
  }
}

/**
 * By what was promised, not by the kind of write (src/model/tally.ts): a buffered write an fsync
 * covered was promised durable; an O_DIRECT write's return promised nothing.
 */
function survivalText(op: OpResult, failedAtMs: number, promised: boolean): string {
  if (op.survives === null) return "—";
  if (op.survives) return "✔ survived";
  // Worse than lost: the committed metadata (block map, size) includes this write, whose block
  // holds stale contents (docs/model.md §8.14).
  if (op.inconsistent)
    return "✘ inconsistent: its journal commit reached stable storage, its data did not (the file now reads stale contents there)";
  // The article's point: data the guest was told was on stable storage, and lost all the same.
  if (promised)
    return `✘ lost, though ${PROMISE.promised} (${op.kind === "osync" && returnedBy(op, failedAtMs) ? "its O_SYNC call had returned" : "an fsync covering it had returned"})`;
  if (returnedBy(op, failedAtMs))
    return `✘ lost; its call had ${PROMISE.returned}, but it was not ${PROMISE.promised} (no fsync covering it had ${PROMISE.returned})`;
  return `✘ lost before its call ${PROMISE.returned}`;
}

export interface LedgerCells {
  /** The op's index (0-based, for keys and row positions). */
  readonly index: number;
  /** Its number as people read it, from 1. */
  readonly number: string;
  readonly kind: OpKind;
  readonly issuedAt: string;
  readonly where: string;
  readonly acked: string;
  readonly durable: string;
  /** Null while no failure has struck (at this instant). */
  readonly survival: string | null;
  readonly lost: boolean;
}

/**
 * The rows at `tMs` of a timeline's `ops`; `failure` is the failure struck by then, or null;
 * `diskCache` the timeline's drive cache (whether data left in it is safe). What was promised
 * durable is worked out once for the whole table (src/model/tally.ts).
 */
export function ledgerRows(
  ops: readonly OpResult[],
  tMs: number,
  failure: Crash | null,
  diskCache: DiskCache,
): (op: OpResult) => LedgerCells {
  const promised = failure ? promisedBy(ops, failure.atMs) : () => false;
  return (op) => {
    const lost = failure !== null && op.survives === false;
    return {
      index: op.index,
      number: opNumber(op.index),
      kind: op.kind,
      issuedAt: formatModelTime(op.atMs),
      where: whereNow(op, tMs, lost),
      acked: ackedText(op, tMs),
      durable: durableText(op, tMs, diskCache),
      survival: failure ? survivalText(op, failure.atMs, promised(op)) : null,
      lost,
    };
  };
}

/** The ledger's table on the page and in its exports. */
export const LEDGER = {
  /** Its name and heading; the compared diagram's says which it is. */
  name: "Operations",
  compared: (which: string) => `Operations ${which}`,
  region: (name: string) => `${name}, scrollable`,
  /** The columns; after a failure one more, named after it (FAILURE[kind].after). */
  head: ["#", "Write", "Issued at", "Data now", "Returned", "Durable"],
  empty: "No writes yet: issue one with the buttons above.",
} as const;
