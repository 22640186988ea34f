/**
 * The two decisions a configuration makes, shared by the simulation and the drawing so that
 * they cannot disagree (docs/model.md §2).
 */
import type { CacheSwitches, Config } from "./config";
import type { Arrow, FlushOutcome } from "./timeline";

/** The arrow a write takes from the virtual disk: red, gray or blue (docs/model.md §2, the table at the top). */
export function writeArrow(switches: CacheSwitches): Exclude<Arrow, "green"> {
  // No guest-visible cache: QEMU completes every write on stable storage (blue).
  if (!switches.guestSeesWriteCache) return "blue";
  // cache.direct: the host page cache is bypassed, the write parks in the disk's cache (gray).
  return switches.hostCacheBypassed ? "gray" : "red";
}

/**
 * Why a flush QEMU sends down (its fdatasync on the image) leaves data in the drive's volatile
 * cache, or null when it empties it (docs/model.md §4, faults). Only a volatile cache can be
 * left full: without one, or with a battery-backed one, the data is on stable storage anyway.
 * A host without barriers sends no FLUSH at all, so it is named first.
 */
export function hostFlushFault(
  config: Pick<Config, "diskCache" | "diskFlush" | "hostBarriers">,
): "no-host-barriers" | "ignored-by-drive" | null {
  if (config.diskCache !== "volatile") return null;
  if (!config.hostBarriers) return "no-host-barriers";
  return config.diskFlush === "ignored" ? "ignored-by-drive" : null;
}

/**
 * The fault, when it changes where this guest's synced data ends: under writethrough and
 * directsync (QEMU flushes after every write), or when the guest's own flushes travel down.
 * Null where QEMU sends nothing down that needs a FLUSH (cache=unsafe, or a guest without
 * barriers under writeback and none), or where there is no volatile cache to leave full.
 */
export function effectiveFault(
  config: Pick<Config, "guestBarriers" | "switches" | "diskCache" | "diskFlush" | "hostBarriers">,
): "no-host-barriers" | "ignored-by-drive" | null {
  const fault = hostFlushFault(config);
  if (fault === null) return null;
  return writeArrow(config.switches) === "blue" || flushOutcome(config) === fault ? fault : null;
}

/** The outcomes of a flush QEMU passes down to the host (fdatasync on the image): green. */
export const FLUSH_TRAVELS: ReadonlySet<FlushOutcome> = new Set<FlushOutcome>([
  "passed",
  "no-host-barriers",
  "ignored-by-drive",
]);

/** What becomes of a guest flush (docs/model.md §2 consequences, §3 "barrier", §4 faults). */
export function flushOutcome(
  config: Pick<Config, "guestBarriers" | "switches" | "diskCache" | "diskFlush" | "hostBarriers">,
): FlushOutcome {
  const { switches } = config;
  // The filesystem never issues it (ext3 without barrier=1).
  if (!config.guestBarriers) return "no-guest-barriers";
  // The guest block layer strips flushes to a disk without a cache (writeback_cache_control.rst).
  if (!switches.guestSeesWriteCache) return "no-write-cache";
  // cache.no-flush: completes without fdatasync (cache=unsafe).
  if (switches.flushesIgnored) return "ignored-by-qemu";
  return hostFlushFault(config) ?? "passed";
}
