/**
 * The state of one simulation run (docs/model.md §1–§5): the event queue, the blocks of data and
 * where they rest, the sets the barriers and flushes work from, and the clocks. `simulate`
 * creates one and hands it to the modules beside this one, each of which plays one layer's part.
 *
 * Also the one move every part makes: a block's hop from one layer to the next, which keeps the
 * sets current (a crash stops the world mid-hop, §4 and §8.8, so a hop is recorded when it starts).
 */
import TinyQueue from "tinyqueue";
import type { Config, Timing } from "../config";
import { isStable, stableLayer } from "../failure";
import { arrowLegs, type ArrowLegs } from "../legs";
import { hostFlushFault } from "../rules";
import type { Flush, FlushOutcome, Hop, LayerId, Op, Route } from "../timeline";

export interface Block {
  readonly op: number;
  /** Its place in submission order (0, 1, 2, …): what a barrier's wait is measured against. */
  readonly sub: number;
  readonly hops: LiveHop[];
  /** Where the block rests, or the layer it is leaving while a hop is under way. */
  layer: LayerId;
  inTransit: boolean;
  /** Bumped whenever the block's next scheduled event is superseded (a cheap cancel). */
  version: number;
  durableAtMs: number | null;
  /** A barrier asked for it to be written out as soon as it reaches the guest page cache. */
  writeoutRequested: boolean;
  /** A passed flush will carry it on to stable storage when its current hop ends, by this time. */
  carriedUntilMs: number | null;
  /** Not yet completed by the virtual disk: what a barrier waits for. */
  pending: boolean;
  /** The ext3 commit that wrote it out and waits for the virtual disk to complete it, if any. */
  commitWait: CommitWait | null;
  /** With reordering, a journal commit block (§8.14): the commit it writes, not an application's write. */
  readonly commit: CommitRecord | null;
  /** When the virtual disk completed it (what a journal commit can record, §8.14). */
  completedAtMs: number | null;
}

/**
 * A barrier's wait: it proceeds once the virtual disk has completed every write pending when the
 * barrier was submitted. No write submitted later joins it, so that is every write with
 * `sub <= cutoff` (the last submitted then), whichever completed before: the wait is over as soon
 * as the oldest pending write's `sub` exceeds `cutoff`. Barriers are submitted in order, so
 * their cutoffs never decrease and the open waits end in the order they were created: a queue
 * whose head is the only one to check, instead of a copy of the pending set per barrier.
 */
export interface BarrierWait {
  /** Creation order among all waits (barriers' and commits'): the order they proceed in on a tie. */
  readonly created: number;
  readonly cutoff: number;
  readonly then: (tMs: number) => void;
}

/**
 * An ext3 commit's wait for the data blocks it wrote out. A block is written out by at most one
 * commit (it never rests in the guest page cache again), so a count per commit is enough.
 */
export interface CommitWait {
  readonly created: number;
  remaining: number;
  readonly then: (tMs: number) => void;
}

export interface OpState {
  readonly op: Op;
  block: Block | null;
  flush: Flush | null;
  ackedAtMs: number | null;
  ackedIn: LayerId | null;
  durableAtMs: number | null;
}

export type Event =
  | { readonly kind: "submit"; readonly op: number }
  | { readonly kind: "arrive"; readonly block: Block; readonly version: number }
  | { readonly kind: "guest-writeback"; readonly block: Block; readonly version: number }
  | { readonly kind: "host-writeback"; readonly block: Block; readonly version: number }
  | { readonly kind: "destage"; readonly block: Block; readonly version: number }
  /** The commit due at `dueMs`; a forced commit since (§8.16) has made a stale one of it. */
  | { readonly kind: "journal-commit"; readonly dueMs: number }
  | {
      readonly kind: "flush-done";
      readonly flush: FlushRecord;
      readonly op: number | null;
      /** The journal commit this flush precedes, if it is a commit's. */
      readonly commit: CommitRecord | null;
    };

interface Scheduled {
  readonly tMs: number;
  /** Insertion order: ties at one instant run first-scheduled-first, so runs are deterministic. */
  readonly seq: number;
  readonly event: Event;
}

/** A hop while the simulation runs: `cutAtMs` is settled at the end. */
export type LiveHop = Omit<Hop, "cutAtMs">;

/** A journal commit while the simulation runs; frozen into a `JournalCommit` for the output. */
export interface CommitRecord {
  readonly atMs: number;
  readonly wroteOut: number[];
  /** The fsync or O_SYNC write that forced it (§8.16): that call returns when the commit is done. */
  readonly forcedBy: number | null;
  flush: FlushRecord | null;
  /** With reordering: the commit block, once written (§8.14). */
  block: Block | null;
}

/** A flush while it runs; frozen into a `Flush` for the output. */
export interface FlushRecord {
  outcome: FlushOutcome;
  issuedAtMs: number;
  doneAtMs: number | null;
}

