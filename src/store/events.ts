/**
 * The discrete events of a session timeline, in time order: what the event line announces and
 * the instants at which the animation loop commits time to the store (so the ledger and the
 * narration update at events, never per frame).
 */
import type { GuestFs } from "../model/config";
import type { FailureKind, FlushOutcome, Hop, LayerId, OpKind, Timeline } from "../model/timeline";

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

/** "in the host page cache", "on the platters". */
export function inLayer(layer: LayerId): string {
  return `${layer === "platters" ? "on" : "in"} ${LAYER_NAME[layer]}`;
}

export const FAILURE_NAME: Readonly<Record<FailureKind, string>> = {
  power: "Power loss",
  host: "Host crash",
  qemu: "QEMU killed",
  guest: "Guest crash",
};

/** The failure as a past event: "after the power loss", "after QEMU was killed". */
export const AFTER_FAILURE: Readonly<Record<FailureKind, string>> = {
  power: "After the power loss",
  host: "After the host crash",
  qemu: "After QEMU was killed",
  guest: "After the guest crash",
};

const FAILURE_EVENT: Readonly<Record<FailureKind, string>> = {
  power: "Power lost.",
  host: "The host kernel crashed.",
  qemu: "The QEMU process was killed.",
  guest: "The guest kernel crashed.",
};

/** docs/model.md §2: a flush covers the writes the virtual disk completed before it, no more. */
const FLUSH_WORDS: Readonly<Record<FlushOutcome, string>> = {
  passed:
    "its flush completed: every write the virtual disk had completed before it is now on stable storage (green)",
  "ignored-by-qemu": "its flush was ignored by QEMU (cache=unsafe): nothing became durable",
  "no-guest-barriers": "its flush never left the guest: the guest issues no barriers",
  "no-write-cache": "no flush was needed: the virtual disk reports no write cache",
};

/** Said when a journal commit's flush is done (never when it is issued: §2). */
const COMMIT_WORDS: Readonly<Record<FlushOutcome, string>> = {
  passed:
    "Journal commit: its flush completed, so every write the virtual disk had completed before it is on stable storage (green).",
  "ignored-by-qemu":
    "Journal commit: its flush was ignored by QEMU (cache=unsafe): nothing became durable.",
  "no-guest-barriers": "Journal commit, without a flush: the guest issues no barriers.",
  "no-write-cache": "Journal commit: no flush needed, the virtual disk reports no write cache.",
};

/** What a movement looks like to a reader as it starts: the article's arrows, and the background ones of docs/model.md §3. */
function departureWords(hop: Hop, fs: GuestFs): string | null {
  switch (hop.route) {
    case "red":
    case "gray":
    case "blue":
      return `QEMU sends it along the ${hop.route} arrow to ${LAYER_NAME[hop.to]}`;
    case "green":
      return `the flush carries it along the green arrow to ${LAYER_NAME[hop.to]}`;
    case "guest-writeback":
      return fs === "ext3"
        ? "the ext3 journal commit writes it out (data=ordered, every 5 s)"
        : "the guest's flusher writes it out (30–35 s after it was dirtied)";
    case "host-writeback":
      return "the host's flusher writes it to the disk (30–35 s after it was dirtied)";
    case "destage":
      return "the disk destages it from its cache to the platters";
    case "in-guest":
      return null;
  }
}

export interface SessionEvent {
  readonly tMs: number;
  /** What to announce; empty for silent events (a hop boundary the ledger should show). */
  readonly text: string;
}

/** "#0, #1, #2", or "#0, #1, #2, #3 and 12 more": short enough for the event line, whole in meaning. */
function names(ops: readonly { readonly index: number }[]): string {
  const SHOWN = 4;
  const ids = ops.slice(0, SHOWN).map((o) => `#${String(o.index)}`);
  const more = ops.length - SHOWN;
  return more > 0 ? `${ids.join(", ")} and ${String(more)} more` : ids.join(", ");
}

