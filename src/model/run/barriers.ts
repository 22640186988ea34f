/**
 * When the guest's calls return (docs/model.md §3, §8.6, §8.16): the virtual disk completing a
 * write (an O_DIRECT write returns there, an O_SYNC write commits the journal), and a barrier,
 * which writes out the dirty guest pages, waits for the virtual disk to complete every write
 * submitted before it, then commits the journal (or only flushes, with nothing to commit). An
 * ext3 commit's wait for its data ends here too, and so does a journal commit.
 */
import type { LayerId } from "../timeline";
import { markJournalDirty, syncFile, writeOutIdle } from "./journal";
import type { Block, CommitRecord, FlushRecord, Run } from "./run";

/** The guest application's call for op `opIndex` returns, with its data in `layer`. */
export function ack(run: Run, opIndex: number, tMs: number, layer: LayerId): void {
  const state = run.states[opIndex];
  if (state?.ackedAtMs !== null) return;
  state.ackedAtMs = tMs;
  state.ackedIn = layer;
}

/** A barrier writes out the dirty guest pages, waits for the virtual disk, then flushes (§3). */
export function submitBarrier(run: Run, opIndex: number, tMs: number): void {
  writeOutIdle(run, tMs, "in-guest");
  // Still on their way into the guest page cache: written out as soon as they get there.
  for (const block of run.leavingApp) block.writeoutRequested = true;
  run.leavingApp.clear();
  // fsync commits the journal, or flushes when nothing is left to commit (§8.16).
  const then = (doneMs: number): void => {
    syncFile(run, opIndex, doneMs);
  };
  const created = run.waitsCreated++;
  if (run.oldestPending === run.submitted.length) then(tMs);
  else run.barrierWaits.push({ created, cutoff: run.submitted.length - 1, then });
}

/** The virtual disk completed this block's write: it sits where the mode's arrow ends. */
export function completedByVirtualDisk(run: Run, block: Block, tMs: number): void {
  block.pending = false;
  block.completedAtMs = tMs;
  // A journal block is nobody's write: no barrier waits for it. Its commit is done (§8.16).
  if (block.commit) {
    commitDone(run, block.commit, tMs);
    return;
  }
  const { submitted, barrierWaits } = run;
  while (submitted[run.oldestPending]?.pending === false) run.oldestPending++;
  // The write is on the virtual disk: an append's new size, or its allocation, goes into the
  // running transaction (§8.14, §8.16), unless an ext3 commit wrote it out and records it.
  if (!block.commitWait) markJournalDirty(run, tMs);
  const state = run.states[block.op];
  if (state?.op.kind === "odirect") ack(run, block.op, tMs, block.layer);
  // O_SYNC: the data write is followed by what fsync does: a journal commit (§3, §8.16).
  if (state?.op.kind === "osync") syncFile(run, block.op, tMs);
  // The waits this completion ends proceed in the order they were created: the barriers'
  // whose cutoff the oldest pending write has now passed, and the commit's that wrote it out.
  let commit = block.commitWait;
  block.commitWait = null;
  if (commit && --commit.remaining > 0) commit = null;
  for (
    let wait = barrierWaits[run.barrierWaitsHead];
    wait && wait.cutoff < run.oldestPending;
    wait = barrierWaits[run.barrierWaitsHead]
  ) {
    if (commit && commit.created < wait.created) {
      commit.then(tMs);
      commit = null;
    }
    barrierWaits[run.barrierWaitsHead++] = undefined; // let it go
    wait.then(tMs);
  }
  if (commit) commit.then(tMs);
}

/**
 * A journal commit is done: its flush has completed and, with reordering, the virtual disk has
 * completed its commit block (§8.14). The fsync or O_SYNC write that forced it returns (§8.16).
 */
export function commitDone(run: Run, commit: CommitRecord, tMs: number): void {
  if (commit.forcedBy !== null && commit.flush) {
    finishFlushedOp(run, commit.forcedBy, commit.flush, tMs);
  }
}

/** An O_SYNC write or a barrier returns when its flush, or the commit it forced, does (§3). */
export function finishFlushedOp(run: Run, opIndex: number, flush: FlushRecord, tMs: number): void {
  const state = run.states[opIndex];
  if (!state) return;
  // A passed flush leaves the data on stable storage; under a fault in the drive's volatile
  // cache (§4); otherwise it stays where the arrow ends.
  const where =
    flush.outcome === "passed"
      ? run.stableLayer
      : flush.outcome === "no-host-barriers" || flush.outcome === "ignored-by-drive"
        ? "disk-cache"
        : run.arrowEnd;
  ack(run, opIndex, tMs, where);
  if (state.op.kind === "barrier" && flush.outcome === "passed") state.durableAtMs = tMs;
}