export interface Run {
  readonly config: Config;
  readonly timing: Timing;
  /** Nothing that happens after the crash instant counts (Infinity without a crash). */
  readonly horizonMs: number;
  /** Where stable storage is: a battery-backed cache counts (docs/model.md §4). */
  readonly stableLayer: LayerId;
  /** Why QEMU's flushes leave the drive's volatile cache full, if they do (§4 faults). */
  readonly fault: ReturnType<typeof hostFlushFault>;
  readonly arrow: ArrowLegs;
  /** Where the virtual disk completes a write under this mode. */
  readonly arrowEnd: LayerId;
  readonly states: OpState[];
  readonly journalCommits: CommitRecord[];
  readonly queue: TinyQueue<Scheduled>;
  seq: number;
  /**
   * Every write, in submission order (`sub` is the index). The ones the virtual disk has not
   * completed yet (`pending`) are what a barrier waits for: in one thread a write returns before
   * fsync is called, so a barrier covers every write issued before it, or at the same instant
   * (simulate's KIND_ORDER), O_DIRECT ones included.
   */
  readonly submitted: Block[];
  /** The oldest pending write's `sub` (submitted.length when none is pending); only moves forward. */
  oldestPending: number;
  /** Open barrier waits, oldest first, from `barrierWaitsHead` on (cutoffs never decrease). */
  readonly barrierWaits: (BarrierWait | undefined)[];
  barrierWaitsHead: number;
  waitsCreated: number;
  /**
   * Blocks resting in the guest page cache (pending, not in transit): what a barrier or an ext3
   * commit writes out. Each leaves it once, so the work barriers and commits do stays linear.
   */
  readonly guestIdle: Set<Block>;
  /** Blocks still leaving the application (`layer` guest-app), not yet flagged by a barrier. */
  readonly leavingApp: Set<Block>;
  /** Blocks below the virtual disk that a flush would have to carry: in the host page cache or a volatile disk cache. */
  readonly exposed: Set<Block>;
  /**
   * The exposed blocks still in the host page cache (resting, or being written back from it), in
   * the order they arrived there: what fdatasync under a fault writes into the drive's cache
   * (./flush.ts). Kept apart so that a flush never walks the blocks already in the drive's cache,
   * which grow with the rate of writes (each flush would otherwise cost as much as all of them).
   */
  readonly hostDirty: Set<Block>;
  /** The latest time any started hop below the virtual disk reaches stable storage. */
  lastStableArrivalMs: number;
  /** When the next journal commit is due, if one is. */
  commitDueMs: number | null;
  /** A change at or after the due commit's instant: it joins the transaction after it. */
  dirtyAfterCommit: boolean;
  /** When the platters are next free (they serve one write at a time, §8.1). */
  plattersFreeAtMs: number;
}

export function createRun(config: Config, ops: readonly Op[], horizonMs: number): Run {
  const arrow = arrowLegs(config);
  return {
    config,
    timing: config.timing,
    horizonMs,
    stableLayer: stableLayer(config.diskCache),
    fault: hostFlushFault(config),
    arrow,
    arrowEnd: arrow.legs[arrow.legs.length - 1]?.to ?? "host-page-cache",
    states: ops.map((op) => ({
      op,
      block: null,
      flush: null,
      ackedAtMs: null,
      ackedIn: null,
      durableAtMs: null,
    })),
    journalCommits: [],
    queue: new TinyQueue<Scheduled>([], (a, b) => a.tMs - b.tMs || a.seq - b.seq),
    seq: 0,
    submitted: [],
    oldestPending: 0,
    barrierWaits: [],
    barrierWaitsHead: 0,
    waitsCreated: 0,
    guestIdle: new Set(),
    leavingApp: new Set(),
    exposed: new Set(),
    hostDirty: new Set(),
    lastStableArrivalMs: -Infinity,
    commitDueMs: null,
    dirtyAfterCommit: false,
    plattersFreeAtMs: 0,
  };
}

export function schedule(run: Run, tMs: number, event: Event): void {
  run.queue.push({ tMs, seq: run.seq++, event });
}

/** A block about to leave `layer`: an application's write, or a journal commit block (§8.14). */
export function newBlock(
  op: number,
  sub: number,
  layer: LayerId,
  commit: CommitRecord | null,
): Block {
  return {
    op,
    sub,
    hops: [],
    layer,
    inTransit: false,
    version: 0,
    durableAtMs: null,
    writeoutRequested: false,
    carriedUntilMs: null,
    pending: true,
    commitWait: null,
    commit,
    completedAtMs: null,
  };
}

/**
 * Starts a hop from `startMs` to exactly `endMs` (an end time, not a duration, so no rounding
 * drift). A hop onto the platters must have booked them first (./disk.ts, `startHopDown`).
 */
export function startHop(
  run: Run,
  block: Block,
  to: LayerId,
  route: Route,
  startMs: number,
  endMs: number,
): void {
  if (block.layer === "guest-page-cache") run.guestIdle.delete(block);
  const hop: LiveHop = { from: block.layer, to, route, startMs, endMs };
  block.hops.push(hop);
  block.inTransit = true;
  block.version++;
  if (isStable(to, run.config.diskCache)) {
    unexpose(run, block);
    if (block.layer === "host-page-cache" || block.layer === "disk-cache") {
      run.lastStableArrivalMs = Math.max(run.lastStableArrivalMs, hop.endMs);
    }
  }
  schedule(run, hop.endMs, { kind: "arrive", block, version: block.version });
}

/** The block is in the host page cache, below the virtual disk: a flush has to carry it. */
export function exposeInHost(run: Run, block: Block): void {
  run.exposed.add(block);
  run.hostDirty.add(block);
}

/** A flush or a hop to stable storage has taken the block in hand: no flush has to carry it. */
export function unexpose(run: Run, block: Block): void {
  run.exposed.delete(block);
  run.hostDirty.delete(block);
}
