/**
 * The arrow legs: the hops a write takes from the virtual disk until the virtual disk completes
 * it, under a configuration (docs/model.md §2, §4). A pure rule, kept apart from the simulation
 * that plays it, so a table test can hold every mode × drive cache × fault to the reference.
 */
import type { Config } from "./config";
import { hostFlushFault, writeArrow } from "./rules";
import type { Arrow, LayerId } from "./timeline";

/** One movement along the mode's arrow. */
export interface Leg {
  readonly to: LayerId;
  readonly durMs: number;
}

export interface ArrowLegs {
  readonly colour: Exclude<Arrow, "green">;
  /** In order; the last one ends where the write is completed (and an O_DIRECT write acked). */
  readonly legs: readonly Leg[];
}

export function arrowLegs(
  config: Pick<Config, "switches" | "diskCache" | "diskFlush" | "hostBarriers" | "timing">,
): ArrowLegs {
  const { switches, diskCache, timing } = config;
  const colour = writeArrow(switches);
  // Writing to the physical disk: into its cache, or to the platters when it has none.
  const diskWrite: Leg =
    diskCache === "off"
      ? { to: "platters", durMs: timing.platterWriteMs }
      : { to: "disk-cache", durMs: timing.diskCacheAckMs };
  if (colour === "blue") {
    // No guest-visible cache: QEMU follows every write with a flush (fdatasync), so it
    // completes on stable storage (blue). writethrough goes through the host page cache and
    // leaves a clean copy there (§6.2); directsync writes O_DIRECT to the disk. Either way the
    // write then sits in the drive's cache (when volatile) from the moment the drive accepts
    // it until the cache flush puts it on the platters: a host crash meanwhile treats both
    // modes alike, since the drive stays powered (§4).
    // With a fault (§4: a host without barriers, a drive that ignores flushes) the flush
    // empties nothing: the write completes in the drive's volatile cache, like gray's.
    const viaHost: Leg = { to: "host-page-cache", durMs: timing.pageCacheCopyMs };
    const toStable: Leg[] =
      diskCache === "volatile" && hostFlushFault(config) === null
        ? [
            { to: "disk-cache", durMs: timing.diskCacheAckMs },
            { to: "platters", durMs: timing.platterWriteMs },
          ]
        : [diskWrite];
    if (switches.hostCacheBypassed) return { colour, legs: toStable };
    return { colour, legs: [viaHost, ...toStable] };
  }
  if (colour === "gray") return { colour, legs: [diskWrite] };
  return { colour, legs: [{ to: "host-page-cache", durMs: timing.pageCacheCopyMs }] };
}
