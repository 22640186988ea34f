/**
 * The discrete events of a session timeline, in time order: what the event line announces and
 * the instants at which the animation loop commits time to the store (so the ledger and the
 * narration update at events, never per frame).
 */
import type { FlushOutcome, LayerId, OpKind } from "../model/timeline";
import type { SessionTimeline } from "./session";

export const KIND_NAME: Readonly<Record<OpKind, string>> = {
  normal: "Normal write",
  osync: "O_SYNC write",
  barrier: "Barrier",
  odirect: "O_DIRECT write",
};

export const LAYER_NAME: Readonly<Record<LayerId, string>> = {
  "guest-app": "the guest application",
  "guest-page-cache": "the guest page cache",
  "virtual-disk": "the virtual disk",
  "host-page-cache": "the host page cache",
  "disk-cache": "the disk write cache",
  platters: "the platters",
};

const FLUSH_WORDS: Readonly<Record<FlushOutcome, string>> = {
  passed: "its flush passed: everything acknowledged before it is on stable storage (green)",
  "ignored-by-qemu": "its flush was ignored by QEMU (cache=unsafe): nothing became durable",
  "no-guest-barriers": "its flush never left the guest: the guest issues no barriers",
  "no-write-cache": "no flush was needed: the virtual disk reports no write cache",
};

export interface SessionEvent {
  readonly tMs: number;
  /** What to announce; empty for silent events (a hop boundary the ledger should show). */
  readonly text: string;
}

/** "#2 O_SYNC write" — the op's number as the ledger shows it (1-based would confuse `data-op`). */
export function opLabel(index: number, kind: OpKind): string {
  return `#${String(index)} ${KIND_NAME[kind]}`;
}

export function sessionEvents(timeline: SessionTimeline): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const op of timeline.ops) {
    const label = opLabel(op.index, op.kind);
    for (const hop of op.hops) {
      events.push({ tMs: hop.startMs, text: "" }, { tMs: hop.endMs, text: "" });
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) {
      events.push({
        tMs: op.ackedAtMs,
        text:
          op.kind === "barrier"
            ? `${label} returned: what it covers is in ${LAYER_NAME[op.ackedIn]}.`
            : `${label} acknowledged: its data is in ${LAYER_NAME[op.ackedIn]}.`,
      });
    }
    if (op.flush) {
      const doneMs = op.flush.doneAtMs;
      if (doneMs !== null)
        events.push({ tMs: doneMs, text: `${label}: ${FLUSH_WORDS[op.flush.outcome]}.` });
      events.push({ tMs: op.flush.issuedAtMs, text: "" });
    }
    if (op.kind !== "barrier" && op.durableAtMs !== null) {
      events.push({ tMs: op.durableAtMs, text: `${label} is durable.` });
    }
  }
  const { crash } = timeline;
  if (crash) {
    const lost = timeline.ops.filter((o) => o.survives === false).map((o) => `#${String(o.index)}`);
    const kept = timeline.ops.filter((o) => o.survives === true).map((o) => `#${String(o.index)}`);
    events.push({
      tMs: crash.atMs,
      text:
        `Power lost. ${lost.length ? `Lost: ${lost.join(", ")}.` : "No write was lost."}` +
        (kept.length ? ` Survived: ${kept.join(", ")}.` : ""),
    });
  }
  return events.sort((a, b) => a.tMs - b.tMs);
}
