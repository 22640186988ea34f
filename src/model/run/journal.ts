/**
 * The guest filesystem's journal and the writeback clock (docs/model.md §3 "normal write()", §5,
 * §8.3, §8.4, §8.5, §8.14): when buffered data leaves the guest page cache, when the journal
 * commits, and, with reordering, the commit block the commit writes. The same flusher clock
 * times the host's writeback of its page cache.
 */
import type { Route } from "../timeline";
import { sendFlush } from "./flush";
import {
  newBlock,
  schedule,
  startHop,
  type Block,
  type CommitRecord,
  type CommitWait,
  type Run,
} from "./run";

/** The first tick of a timer of period `periodMs` at or after `tMs` (the flusher's wake-ups). */
export function tickAtOrAfter(tMs: number, periodMs: number): number {
  return Math.ceil(tMs / periodMs) * periodMs;
}

/**
 * Dirty since `tMs`: written back once 30 s old, at the flusher's next wake-up (vm.dirty_*, §5),
 * in the guest and in the host alike (§8.3).
 */
export function scheduleWriteback(
  run: Run,
  block: Block,
  kind: "guest-writeback" | "host-writeback",
  tMs: number,
): void {
  const { timing } = run;
  schedule(run, tickAtOrAfter(tMs + timing.dirtyExpireMs, timing.flusherIntervalMs), {
    kind,
    block,
    version: block.version,
  });
}

/** The journal has a transaction to commit: a commit is due at the next tick. */
export function markJournalDirty(run: Run, tMs: number): void {
  if (run.commitDueMs !== null) {
    // A change made while a commit is due at this very instant goes into the next transaction
    // (jbd2), whether its event ran before or after the commit's.
    if (tMs >= run.commitDueMs) run.dirtyAfterCommit = true;
    return;
  }
  // The next commit tick strictly after the change (ext4 `commit=5`, docs/model.md §5).
  const period = run.timing.journalCommitMs;
  run.commitDueMs = Math.floor(tMs / period) * period + period;
  schedule(run, run.commitDueMs, { kind: "journal-commit", dueMs: run.commitDueMs });
}

/** The guest's flusher writes an expired page out (ext4's delayed allocation, §3). */
export function writeBackFromGuest(run: Run, block: Block, tMs: number): void {
  startHop(run, block, "virtual-disk", "guest-writeback", tMs, tMs + run.timing.guestToQemuMs);
  // Writeback allocates the blocks (delayed allocation): the journal has work again.
  markJournalDirty(run, tMs);
}

/**
 * The blocks resting in the guest page cache, in submission order (so their hops are scheduled,
 * and reported, in the order of the writes), leaving it for the virtual disk at `tMs`.
 */
export function writeOutIdle(run: Run, tMs: number, route: Route): Block[] {
  const blocks = [...run.guestIdle].sort((a, b) => a.sub - b.sub);
  for (const block of blocks) {
    startHop(run, block, "virtual-disk", route, tMs, tMs + run.timing.guestToQemuMs);
  }
  return blocks;
}

/**
 * A journal commit: the due one (ext3/ext4 `commit=5`), or one an fsync or O_SYNC write forces
 * (`forcedBy`, §8.16). ext3 in `data=ordered` mode first writes the transaction's dirty data
 * blocks and waits for them, then writes the commit block, preceded by a flush when the guest has
 * barriers (§3). ext4 with delayed allocation has no data of its own to write here: the flusher
 * or an fsync wrote it earlier, and this commit records the allocation.
 */
export function commitJournal(run: Run, tMs: number, forcedBy: number | null = null): void {
  run.commitDueMs = null;
  const dirty = run.config.guestFs === "ext3" ? writeOutIdle(run, tMs, "guest-writeback") : [];
  const commit: CommitRecord = {
    atMs: tMs,
    wroteOut: dirty.map((b) => b.op),
    forcedBy,
    flush: null,
    block: null,
  };
  run.journalCommits.push(commit);
  const then = (doneMs: number): void => {
    commit.flush = sendFlush(run, null, doneMs, commit);
    const forcer = forcedBy === null ? undefined : run.states[forcedBy];
    // The call that forced the commit shows the commit's flush as its own: jbd2 sends it.
    if (forcer) forcer.flush = commit.flush;
  };
  const wait: CommitWait = { created: run.waitsCreated++, remaining: dirty.length, then };
  for (const block of dirty) block.commitWait = wait;
  if (dirty.length === 0) then(tMs);
  if (run.dirtyAfterCommit) {
    run.dirtyAfterCommit = false;
    markJournalDirty(run, tMs);
  }
}

/**
 * An fsync, or an O_SYNC write, once its data is written (§3, §8.16): ext3 and ext4 commit the
 * transaction holding the file's last change at once (`ext4_sync_file` →
 * `jbd2_complete_transaction`; `ext3_sync_file` → `log_start_commit`, `log_wait_commit`) and the
 * call returns when that commit is done. With nothing left to commit, ext4 sends just a flush
 * (`blkdev_issue_flush`, with barriers).
 */
export function syncFile(run: Run, opIndex: number, tMs: number): void {
  const state = run.states[opIndex];
  if (!state) return;
  if (run.commitDueMs !== null) commitJournal(run, tMs, opIndex);
  else state.flush = sendFlush(run, opIndex, tMs);
}

/**
 * With reordering (§8.14): the commit block is written once its data is written and its flush
 * (with barriers) has completed, and travels the stack like a data write the guest sends
 * straight to the virtual disk (jbd2 writes it to the block device). It is not a write of the
 * application's: it waits for no barrier and is waited for by none.
 */
export function writeCommitBlock(run: Run, commit: CommitRecord, tMs: number): void {
  const block = newBlock(-1, -1, "guest-page-cache", commit);
  commit.block = block;
  startHop(run, block, "virtual-disk", "in-guest", tMs, tMs + run.timing.guestToQemuMs);
}
