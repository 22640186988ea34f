/**
 * The two decisions a configuration makes, shared by the simulation and the drawing so that
 * they cannot disagree (docs/model.md §2).
 */
import type { CacheSwitches } from "./config";
import type { Arrow, FlushOutcome } from "./timeline";

/** The arrow a write takes from the virtual disk: red, gray or blue (docs/model.md §2, the table at the top). */
export function writeArrow(switches: CacheSwitches): Exclude<Arrow, "green"> {
  // No guest-visible cache: QEMU completes every write on stable storage (blue).
  if (!switches.guestSeesWriteCache) return "blue";
  // cache.direct: the host page cache is bypassed, the write parks in the disk's cache (gray).
  return switches.hostCacheBypassed ? "gray" : "red";
}

/** What becomes of a guest flush (docs/model.md §2 consequences, §3 "barrier"). */
export function flushOutcome(guestBarriers: boolean, switches: CacheSwitches): FlushOutcome {
  // The filesystem never issues it (ext3 without barrier=1).
  if (!guestBarriers) return "no-guest-barriers";
  // The guest block layer strips flushes to a disk without a cache (writeback_cache_control.rst).
  if (!switches.guestSeesWriteCache) return "no-write-cache";
  // cache.no-flush: completes without fdatasync (cache=unsafe).
  return switches.flushesIgnored ? "ignored-by-qemu" : "passed";
}
