/**
 * The verdict: what a host power cut does to the data of the current configuration, in plain
 * words (docs/model.md §3, §4). Every verdict and every duration is computed by running the model
 * (matrixRow, simulate), never written down per mode; the words only name what the model reports.
 *
 * "Synced" is an O_SYNC write, or a write followed by fsync (the "barrier" row): once the call has
 * returned, is the data on stable storage? "Buffered" is a plain write() that nobody syncs, issued
 * at t = 0, the worst alignment with the 5 s timers, so its window is a worst case.
 */
import { effectiveFault } from "../model/rules";
import { DEFAULT_TIMING, type GuestFs } from "../model/config";
import { matrixRow, type MatrixRow } from "../model/matrix";
import { simulate } from "../model/simulate";
import type { FlushOutcome, Hop, LayerId } from "../model/timeline";
import { modelConfig, type SessionConfig } from "../scenario/session";
import { about, seconds } from "./format";
import { PROMISE } from "./vocabulary";

export type SyncedVerdict = "safe" | "unsafe";

export interface Verdict {
  /** Whether O_SYNC writes and fsync'd data survive a power cut once the call returns. */
  readonly synced: SyncedVerdict;
  /** "✔ Writes promised durable (O_SYNC, fsync) survive a power cut once the call returns." or "✘ …". */
  readonly syncedText: string;
  /** Why synced writes are unsafe ("The guest sends no flush, so they wait in …"); null if safe. */
  readonly syncedReason: string | null;
  /** How long after the call returns a power cut can still lose synced data (0 when safe). */
  readonly syncedWindowMs: number;
  /** "Unsafe for a database…" when synced writes are unsafe; null otherwise. */
  readonly databaseText: string | null;
  /** How long buffered write() data that nobody syncs can be lost, at worst (Linux defaults). */
  readonly bufferedWindowMs: number;
  /** "Buffered write() data is at risk in every mode until synced; …, for up to about 35 s …". */
  readonly bufferedText: string;
  /** Why the buffered window is that long: where the data waits, and for what. */
  readonly windowText: string;
  /** What every "safe" above presumes (docs/model.md §4 faults, §5 estimates, §8.9). */
  readonly assumptions: readonly string[];
}

const SECOND = 1000;

/** Where an acknowledged write waits, in words (docs/model.md §1). */
const PLACE: Readonly<Record<LayerId, string>> = {
  "guest-app": "the guest application's buffer",
  "guest-page-cache": "guest RAM",
  "virtual-disk": "QEMU",
  "host-page-cache": "the host page cache",
  "disk-cache": "the drive's volatile write cache",
  platters: "the platters",
};

/** Why a synced write's flush did not make it durable (docs/model.md §2, §3). */
function noFlushReason(outcome: FlushOutcome | null): string {
  switch (outcome) {
    case "no-guest-barriers":
      return "the guest sends no flush";
    case "ignored-by-qemu":
      return "QEMU answers the guest's flush without calling fdatasync";
    case "no-host-barriers":
      return "the host filesystem is mounted without barriers, so no flush reaches the drive";
    case "ignored-by-drive":
      return "the drive ignores flushes";
    case "passed":
    case "no-write-cache":
    case null:
      return "";
  }
}

/** The durations of docs/model.md §5 as the text quotes them, from the model's own constants. */
const T = DEFAULT_TIMING;
const WRITEBACK_AGE = `${String(T.dirtyExpireMs / SECOND)}–${String((T.dirtyExpireMs + T.flusherIntervalMs) / SECOND)} s`;

/** How the guest filesystem gets buffered data out of guest RAM (docs/model.md §3, §8.4). */
const GUEST_WRITEOUT: Readonly<Record<GuestFs, string>> = {
  ext3: `ext3: it waits in guest RAM until the next journal commit (every ${seconds(T.journalCommitMs)}, data=ordered)`,
  ext4: `ext4: it waits in guest RAM until the flusher writes it out, ${WRITEBACK_AGE} after it was dirtied`,
};

/** A normal write() issued at t = 0, as the model plays it: its hops, in order. */
function bufferedHops(config: SessionConfig): readonly Hop[] {
  const timeline = simulate({
    config: modelConfig(config),
    ops: [{ atMs: 0, kind: "normal" }],
  });
  return timeline.ops[0]?.hops ?? [];
}

/**
 * What happens to buffered data once the guest has written it out: if it then waits a second or
 * more in one layer, where and until what (a passed flush, or the host's own writeback).
 */
function afterGuestWriteout(hops: readonly Hop[]): string {
  const out = hops.findIndex((h) => h.from === "virtual-disk");
  const landed = hops[out];
  const next = hops[out + 1];
  if (landed === undefined || next === undefined) return "";
  const waitMs = next.startMs - landed.endMs;
  if (waitMs < SECOND) return "";
  const until =
    next.route === "green"
      ? "until the next journal commit's flush"
      : next.route === "host-writeback"
        ? "until the host's flusher writes it out"
        : "";
  return `; then ${about(waitMs)} more in ${PLACE[landed.to]}${until ? `, ${until}` : ""}`;
}

