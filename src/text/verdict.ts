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
import { DEFAULT_TIMING, type CacheMode, type GuestFs } from "../model/config";
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
  /**
   * Where the ✔ rests on the guest reading the cache mode (writethrough, directsync, a guest
   * without barriers): what a virtio driver without CONFIG_WCE gets instead (docs/model.md §2).
   */
  readonly legacyGuestText: string | null;
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

/**
 * The mode QEMU falls back to when a virtio driver that knows FLUSH but not CONFIG_WCE accepts
 * FLUSH (docs/model.md §2: `virtio_blk_get_features` offers it beside CONFIG_WCE on machine types
 * newer than 4.2, and `virtio_blk_set_status` then turns the write cache on).
 */
const WITH_WRITE_CACHE: Partial<Record<CacheMode, CacheMode>> = {
  writethrough: "writeback",
  directsync: "none",
};

/**
 * What a virtio driver that knows FLUSH but not CONFIG_WCE (Linux before about 3.6: the article's
 * Debian 6 guest) gets instead of this mode, when that changes the verdict's ✔: only where the ✔
 * rests on the guest seeing no write cache, i.e. for a guest that sends no flushes of its own.
 */
export function legacyGuestFallback(
  config: SessionConfig,
): { readonly mode: CacheMode; readonly verdict: Verdict } | null {
  const mode = WITH_WRITE_CACHE[config.mode];
  if (mode === undefined || config.guestBarriers) return null;
  return { mode, verdict: verdict({ ...config, mode }) };
}

function legacyGuestText(config: SessionConfig): string | null {
  const fallback = legacyGuestFallback(config);
  if (fallback === null) return null;
  const then = fallback.verdict;
  const outcome =
    then.synced === "safe"
      ? "which with this drive cache still keeps synced writes safe"
      : `and, since this guest sends no flushes, synced writes can be lost for up to ${about(then.syncedWindowMs)} after the call returns`;
  return `Caveat for a virtio disk whose guest driver knows FLUSH but not CONFIG_WCE (Linux before about 3.6, such as Debian 6's 2.6.32): on machine types newer than pc-*-4.2, QEMU offers it FLUSH, the driver accepts it and QEMU turns its write cache on, so ${config.mode} behaves as ${fallback.mode}, ${outcome}. An IDE disk, or a machine type up to 4.2, is not affected.`;
}

const ASSUMPTIONS: readonly string[] = [
  "A guest that reads the cache mode's write-cache setting: an IDE disk, or a virtio driver that negotiates CONFIG_WCE (Linux from about 3.6).",
  "A raw image fully written at creation (format=raw; qemu-img create -o preallocation=full, not falloc or sparse). With qcow2, the mapping of a newly allocated cluster stays in QEMU's qcow2 cache until a guest flush, so a QEMU kill or a host failure can lose acknowledged writes; with a sparse raw file, the mapping waits in the host filesystem's journal until its next commit, so only a host crash or power cut can. Either way in every mode but writethrough and directsync.",
  "A host filesystem that passes flushes to the drive: not mounted nobarrier or barrier=0 (see /proc/mounts), and, on kernels up to 2.6.36, no “disabling barriers” message from jbd in the host's log.",
  "A drive that honours flushes. Some consumer drives and RAID firmware report a flush done without doing it.",
  `Linux's default timers in guest and host: dirty pages written out once ${seconds(T.dirtyExpireMs)} old by a flusher that wakes every ${seconds(T.flusherIntervalMs)}, and a journal commit every ${seconds(T.journalCommitMs)}.`,
  `Estimates, not measurements: the drive keeps a block in its volatile cache ${String(T.destageDelayMs)} ms before writing it (vendors publish no figure), and a random write takes ${String(T.platterWriteMs)} ms.`,
  "Windows are worst cases: a write issued just after a flusher wake-up or a journal commit.",
  "A power cut is the worst failure here: a guest crash, a QEMU kill or a host crash loses no more.",
];

/** ext3's data mode for the article's Debian 6 guest: no source found (docs/model.md §3). */
const EXT3_ORDERED =
  "ext3 in data=ordered mode, assumed for the article's Debian 6 guest: mainline 2.6.30 to 2.6.35 defaulted to data=writeback unless built with CONFIG_EXT3_DEFAULTS_TO_ORDERED, and Debian 6's setting was not found.";

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
    bufferedText: `Buffered write() data that nobody syncs is at risk for up to ${about(bufferedWindowMs)} here (Linux's default timers, worst case)${safe ? "." : `; syncing it does not make it safe, but cuts that to ${about(syncedWindowMs)} and moves it out of guest RAM, so a guest crash no longer loses it.`}`,
    windowText: `${GUEST_WRITEOUT[guestFs]}${afterGuestWriteout(bufferedHops(config))}.`,
    legacyGuestText: safe ? legacyGuestText(config) : null,
    assumptions: guestFs === "ext3" ? [...ASSUMPTIONS, EXT3_ORDERED] : ASSUMPTIONS,
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
