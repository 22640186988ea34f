/**
 * A deterministic discrete-event simulation of one KVM guest's writes through the storage stack
 * (docs/model.md §1–§5). Every operation's data is one 4 KiB block; the simulation records each hop it
 * makes, when the guest's call returns, when it reaches stable storage and, given a crash, whether
 * it survives.
 *
 * A block's life:
 *
 *   guest-app ─in-guest─▶ guest-page-cache ─guest-writeback / in-guest─▶ virtual-disk
 *   (guest-writeback: the flusher after 30–35 s under ext4, the next 5 s journal commit under ext3)
 *   (O_DIRECT skips the guest page cache: guest-app ─in-guest─▶ virtual-disk)
 *   virtual-disk ─red─▶ host-page-cache ─host-writeback─▶ disk-cache ─destage─▶ platters
 *   virtual-disk ─gray─▶ disk-cache                                    (cache.direct)
 *   virtual-disk ─blue─▶ platters                                      (no guest-visible cache)
 *   host-page-cache ─green─▶ disk-cache ─green─▶ platters              (a passed flush)
 *   (fdatasync writes the host's dirty pages into the drive's cache, if it is volatile, then flushes
 *   the cache; a block already in the drive's cache takes the second hop only)
 *
 * Where each part lives:
 *   ./legs.ts           the red, gray and blue legs, faults included (a pure rule, its own table)
 *   ./run/journal.ts    guest-writeback and the journal commits (ext3, ext4; commit blocks, §8.14)
 *   ./run/barriers.ts   the virtual disk completing writes, barriers' waits, calls returning
 *   ./run/flush.ts      green: a guest flush passed down as fdatasync, under the faults
 *   ./run/disk.ts       host-writeback, destage and the platters' one write at a time
 *   ./run/results.ts    the frozen Timeline: cut hops, survivors, inconsistent writes
 *   ./run/run.ts        the run's state (queue, blocks, sets, clocks) and the hop every part starts
 *   this file           the event loop, and where a block goes once it arrives in a layer
 *
 * Simplifications, each a choice rather than a fact (docs/model.md §8): the platters serve one
 * write at a time at the average latency of §5, flusher threads and journal commits tick on a
 * common clock starting at 0, and the journal's commit block is a block of its own only with
 * reordering on (§8.14), when it can reach the platters before the data it records.
 *
 * A crash stops the world: the event loop ends at its instant, and a hop still under way then is
 * reported cut short (`cutAtMs`), never arrived.
 */
import type { Config } from "./config";
import { isStable } from "./failure";
import {
  ack,
  commitDone,
  completedByVirtualDisk,
  finishFlushedOp,
  submitBarrier,
} from "./run/barriers";
import { arriveInDiskCache, destage, startHopDown, writeBackFromHost } from "./run/disk";
import {
  commitJournal,
  markJournalDirty,
  scheduleWriteback,
  writeBackFromGuest,
  writeCommitBlock,
} from "./run/journal";
import { timelineOf } from "./run/results";
import {
  createRun,
  exposeInHost,
  newBlock,
  schedule,
  startHop,
  type Block,
  type Event,
  type Run,
} from "./run/run";
import type { Crash, Op, OpKind, Timeline } from "./timeline";

export interface Scenario {
  readonly config: Config;
  readonly ops: readonly Op[];
  readonly crash?: Crash | null;
}

/**
 * Within one instant, data writes are submitted before barriers, so a barrier issued at the same
 * moment as a write covers it; the order of the ops array never matters beyond time.
 */
const KIND_ORDER: Readonly<Record<OpKind, number>> = {
  normal: 0,
  odirect: 1,
  osync: 2,
  barrier: 3,
};

export function simulate(scenario: Scenario): Timeline {
  const crash = scenario.crash ?? null;
  const run = createRun(scenario.config, scenario.ops, crash ? crash.atMs : Infinity);

  const order = scenario.ops
    .map((op, index) => ({ op, index }))
    .sort((a, b) => a.op.atMs - b.op.atMs || KIND_ORDER[a.op.kind] - KIND_ORDER[b.op.kind]);
  for (const { op, index } of order) schedule(run, op.atMs, { kind: "submit", op: index });

  let endMs = 0;
  for (let next = run.queue.pop(); next; next = run.queue.pop()) {
    if (next.tMs > run.horizonMs) break;
    endMs = next.tMs;
    handle(run, next.tMs, next.event);
  }
  if (crash) endMs = crash.atMs;
  return timelineOf(run, crash, endMs);
}

