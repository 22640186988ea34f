/**
 * The discrete events of a timeline, in time order, as typed data: what the event line, the
 * timeline and (later) host pages listen to, and the instants at which playback commits time to
 * the store (so the ledger and the narration update at events, never per frame). Their words are
 * made in the UI, from one vocabulary (src/text/vocabulary.ts).
 */
import { FLUSH_TRAVELS } from "../model/rules";
import { forEachMoment } from "../model/moments";
import { failureTally } from "../model/tally";
import type {
  Crash,
  FailureKind,
  FlushOutcome,
  Hop,
  LayerId,
  OpKind,
  Timeline,
} from "../model/timeline";

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
      /**
       * Of the lost, how many the guest had been promised were on stable storage (an O_SYNC write
       * that returned, or a write covered by an fsync that returned): the article's point.
       */
      readonly promised: number;
    };

export function sessionEvents(timeline: Timeline): SessionEvent[] {
  const events: SessionEvent[] = [];
  // Fields written out rather than spread from a shared base: thousands of events are made per
  // change, and spreading was the bulk of it.
  forEachMoment(timeline, (tMs, m) => {
    switch (m.type) {
      case "issued":
        events.push({ type: "writeIssued", tMs, op: m.op.index, kind: m.op.kind });
        return;
      case "moved":
        events.push({ type: "writeMoved", tMs, op: m.op.index, kind: m.op.kind, hop: m.hop });
        return;
      case "arrived": {
        const { op, hop } = m;
        const quiet = tMs === op.ackedAtMs || tMs === op.durableAtMs;
        events.push({
          type: "writeArrived",
          tMs,
          op: op.index,
          kind: op.kind,
          layer: hop.to,
          quiet,
        });
        return;
      }
      case "acked":
        events.push({
          type: "writeAcked",
          tMs,
          op: m.op.index,
          kind: m.op.kind,
          layer: m.layer,
        });
        return;
      case "flushDone": {
        const { op } = m;
        const { outcome } = m.flush;
        events.push(
          outcome === "passed"
            ? { type: "flushPassed", tMs, op: op.index, kind: op.kind }
            : { type: "flushRefused", tMs, op: op.index, kind: op.kind, outcome },
        );
        return;
      }
      case "flushSent": {
        const { op } = m;
        const { outcome } = m.flush;
        const travels =
          m.flush.doneAtMs !== tMs && (FLUSH_TRAVELS.has(outcome) || outcome === "ignored-by-qemu");
        events.push({ type: "flushSent", tMs, op: op.index, kind: op.kind, travels });
        return;
      }
      case "durable":
        events.push({ type: "writeDurable", tMs, op: m.op.index, kind: m.op.kind });
        return;
      case "committed":
        events.push({ type: "journalCommitted", tMs, wroteOut: m.commit.wroteOut });
        return;
      case "commitFlushDone": {
        const { commit } = m;
        const { outcome } = m.flush;
        const carried = timeline.ops.some((o) => o.durableAtMs === tMs);
        // A flush that did not do what it says is news too. A forced commit's flush is the
        // forcing call's own, which that call's flush events tell (docs/model.md §8.16).
        const news =
          commit.forcedBy === null &&
          (commit.wroteOut.length > 0 || carried || outcome !== "passed");
        events.push({ type: "commitFlushed", tMs, outcome, news });
        return;
      }
      case "blockMoved":
        events.push({ type: "commitBlockMoved", tMs, hop: m.hop });
        return;
      case "blockArrived": {
        const durable = tMs === m.commit.block?.durableAtMs;
        events.push({ type: "commitBlockArrived", tMs, layer: m.hop.to, durable });
        return;
      }
      case "failure":
        events.push(lostEvent(timeline, m.crash));
    }
  });
  // Stable: at one instant, events keep the order above (issued, moved, acknowledged, durable,
  // and the failure last).
  return events.sort((a, b) => a.tMs - b.tMs);
}

/** A failure struck at `tMs`: what it destroyed, what survived. */
function lostEvent(timeline: Timeline, crash: Crash): SessionEvent {
  const { lost, promised } = failureTally(timeline);
  return {
    type: "dataLost",
    tMs: crash.atMs,
    failure: crash.kind,
    lost,
    survived: timeline.ops.filter((o) => o.survives === true).map((o) => o.index),
    promised: promised.length,
  };
}