/** "#2 O_SYNC write": the op's index, as the ledger and the scenario format number it. */
export function opLabel(index: number, kind: OpKind): string {
  return `#${String(index)} ${KIND_NAME[kind]}`;
}

export function sessionEvents(timeline: Timeline): SessionEvent[] {
  const fs = timeline.config.guestFs;
  const events: SessionEvent[] = [];
  for (const op of timeline.ops) {
    const label = opLabel(op.index, op.kind);
    events.push({ tMs: op.atMs, text: `${label} issued.` });
    for (const hop of op.hops) {
      const words = departureWords(hop, fs);
      events.push({ tMs: hop.startMs, text: words ? `${label}: ${words}.` : "" });
      // A crash stops the world: a hop it cut short never arrives, and says nothing.
      if (hop.cutAtMs !== null) continue;
      // Arrivals are news too, except where the ack or "durable" (same instant) says it already.
      const told = hop.endMs === op.ackedAtMs || hop.endMs === op.durableAtMs;
      events.push({ tMs: hop.endMs, text: told ? "" : `${label} is now ${inLayer(hop.to)}.` });
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) {
      events.push({
        tMs: op.ackedAtMs,
        text:
          op.kind === "barrier"
            ? `${label} returned: what it covers is ${inLayer(op.ackedIn)}.`
            : `${label} acknowledged: its data is ${inLayer(op.ackedIn)}.`,
      });
    }
    if (op.flush) {
      const { outcome, issuedAtMs, doneAtMs } = op.flush;
      if (doneAtMs !== null)
        events.push({ tMs: doneAtMs, text: `${label}: ${FLUSH_WORDS[outcome]}.` });
      const travels =
        doneAtMs !== issuedAtMs && (outcome === "passed" || outcome === "ignored-by-qemu");
      events.push({ tMs: issuedAtMs, text: travels ? `${label} sends a flush down.` : "" });
    }
    if (op.kind !== "barrier" && op.durableAtMs !== null) {
      events.push({ tMs: op.durableAtMs, text: `${label} is durable.` });
    }
  }
  for (const commit of timeline.journalCommits) {
    const wrote = commit.wroteOut.map((i) => `#${String(i)}`).join(", ");
    // A commit with nothing of the user's to carry is routine: silent, so it never pushes the
    // outcome of the user's own write off the event line.
    const carried = timeline.ops.some(
      (o) => commit.flush?.doneAtMs != null && o.durableAtMs === commit.flush.doneAtMs,
    );
    events.push({
      tMs: commit.atMs,
      text: wrote
        ? `Journal commit (ext3, data=ordered): first writes ${wrote} out to the virtual disk.`
        : "",
    });
    const { flush } = commit;
    if (flush?.doneAtMs != null) {
      const worth = wrote !== "" || carried || flush.outcome === "ignored-by-qemu";
      events.push({ tMs: flush.doneAtMs, text: worth ? COMMIT_WORDS[flush.outcome] : "" });
    }
  }
  const { crash } = timeline;
  if (crash) {
    const lostOps = timeline.ops.filter((o) => o.survives === false);
    const lost = names(lostOps);
    const kept = names(timeline.ops.filter((o) => o.survives === true));
    // The article's point: synced writes the guest was told were written, gone all the same (a
    // buffered write() returning from guest RAM promised nothing).
    const promised = lostOps.filter((o) => o.kind === "osync" && o.ackedAtMs !== null).length;
    const promisedText =
      promised === 0
        ? ""
        : ` ${promised === 1 ? "One was an acknowledged O_SYNC write" : `${String(promised)} were acknowledged O_SYNC writes`}.`;
    events.push({
      tMs: crash.atMs,
      text:
        `${FAILURE_EVENT[crash.kind]} ${lost ? `Lost: ${lost}.${promisedText}` : "No write was lost."}` +
        (kept ? ` Survived: ${kept}.` : ""),
    });
  }
  // Stable: at one instant, events keep the order above (issued, moved, acknowledged, durable).
  return events.sort((a, b) => a.tMs - b.tMs);
}