/** What each of a block's own events does, when it has not been superseded. */
const BLOCK_MOVES: Readonly<
  Record<"arrive" | "guest-writeback" | "host-writeback" | "destage", typeof arrive>
> = {
  arrive,
  "guest-writeback": writeBackFromGuest,
  "host-writeback": writeBackFromHost,
  destage,
};

function handle(run: Run, tMs: number, event: Event): void {
  switch (event.kind) {
    case "submit":
      submit(run, event.op, tMs);
      return;
    case "arrive":
    case "guest-writeback":
    case "host-writeback":
    case "destage":
      // An event the block's next move has superseded since is a cancelled one.
      if (event.version === event.block.version) BLOCK_MOVES[event.kind](run, event.block, tMs);
      return;
    case "journal-commit":
      // A commit forced since (§8.16) took the transaction this tick was due for.
      if (event.dueMs === run.commitDueMs) commitJournal(run, tMs);
      return;
    case "flush-done":
      event.flush.doneAtMs = tMs;
      if (event.op !== null) finishFlushedOp(run, event.op, event.flush, tMs);
      // With reordering the commit writes its block next (§8.14); otherwise it is done.
      if (event.commit && run.config.reorder) writeCommitBlock(run, event.commit, tMs);
      else if (event.commit) commitDone(run, event.commit, tMs);
      return;
  }
}

function submit(run: Run, opIndex: number, tMs: number): void {
  const state = run.states[opIndex];
  if (!state) return;
  const kind = state.op.kind;
  if (kind === "barrier") {
    submitBarrier(run, opIndex, tMs);
    return;
  }
  const block = newBlock(opIndex, run.submitted.length, "guest-app", null);
  state.block = block;
  run.submitted.push(block);
  run.leavingApp.add(block);
  // Every write changes the file's mtime, so the journal has a transaction to commit.
  markJournalDirty(run, tMs);
  const { timing } = run;
  if (kind === "odirect") {
    // O_DIRECT skips the guest page cache and sends no flush (§3, §6.6).
    startHop(run, block, "virtual-disk", "in-guest", tMs, tMs + timing.guestToQemuMs);
  } else {
    startHop(run, block, "guest-page-cache", "in-guest", tMs, tMs + timing.pageCacheCopyMs);
  }
}

/** Starts leg `index` of the mode's arrow. */
function startLeg(run: Run, block: Block, index: number, tMs: number): void {
  const leg = run.arrow.legs[index];
  if (leg) startHopDown(run, block, leg.to, run.arrow.colour, tMs, tMs + leg.durMs);
}

function arrive(run: Run, block: Block, tMs: number): void {
  const hop = block.hops[block.hops.length - 1];
  if (!hop) return;
  const { arrow, timing } = run;
  block.inTransit = false;
  if (block.layer === "guest-app") run.leavingApp.delete(block);
  // Out of the host page cache into the drive's: still exposed, no longer the host's to write.
  if (block.layer === "host-page-cache") run.hostDirty.delete(block);
  block.layer = hop.to;
  if (block.durableAtMs === null && isStable(block.layer, run.config.diskCache)) {
    block.durableAtMs = tMs;
  }
  const onArrow = hop.route === arrow.colour;
  if (onArrow && block.layer !== run.arrowEnd) {
    // Part-way along the mode's arrow: the virtual disk has not completed the write yet.
    startLeg(run, block, arrow.legs.findIndex((leg) => leg.to === block.layer) + 1, tMs);
    return;
  }
  const kind = run.states[block.op]?.op.kind;
  switch (block.layer) {
    case "guest-page-cache":
      // A buffered write returns once its data is copied into the guest page cache (§3).
      if (kind === "normal") ack(run, block.op, tMs, "guest-page-cache");
      if (kind === "osync" || block.writeoutRequested) {
        startHop(run, block, "virtual-disk", "in-guest", tMs, tMs + timing.guestToQemuMs);
      } else {
        run.guestIdle.add(block);
        scheduleWriteback(run, block, "guest-writeback", tMs);
      }
      break;
    case "virtual-disk":
      startLeg(run, block, 0, tMs);
      break;
    case "host-page-cache":
      exposeInHost(run, block);
      // The host's own writeback, with the same defaults as the guest's (§3).
      scheduleWriteback(run, block, "host-writeback", tMs);
      break;
    case "disk-cache":
      arriveInDiskCache(run, block, tMs);
      break;
    case "guest-app":
    case "platters":
      break;
  }
  // Only once the block is in place: an O_SYNC write's flush must find it there.
  if (onArrow) completedByVirtualDisk(run, block, tMs);
}
