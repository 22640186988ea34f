/**
 * The ledger's words for one operation at one instant (docs/model.md): where its data is, when and
 * where the guest was told "done", when it became durable, and after a failure whether it
 * survived. One source for the ledger on the page and for its CSV and Markdown exports.
 */
import { positionAt } from "../model/position";
import type { Crash, LayerId, OpKind, OpResult } from "../model/timeline";
import { formatModelTime } from "./clock";
import { inLayer, LAYER } from "./vocabulary";

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
  return `acknowledged at ${formatModelTime(op.ackedAtMs)}, ${inLayer(op.ackedIn)}`;
}

/**
 * What becomes of the data a barrier left unflushed, by where it left it (docs/model.md §3): the
 * host's flusher under writeback and unsafe; under none the drive's own destaging (or nothing, with
 * its cache off: the data is on the platters already). Not knowing the drive, the words for its
 * cache hold for a volatile and a battery-backed one alike.
 */
const UNFLUSHED: Partial<Record<LayerId, string>> = {
  "host-page-cache": "the data waits for the host's writeback",
  "disk-cache": "the data stays in the drive's cache until the drive writes it out",
  platters: "no flush was needed: the data was on stable storage already",
};

function durableText(op: OpResult, tMs: number): string {
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
      return `not by this barrier: the guest sent no flush (${UNFLUSHED[op.ackedIn ?? "host-page-cache"] ?? "the data waits for writeback"})`;
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

function survivalText(op: OpResult, failedAtMs: number): string {
  if (op.survives === null) return "—";
  if (op.survives) return "✔ survived";
  // Worse than lost: the committed metadata (block map, size) includes this write, whose block
  // holds stale contents (docs/model.md §8.14).
  if (op.inconsistent)
    return "✘ inconsistent: its journal commit reached stable storage, its data did not (the file now reads stale contents there)";
  if (op.ackedAtMs === null || op.ackedAtMs > failedAtMs)
    return "✘ lost before it was acknowledged";
  // A buffered write() returning from guest RAM promised nothing about durability.
  if (op.kind === "normal") return "✘ lost (buffered: it had returned from guest RAM)";
  // The article's point: data the guest was told was written, and lost all the same.
  return "✘ lost, though acknowledged";
}

export interface LedgerCells {
  readonly index: number;
  readonly kind: OpKind;
  readonly issuedAt: string;
  readonly where: string;
  readonly acked: string;
  readonly durable: string;
  /** Null while no failure has struck (at this instant). */
  readonly survival: string | null;
  readonly lost: boolean;
}

/** An operation's row at `tMs`; `failure` is the failure struck by then, or null. */
export function ledgerCells(op: OpResult, tMs: number, failure: Crash | null): LedgerCells {
  const lost = failure !== null && op.survives === false;
  return {
    index: op.index,
    kind: op.kind,
    issuedAt: formatModelTime(op.atMs),
    where: whereNow(op, tMs, lost),
    acked: ackedText(op, tMs),
    durable: durableText(op, tMs),
    survival: failure ? survivalText(op, failure.atMs) : null,
    lost,
  };
}

/** The ledger's table on the page and in its exports. */
export const LEDGER = {
  /** Its name and heading; the compared diagram's says which it is. */
  name: "Operations",
  compared: (which: string) => `Operations ${which}`,
  region: (name: string) => `${name}, scrollable`,
  /** The columns; after a failure one more, named after it (FAILURE[kind].after). */
  head: ["#", "Write", "Issued at", "Data now", "Acknowledged", "Durable"],
  empty: "No writes yet: issue one with the buttons above.",
} as const;
