/**
 * The discrete events of a timeline, in time order, as typed data: what the event line, the
 * timeline and (later) host pages listen to, and the instants at which playback commits time to
 * the store (so the ledger and the narration update at events, never per frame). Their words are
 * made in the UI, from one vocabulary (src/text/vocabulary.ts).
 */
import { FLUSH_TRAVELS } from "../model/rules";
import type { FailureKind, FlushOutcome, Hop, LayerId, OpKind, Timeline } from "../model/timeline";

interface OpEvent {
  readonly tMs: number;
  readonly op: number;
  readonly kind: OpKind;
}

export type SessionEvent =
  | (OpEvent & { readonly type: "writeIssued" })
  /** A write sets off on a hop (an arrow, or a background movement). */
  | (OpEvent & { readonly type: "writeMoved"; readonly hop: Hop })
  /** A write reached a layer; `quiet` where the ack or "durable" at the same instant says it. */
  | (OpEvent & { readonly type: "writeArrived"; readonly layer: LayerId; readonly quiet: boolean })
  /** The application's call returned; for a barrier, `layer` is where what it covers was. */
  | (OpEvent & { readonly type: "writeAcked"; readonly layer: LayerId })
  /** A flush leaves the guest; `travels` when it has a way to go (passed, or refused by QEMU). */
  | (OpEvent & { readonly type: "flushSent"; readonly travels: boolean })
  | (OpEvent & { readonly type: "flushPassed" })
  | (OpEvent & {
      readonly type: "flushRefused";
      readonly outcome: Exclude<FlushOutcome, "passed">;
    })
  | (OpEvent & { readonly type: "writeDurable" })
  /** A journal commit starts; under ext3 data=ordered it writes `wroteOut` first. */
  | {
      readonly type: "journalCommitted";
      readonly tMs: number;
      readonly wroteOut: readonly number[];
    }
  /**
   * A journal commit's flush is done; `news` when it concerns the user's writes (it wrote them
   * out, made one durable, or QEMU refused it) — a routine one stays quiet.
   */
  | {
      readonly type: "commitFlushed";
      readonly tMs: number;
      readonly outcome: FlushOutcome;
      readonly news: boolean;
    }
  /**
   * With reordering (docs/model.md §8.14), a journal commit block sets off on a hop, or reaches
   * a layer; `durable` when that layer is stable storage.
   */
  | { readonly type: "commitBlockMoved"; readonly tMs: number; readonly hop: Hop }
  | {
      readonly type: "commitBlockArrived";
      readonly tMs: number;
      readonly layer: LayerId;
      readonly durable: boolean;
    }
  /** A failure struck: what it destroyed, what survived. */
  | {
      readonly type: "dataLost";
      readonly tMs: number;
      readonly failure: FailureKind;
      readonly lost: readonly number[];
      readonly survived: readonly number[];
      /** Of the lost, O_SYNC writes whose call had returned: the article's point. */
      readonly syncedAcked: number;
    };

export function sessionEvents(timeline: Timeline): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const op of timeline.ops) {
    // Fields written out rather than spread from a shared base: thousands of events are made
    // per change, and spreading was the bulk of it.
    const { index, kind } = op;
    events.push({ type: "writeIssued", tMs: op.atMs, op: index, kind });
    for (const hop of op.hops) {
      events.push({ type: "writeMoved", tMs: hop.startMs, op: index, kind, hop });
      // A crash stops the world: a hop it cut short never arrives.
      if (hop.cutAtMs !== null) continue;
      const quiet = hop.endMs === op.ackedAtMs || hop.endMs === op.durableAtMs;
      events.push({ type: "writeArrived", tMs: hop.endMs, op: index, kind, layer: hop.to, quiet });
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) {
      events.push({ type: "writeAcked", tMs: op.ackedAtMs, op: index, kind, layer: op.ackedIn });
    }
    if (op.flush) {
      const { outcome, issuedAtMs, doneAtMs } = op.flush;
      if (doneAtMs !== null) {
        events.push(
          outcome === "passed"
            ? { type: "flushPassed", tMs: doneAtMs, op: index, kind }
            : { type: "flushRefused", tMs: doneAtMs, op: index, kind, outcome },
        );
      }
      const travels =
        doneAtMs !== issuedAtMs && (FLUSH_TRAVELS.has(outcome) || outcome === "ignored-by-qemu");
      events.push({ type: "flushSent", tMs: issuedAtMs, op: index, kind, travels });
    }
    if (kind !== "barrier" && op.durableAtMs !== null) {
      events.push({ type: "writeDurable", tMs: op.durableAtMs, op: index, kind });
    }
  }
  for (const commit of timeline.journalCommits) {
    events.push({ type: "journalCommitted", tMs: commit.atMs, wroteOut: commit.wroteOut });
    const { flush } = commit;
    if (flush?.doneAtMs == null) continue;
    const doneAtMs = flush.doneAtMs;
    const carried = timeline.ops.some((o) => o.durableAtMs === doneAtMs);
    // A flush that did not do what it says is news too. A forced commit's flush is the forcing
    // call's own, which that call's flush events tell (docs/model.md §8.16).
    const news =
      commit.forcedBy === null &&
      (commit.wroteOut.length > 0 || carried || flush.outcome !== "passed");
    events.push({ type: "commitFlushed", tMs: doneAtMs, outcome: flush.outcome, news });
  }
  for (const commit of timeline.journalCommits) {
    const block = commit.block;
    if (!block) continue;
    for (const hop of block.hops) {
      events.push({ type: "commitBlockMoved", tMs: hop.startMs, hop });
      if (hop.cutAtMs !== null) continue;
      const durable = hop.endMs === block.durableAtMs;
      events.push({ type: "commitBlockArrived", tMs: hop.endMs, layer: hop.to, durable });
    }
  }
  const { crash } = timeline;
  if (crash) {
    const lost = timeline.ops.filter((o) => o.survives === false);
    events.push({
      type: "dataLost",
      tMs: crash.atMs,
      failure: crash.kind,
      lost: lost.map((o) => o.index),
      survived: timeline.ops.filter((o) => o.survives === true).map((o) => o.index),
      // A buffered write() returning from guest RAM promised nothing about durability.
      syncedAcked: lost.filter((o) => o.kind === "osync" && o.ackedAtMs !== null).length,
    });
  }
  // Stable: at one instant, events keep the order above (issued, moved, acknowledged, durable,
  // and the failure last).
  return events.sort((a, b) => a.tMs - b.tMs);
}