function syncedSentence(windowMs: number): string {
  // Seconds-long windows come from Linux's writeback timers; shorter ones from the drive's
  // destage delay, which no vendor publishes (docs/model.md §5).
  if (windowMs < SECOND) {
    return `✘ Writes ${PROMISE.promised} (O_SYNC, fsync) can be lost to a power cut after the call returns, for as long as the drive keeps them in its volatile cache (no vendor says how long; the model assumes ${about(windowMs)}).`;
  }
  return `✘ Writes ${PROMISE.promised} (O_SYNC, fsync) can be lost to a power cut for up to ${about(windowMs)} after the call returns (Linux's default timers).`;
}

function syncedReason(config: SessionConfig, osync: MatrixRow): string {
  // Under a fault that matters, the fault is why, whatever the guest sends (§4).
  const fault = effectiveFault(modelConfig(config));
  const reason = noFlushReason(fault ?? osync.flush);
  const where = `they wait in ${PLACE[osync.ackedIn]}`;
  return reason ? `${cap(reason)}, so ${where}.` : `${cap(where)}.`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ASSUMPTIONS: readonly string[] = [
  "A raw image fully written at creation (format=raw; qemu-img create -o preallocation=full, not falloc or sparse). With qcow2 or a sparse file, the metadata of newly allocated space stays in QEMU's qcow2 cache until a guest flush, or in the host filesystem's journal until its next commit, so a QEMU kill or a host failure can lose acknowledged writes in every mode but writethrough and directsync.",
  "A host filesystem that passes flushes to the drive: not mounted nobarrier or barrier=0, and no “disabling barriers” message from jbd in the host's log.",
  "A drive that honours flushes. Some consumer drives and RAID firmware report a flush done without doing it.",
  `Linux's default timers in guest and host: dirty pages written out once ${seconds(T.dirtyExpireMs)} old by a flusher that wakes every ${seconds(T.flusherIntervalMs)}, and a journal commit every ${seconds(T.journalCommitMs)}.`,
  `Estimates, not measurements: the drive keeps a block in its volatile cache ${String(T.destageDelayMs)} ms before writing it (vendors publish no figure), and a random write takes ${String(T.platterWriteMs)} ms.`,
  "Windows are worst cases: a write issued just after a flusher wake-up or a journal commit.",
  "A power cut is the worst failure here: a guest crash, a QEMU kill or a host crash loses no more.",
];

function compute(config: SessionConfig): Verdict {
  const { mode, guestBarriers, diskCache, guestFs, diskFlush, hostBarriers } = config;
  const row = (kind: "normal" | "osync" | "barrier") =>
    matrixRow(mode, guestBarriers, kind, { diskCache, guestFs, diskFlush, hostBarriers });
  const osync = row("osync");
  const barrier = row("barrier");
  const normal = row("normal");

  const safe = osync.safeOnPowerLoss && barrier.safeOnPowerLoss;
  const syncedWindowMs = safe
    ? 0
    : Math.max(
        osync.durableAfterMs - osync.ackedAfterMs,
        barrier.durableAfterMs - barrier.ackedAfterMs,
      );
  const bufferedWindowMs = normal.durableAfterMs - normal.ackedAfterMs;

  return {
    synced: safe ? "safe" : "unsafe",
    syncedText: safe
      ? `✔ Writes ${PROMISE.promised} (O_SYNC, fsync) survive a power cut once the call returns.`
      : syncedSentence(syncedWindowMs),
    syncedReason: safe ? null : syncedReason(config, osync),
    syncedWindowMs,
    databaseText: safe
      ? null
      : "Unsafe for a database; a power cut can also leave the guest filesystem inconsistent.",
    bufferedWindowMs,
    bufferedText: `Buffered write() data that nobody syncs is at risk for up to ${about(bufferedWindowMs)} here (Linux's default timers, worst case)${safe ? "." : "; syncing it does not help here."}`,
    windowText: `${GUEST_WRITEOUT[guestFs]}${afterGuestWriteout(bufferedHops(config))}.`,
    assumptions: ASSUMPTIONS,
  };
}

const cache = new Map<string, Verdict>();

/** What a host power cut does to this configuration's data, computed by the model (memoized). */
export function verdict(config: SessionConfig): Verdict {
  // Every field, in a fixed order: a field added to the configuration can never be left out.
  const key = JSON.stringify(config, Object.keys(config).sort());
  let v = cache.get(key);
  if (v === undefined) {
    v = compute(config);
    cache.set(key, v);
  }
  return v;
}

/** The verdict's own heading words (its sentences: `verdict`). */
export const VERDICT_WORDS = {
  why: "Why, and what this assumes",
} as const;
