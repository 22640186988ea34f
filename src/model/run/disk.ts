/**
 * The physical disk under a run (docs/model.md §3, last paragraph; §5; §8.1, §8.2, §8.11,
 * §8.14): the host's writeback into it, its write cache destaging on its own schedule (a drive
 * that reorders takes a journal commit block first), and the platters, which serve one write at
 * a time.
 */
import type { LayerId, Route } from "../timeline";
import { schedule, startHop, type Block, type Run } from "./run";

/**
 * Books the platters for one write ready at `readyMs`; returns when it is on them. They serve one
 * write at a time (§5: a random write takes ≈ 16 ms on the article's drive; the model's estimate
 * is 14 ms, so about 70 durable writes per second, §8.1).
 */
export function bookPlatters(
  run: Run,
  readyMs: number,
  durMs: number,
): { startMs: number; endMs: number } {
  const startMs = Math.max(readyMs, run.plattersFreeAtMs);
  run.plattersFreeAtMs = startMs + durMs;
  return { startMs, endMs: run.plattersFreeAtMs };
}

/**
 * Starts a hop down the stack that would end at `readyEndMs`. One onto the platters waits its
 * turn there first (the block rests where it is meanwhile).
 */
export function startHopDown(
  run: Run,
  block: Block,
  to: LayerId,
  route: Route,
  readyMs: number,
  readyEndMs: number,
): void {
  if (to !== "platters") {
    startHop(run, block, to, route, readyMs, readyEndMs);
    return;
  }
  const slot = bookPlatters(run, readyMs, readyEndMs - readyMs);
  if (slot.startMs !== readyMs) {
    startHop(run, block, to, route, slot.startMs, slot.endMs);
    return;
  }
  // Free at once: the hop keeps the end time asked for, and so do the platters.
  run.plattersFreeAtMs = readyEndMs;
  startHop(run, block, to, route, readyMs, readyEndMs);
}

/** The host's flusher writes a page of the image out: into the drive's cache, if it has one. */
export function writeBackFromHost(run: Run, block: Block, tMs: number): void {
  const { diskCache } = run.config;
  const { timing } = run;
  startHopDown(
    run,
    block,
    diskCache === "off" ? "platters" : "disk-cache",
    "host-writeback",
    tMs,
    tMs + (diskCache === "off" ? timing.platterWriteMs : timing.diskCacheAckMs),
  );
}

/** The drive writes a block from its cache onto the platters. */
export function destage(run: Run, block: Block, tMs: number): void {
  startHopDown(run, block, "platters", "destage", tMs, tMs + run.timing.platterWriteMs);
}

/**
 * A block arrived in the drive's cache: a passed flush carries it straight on to stable storage
 * (green), or it waits there for the drive to destage it.
 */
export function arriveInDiskCache(run: Run, block: Block, tMs: number): void {
  if (block.carriedUntilMs !== null) {
    const untilMs = block.carriedUntilMs;
    block.carriedUntilMs = null;
    // The flush booked the platters for it already (./flush.ts).
    startHop(run, block, run.stableLayer, "green", tMs, Math.max(tMs, untilMs));
    return;
  }
  const { config, timing } = run;
  if (config.diskCache === "volatile") run.exposed.add(block);
  // The drive destages on its own schedule: an estimate (§3, §5, §8.2). A drive that reorders
  // takes a journal commit block ahead of the data waiting there (§8.14).
  schedule(
    run,
    tMs + (block.commit && config.reorder ? timing.reorderedDestageMs : timing.destageDelayMs),
    { kind: "destage", block, version: block.version },
  );
}
