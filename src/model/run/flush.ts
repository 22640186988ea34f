/**
 * A guest flush as QEMU passes it down (docs/model.md §2 "a flush that is not ignored", §3
 * "barrier", §4 faults, §8.6, §8.9): fdatasync on the image, which carries every write the
 * virtual disk had completed to stable storage (green), or under a fault only into the drive's
 * volatile cache.
 */
import { flushOutcome, FLUSH_TRAVELS } from "../rules";
import { bookPlatters } from "./disk";
import { schedule, startHop, unexpose, type CommitRecord, type FlushRecord, type Run } from "./run";

/**
 * A flush leaves the guest at `tMs` (docs/model.md §2 consequences and §3 "barrier").
 * Returns the record; completion is an event so that it is cut off by a crash like anything else.
 */
export function sendFlush(
  run: Run,
  op: number | null,
  tMs: number,
  commit: CommitRecord | null = null,
): FlushRecord {
  const outcome = flushOutcome(run.config);
  const record: FlushRecord = { outcome, issuedAtMs: tMs, doneAtMs: null };
  let doneMs = tMs;
  if (outcome === "ignored-by-qemu") {
    doneMs = tMs + run.timing.guestToQemuMs;
  } else if (FLUSH_TRAVELS.has(outcome)) {
    // QEMU calls fdatasync: to stable storage, or under a fault only into the drive's cache.
    doneMs = passFlush(run, tMs);
  }
  schedule(run, doneMs, { kind: "flush-done", flush: record, op, commit });
  return record;
}

/**
 * QEMU calls fdatasync on the image: the host writes the image's dirty pages to the disk and
 * flushes the disk's cache, so every block acked below the virtual disk before `tMs` reaches
 * stable storage by the returned time (green). A flush also waits for earlier movements to
 * stable storage still under way, so no flush completes before the data it covers is safe.
 */
function passFlush(run: Run, tMs: number): number {
  if (run.fault !== null) return writeToDiskCache(run, tMs);
  const { timing, stableLayer } = run;
  const carried = [...run.exposed];
  const reachedQemuMs = tMs + timing.guestToQemuMs;
  const hostDirty = carried.some((b) => b.layer === "host-page-cache");
  // With a volatile cache the host's dirty pages go into it first, then the cache is flushed:
  // every block in it takes its turn on the platters. Without a cache they go straight there;
  // a battery-backed cache is stable as soon as they reach it.
  const readyMs =
    reachedQemuMs + (hostDirty && run.config.diskCache === "volatile" ? timing.diskCacheAckMs : 0);
  const settle = (fromMs: number): number =>
    stableLayer === "platters"
      ? bookPlatters(run, fromMs, timing.platterWriteMs).endMs
      : fromMs + timing.diskCacheAckMs;
  let doneMs = Math.max(reachedQemuMs, run.lastStableArrivalMs);
  for (const block of carried) {
    const hop = block.hops[block.hops.length - 1];
    let untilMs: number;
    if (block.inTransit && hop) {
      // Being written back from the host page cache right now: fdatasync waits for that
      // write, then the cache flush carries it on.
      untilMs = settle(Math.max(readyMs, hop.endMs));
      block.carriedUntilMs = untilMs;
      unexpose(run, block);
    } else if (
      block.layer === "host-page-cache" &&
      stableLayer !== "disk-cache" &&
      readyMs > tMs &&
      run.config.diskCache === "volatile"
    ) {
      // fdatasync writes the page into the drive's cache first, then the cache flush takes it
      // to the platters: from then on it is in the drive, which a host crash spares (§3, §4;
      // every page is in the drive by the same time, §8.15).
      untilMs = settle(readyMs);
      block.carriedUntilMs = untilMs;
      unexpose(run, block);
      startHop(run, block, "disk-cache", "green", tMs, readyMs);
    } else {
      untilMs = settle(readyMs);
      // The platters are booked for it already (`settle`).
      startHop(run, block, stableLayer, "green", tMs, untilMs);
    }
    doneMs = Math.max(doneMs, untilMs);
  }
  run.lastStableArrivalMs = Math.max(run.lastStableArrivalMs, doneMs);
  return doneMs;
}

/**
 * fdatasync under a fault (§4): the host writes the image's dirty pages into the drive's
 * volatile cache and no FLUSH empties it (none is sent, or the drive ignores it). The flush
 * returns once those writes are in the cache; nothing becomes durable by it, and what already
 * sat in the cache stays there until the drive destages it on its own.
 */
function writeToDiskCache(run: Run, tMs: number): number {
  const reachedQemuMs = tMs + run.timing.guestToQemuMs;
  let doneMs = reachedQemuMs;
  for (const block of [...run.hostDirty]) {
    const hop = block.hops[block.hops.length - 1];
    if (block.inTransit && hop) {
      // Already being written back into the drive's cache: fdatasync waits for that write.
      doneMs = Math.max(doneMs, hop.endMs);
    } else {
      const endMs = reachedQemuMs + run.timing.diskCacheAckMs;
      unexpose(run, block);
      startHop(run, block, "disk-cache", "green", tMs, endMs);
      doneMs = Math.max(doneMs, endMs);
    }
  }
  return doneMs;
}
