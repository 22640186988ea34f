/**
 * A finished run, frozen into the `Timeline` a renderer draws from (docs/model.md §4, §8.8,
 * §8.14): hops cut short by the crash, what survives it, and which lost writes a durable journal
 * commit leaves inconsistent.
 */
import { wipes } from "../failure";
import { FLUSH_TRAVELS } from "../rules";
import {
  arrowsOf,
  type Arrow,
  type Crash,
  type Flush,
  type Hop,
  type JournalCommit,
  type OpResult,
  type Timeline,
} from "../timeline";
import type { Block, CommitRecord, FlushRecord, LiveHop, Run } from "./run";

const freeze = (record: FlushRecord): Flush => ({
  outcome: record.outcome,
  issuedAtMs: record.issuedAtMs,
  doneAtMs: record.doneAtMs,
});

/** Hops that had started by the crash; one still under way then never arrives (§8.8). */
function settled(hops: readonly LiveHop[], horizonMs: number): Hop[] {
  return (
    hops
      .filter((h) => h.startMs <= horizonMs)
      // Spelled out rather than spread: this runs for every hop and a spread costs several times more.
      .map((h): Hop => ({
        from: h.from,
        to: h.to,
        route: h.route,
        startMs: h.startMs,
        endMs: h.endMs,
        cutAtMs: h.endMs > horizonMs ? horizonMs : null,
      }))
  );
}

/**
 * The journal commit that records a write's block (§8.14): under ext3 `data=ordered` the one
 * that wrote it out (it waits for the data, then writes its commit block); otherwise the first
 * one started once the virtual disk had completed it (jbd2 records data that is written: the
 * allocation of written-back or direct data, and the file's size; docs/model.md §8.14 on the simplification).
 */
function commitRecorder(run: Run): (block: Block) => CommitRecord | undefined {
  const { journalCommits } = run;
  const writtenOutBy = new Map<number, CommitRecord>();
  for (const c of journalCommits) for (const op of c.wroteOut) writtenOutBy.set(op, c);
  return (block) => {
    const writer = writtenOutBy.get(block.op);
    if (writer) return writer;
    const doneMs = block.completedAtMs;
    if (doneMs === null) return undefined;
    // Commits are in time order: the first at or after doneMs, by bisection.
    let lo = 0;
    let hi = journalCommits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((journalCommits[mid]?.atMs ?? Infinity) < doneMs) lo = mid + 1;
      else hi = mid;
    }
    return journalCommits[lo];
  };
}

export function timelineOf(run: Run, crash: Crash | null, endMs: number): Timeline {
  const { config, horizonMs } = run;
  const { diskCache } = config;
  // Only reordering makes a commit block of its own that can be durable (§8.14).
  const recordingCommit = config.reorder ? commitRecorder(run) : null;

  const ops: OpResult[] = run.states.map((state, index) => {
    const { block } = state;
    const hops = block ? settled(block.hops, horizonMs) : [];
    const flush = state.flush && freeze(state.flush);
    const submitted = state.op.atMs <= horizonMs;
    let survives: boolean | null = null;
    if (crash && submitted && block) {
      survives = block.durableAtMs !== null || !wipes(crash.kind, block.layer, diskCache);
    }
    // A barrier's flush travels green when QEMU passes it on (to stable storage, or under a
    // fault only as far as the drive's cache).
    const green = flush !== null && FLUSH_TRAVELS.has(flush.outcome);
    const paths: Arrow[] = block ? arrowsOf(hops) : green ? ["green"] : [];
    return {
      index,
      kind: state.op.kind,
      atMs: state.op.atMs,
      // A hop still waiting for the platters when the crash came never started.
      hops,
      flush,
      ackedAtMs: state.ackedAtMs,
      ackedIn: state.ackedIn,
      durableAtMs: block ? block.durableAtMs : state.durableAtMs,
      paths,
      survives,
      inconsistent:
        recordingCommit !== null &&
        survives === false &&
        block !== null &&
        (recordingCommit(block)?.block?.durableAtMs ?? null) !== null,
    };
  });

  const journalCommits: JournalCommit[] = run.journalCommits.map((c) => ({
    atMs: c.atMs,
    wroteOut: c.wroteOut,
    forcedBy: c.forcedBy,
    flush: c.flush && freeze(c.flush),
    block: c.block && {
      hops: settled(c.block.hops, horizonMs),
      durableAtMs: c.block.durableAtMs,
    },
  }));

  return { config, ops, journalCommits, crash, endMs };
}
