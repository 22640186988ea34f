/**
 * The sentence for each typed event (src/store/events.ts), from the page's vocabulary. Every
 * sentence follows docs/model.md: a flush covers the writes the virtual disk had completed before
 * it, and "durable" is said only when it completes. Loaded just after the first view: the event
 * line has nothing to say before the first write.
 */
import type { GuestFs } from "../model/config";
import type { FlushOutcome, Hop } from "../model/timeline";
import type { SessionEvent } from "../store/events";
import { FAILURE, inLayer, LAYER, opLabel, opName, PROMISE } from "./vocabulary";

/** The events themselves load with their words: the first view needs neither. */
export { sessionEvents } from "../store/events";

/** docs/model.md §2: a flush covers the writes the virtual disk completed before it, no more. */
const FLUSH_WORDS: Readonly<Record<FlushOutcome, string>> = {
  passed:
    "its flush completed: every write the virtual disk had completed before it is now on stable storage (green)",
  "ignored-by-qemu": "its flush was ignored by QEMU (cache=unsafe): nothing became durable",
  "no-guest-barriers": "its flush never left the guest: the guest issues no barriers",
  "no-write-cache": "no flush was needed: the virtual disk reports no write cache",
  "no-host-barriers":
    "its flush completed, but the host filesystem holding the image has no barriers: the data went to the drive's volatile cache and no flush followed, so nothing became durable by it",
  "ignored-by-drive":
    "its flush completed, but the drive ignored it: the data sits in the drive's volatile cache, so nothing became durable by it",
};

/** Said when a journal commit's flush is done (never when it is issued: §2). */
const COMMIT_WORDS: Readonly<Record<FlushOutcome, string>> = {
  passed:
    "Journal commit: its flush completed, so every write the virtual disk had completed before it is on stable storage (green).",
  "ignored-by-qemu":
    "Journal commit: its flush was ignored by QEMU (cache=unsafe): nothing became durable.",
  "no-guest-barriers": "Journal commit, without a flush: the guest issues no barriers.",
  "no-write-cache": "Journal commit: no flush needed, the virtual disk reports no write cache.",
  "no-host-barriers":
    "Journal commit: its flush completed, but the host filesystem has no barriers, so the data waits in the drive's volatile cache: nothing became durable by it.",
  "ignored-by-drive":
    "Journal commit: its flush completed, but the drive ignored it, so the data waits in its volatile cache: nothing became durable by it.",
};

/** "#1, #2, #3", or "#1, #2, #3, #4 and 12 more": short enough for the event line, whole in meaning. */
function names(indices: readonly number[]): string {
  const SHOWN = 4;
  const ids = indices.slice(0, SHOWN).map(opName);
  const more = indices.length - SHOWN;
  return more > 0 ? `${ids.join(", ")} and ${String(more)} more` : ids.join(", ");
}

/** What a movement looks like to a reader as it starts (docs/model.md §3). */
function departureWords(hop: Hop, fs: GuestFs): string | null {
  switch (hop.route) {
    case "red":
    case "gray":
    case "blue":
      return `QEMU sends it along the ${hop.route} arrow to ${LAYER[hop.to].the}`;
    case "green":
      return `the flush carries it along the green arrow to ${LAYER[hop.to].the}`;
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

/**
 * Whether the event line says anything for an event: a hop that looks like nothing, an arrival
 * the acknowledgement or durable point already tells, a flush that never travels, a commit with
 * no news all stay quiet. Cheap, so thousands of events at one instant can be counted unworded.
 */
export function speaks(event: SessionEvent, fs: GuestFs): boolean {
  switch (event.type) {
    case "writeMoved":
      return departureWords(event.hop, fs) !== null;
    case "writeArrived":
      return !event.quiet;
    case "flushSent":
      return event.travels;
    case "journalCommitted":
      return event.wroteOut.length > 0;
    case "commitFlushed":
      return event.news;
    case "commitBlockMoved":
      return false;
    case "commitBlockArrived":
      // Only where it matters: on stable storage, possibly ahead of the data it records.
      return event.durable;
    default:
      return true;
  }
}

/** The sentence the event line says for an event; "" for an event that stays quiet. */
export function sentence(event: SessionEvent, fs: GuestFs): string {
  if (!speaks(event, fs)) return "";
  switch (event.type) {
    case "writeIssued":
      return `${opLabel(event.op, event.kind)} issued.`;
    case "writeMoved":
      return `${opLabel(event.op, event.kind)}: ${departureWords(event.hop, fs) ?? ""}.`;
    case "writeArrived":
      return `${opLabel(event.op, event.kind)} is now ${inLayer(event.layer)}.`;
    case "writeAcked":
      return event.kind === "barrier"
        ? `${opLabel(event.op, event.kind)} ${PROMISE.returned}: what it covers is ${inLayer(event.layer)}.`
        : `${opLabel(event.op, event.kind)} ${PROMISE.returned}: its data is ${inLayer(event.layer)}.`;
    case "flushSent":
      return `${opLabel(event.op, event.kind)} sends a flush down.`;
    case "flushPassed":
      return `${opLabel(event.op, event.kind)}: ${FLUSH_WORDS.passed}.`;
    case "flushRefused":
      return `${opLabel(event.op, event.kind)}: ${FLUSH_WORDS[event.outcome]}.`;
    case "writeDurable":
      return `${opLabel(event.op, event.kind)} is durable.`;
    case "journalCommitted":
      return `Journal commit (ext3, data=ordered): first writes ${event.wroteOut.map(opName).join(", ")} out to the virtual disk.`;
    case "commitFlushed":
      return COMMIT_WORDS[event.outcome];
    case "commitBlockMoved":
      return "";
    case "commitBlockArrived":
      return `The journal commit block is ${inLayer(event.layer)}: a replay will apply this transaction's metadata, whether or not the data it covers reached stable storage.`;
    case "dataLost": {
      const n = event.promised;
      const promised =
        n === 0
          ? ""
          : ` ${n === 1 ? "One had been" : `${String(n)} had been`} ${PROMISE.promised} (an O_SYNC write or an fsync had ${PROMISE.returned}).`;
      return (
        `${FAILURE[event.failure].event} ${event.lost.length ? `Lost: ${names(event.lost)}.${promised}` : "No write was lost."}` +
        (event.survived.length ? ` Survived: ${names(event.survived)}.` : "")
      );
    }
  }
}
