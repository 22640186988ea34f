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
 *   host-page-cache | disk-cache ─green─▶ platters                     (a passed flush)
 *   (the red, gray and blue legs, faults included: ./legs.ts, a pure rule with its own table)
 *
 * Simplifications, each a choice rather than a fact (docs/model.md §8): the platters serve one
 * write at a time at the average latency of §5, flusher threads and journal commits tick on a
 * common clock starting at 0, and the journal's commit block is a block of its own only with
 * reordering on (§8.14), when it can reach the platters before the data it records.
 *
 * A crash stops the world: the event loop ends at its instant, and a hop still under way then is
 * reported cut short (`cutAtMs`), never arrived.
 */
import TinyQueue from "tinyqueue";
import type { Config } from "./config";
import { isStable, stableLayer as stableLayerOf, wipes } from "./failure";
import type {
  Arrow,
  Crash,
  Flush,
  FlushOutcome,
  Hop,
  JournalCommit,
  LayerId,
  Op,
  OpKind,
  OpResult,
  Route,
  Timeline,
} from "./timeline";
import { arrowLegs } from "./legs";
import { FLUSH_TRAVELS, flushOutcome, hostFlushFault } from "./rules";
import { arrowsOf } from "./timeline";

export interface Scenario {
  readonly config: Config;
  readonly ops: readonly Op[];
  readonly crash?: Crash | null;
}

interface Block {
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
  /** A journal commit block (§8.14), not an application's write. */
  readonly journal: boolean;
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
interface BarrierWait {
  /** Creation order among all waits (barriers' and commits'): the order they proceed in on a tie. */
  readonly created: number;
  readonly cutoff: number;
  readonly then: (tMs: number) => void;
}

/**
 * An ext3 commit's wait for the data blocks it wrote out. A block is written out by at most one
 * commit (it never rests in the guest page cache again), so a count per commit is enough.
 */
interface CommitWait {
  readonly created: number;
  remaining: number;
  readonly then: (tMs: number) => void;
}

interface OpState {
  readonly op: Op;
  block: Block | null;
  flush: Flush | null;
  ackedAtMs: number | null;
  ackedIn: LayerId | null;
  durableAtMs: number | null;
}

type Event =
  | { readonly kind: "submit"; readonly op: number }
  | { readonly kind: "arrive"; readonly block: Block; readonly version: number }
  | { readonly kind: "guest-writeback"; readonly block: Block; readonly version: number }
  | { readonly kind: "host-writeback"; readonly block: Block; readonly version: number }
  | { readonly kind: "destage"; readonly block: Block; readonly version: number }
  | { readonly kind: "journal-commit" }
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
type LiveHop = Omit<Hop, "cutAtMs">;

/** A journal commit while the simulation runs; frozen into a `JournalCommit` for the output. */
interface CommitRecord {
  readonly atMs: number;
  readonly wroteOut: number[];
  flush: FlushRecord | null;
  /** With reordering: the commit block, once written (§8.14). */
  block: Block | null;
}

/** A flush while it runs; frozen into a `Flush` for the output. */
interface FlushRecord {
  outcome: FlushOutcome;
  issuedAtMs: number;
  doneAtMs: number | null;
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

/** A block about to leave `layer`: an application's write, or a journal commit block (§8.14). */
function newBlock(op: number, sub: number, layer: LayerId, journal: boolean): Block {
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
    journal,
    completedAtMs: null,
  };
}

/** The first tick of a timer of period `periodMs` at or after `tMs` (the flusher's wake-ups). */
function tickAtOrAfter(tMs: number, periodMs: number): number {
  return Math.ceil(tMs / periodMs) * periodMs;
}

export function simulate(scenario: Scenario): Timeline {
  const { config } = scenario;
  const { timing, diskCache, guestFs } = config;
  const crash = scenario.crash ?? null;
  const horizonMs = crash ? crash.atMs : Infinity;

  const states: OpState[] = scenario.ops.map((op) => ({
    op,
    block: null,
    flush: null,
    ackedAtMs: null,
    ackedIn: null,
    durableAtMs: null,
  }));
  const journalCommits: CommitRecord[] = [];

  const queue = new TinyQueue<Scheduled>([], (a, b) => a.tMs - b.tMs || a.seq - b.seq);
  let seq = 0;
  const schedule = (tMs: number, event: Event): void => {
    queue.push({ tMs, seq: seq++, event });
  };

  /**
   * Every write, in submission order (`sub` is the index). The ones the virtual disk has not
   * completed yet (`pending`) are what a barrier waits for: in one thread a write returns before
   * fsync is called, so a barrier covers every write issued before it, or at the same instant
   * (KIND_ORDER), O_DIRECT ones included.
   */
  const submitted: Block[] = [];
  /** The oldest pending write's `sub` (submitted.length when none is pending); only moves forward. */
  let oldestPending = 0;
  /** Open barrier waits, oldest first, from `barrierWaitsHead` on (cutoffs never decrease). */
  const barrierWaits: (BarrierWait | undefined)[] = [];
  let barrierWaitsHead = 0;
  let waitsCreated = 0;
  /**
   * Blocks resting in the guest page cache (pending, not in transit): what a barrier or an ext3
   * commit writes out. Each leaves it once, so the work barriers and commits do stays linear.
   */
  const guestIdle = new Set<Block>();
  /** Blocks still leaving the application (`layer` guest-app), not yet flagged by a barrier. */
  const leavingApp = new Set<Block>();
  /** Blocks below the virtual disk that a flush would have to carry: in the host page cache or a volatile disk cache. */
  const exposed = new Set<Block>();
  /** The latest time any started hop below the virtual disk reaches stable storage. */
  let lastStableArrivalMs = -Infinity;
  /** When the next journal commit is due, if one is. */
  let commitDueMs: number | null = null;
  /** A change at or after the due commit's instant: it joins the transaction after it. */
  let dirtyAfterCommit = false;

  /** Where stable storage is: a battery-backed cache counts (docs/model.md §4). */
  const stableLayer: LayerId = stableLayerOf(diskCache);
  /** Why QEMU's flushes leave the drive's volatile cache full, if they do (§4 faults). */
  const fault = hostFlushFault(config);

  const arrow = arrowLegs(config);
  /** Where the virtual disk completes a write under this mode. */
  const arrowEnd: LayerId = arrow.legs[arrow.legs.length - 1]?.to ?? "host-page-cache";

  const ack = (opIndex: number, tMs: number, layer: LayerId): void => {
    const state = states[opIndex];
    if (state?.ackedAtMs !== null) return;
    state.ackedAtMs = tMs;
    state.ackedIn = layer;
  };

  /**
   * The platters serve one write at a time (docs/model.md §5: a random write takes ≈ 16 ms on
   * the article's drive; the model's estimate is 14 ms, so about 70 durable writes per second):
   * when they are next free.
   */
  let plattersFreeAtMs = 0;

  /** Books the platters for one write ready at `readyMs`; returns when it is on them. */
  const bookPlatters = (readyMs: number, durMs: number): { startMs: number; endMs: number } => {
    const startMs = Math.max(readyMs, plattersFreeAtMs);
    plattersFreeAtMs = startMs + durMs;
    return { startMs, endMs: plattersFreeAtMs };
  };

  /**
   * Starts a hop; it ends exactly at `endMs` (an end time, not a duration, so no rounding drift).
   * A hop onto the platters waits its turn there first (the block rests where it is meanwhile),
   * unless the caller booked the platters itself (`booked`).
   */
  const startHop = (
    block: Block,
    to: LayerId,
    route: Route,
    readyMs: number,
    readyEndMs: number,
    booked = false,
  ) => {
    let startMs = readyMs;
    let endMs = readyEndMs;
    if (to === "platters" && !booked) {
      const slot = bookPlatters(readyMs, readyEndMs - readyMs);
      if (slot.startMs !== readyMs) ({ startMs, endMs } = slot);
      else plattersFreeAtMs = endMs;
    }
    if (block.layer === "guest-page-cache") guestIdle.delete(block);
    const hop: LiveHop = { from: block.layer, to, route, startMs, endMs };
    block.hops.push(hop);
    block.inTransit = true;
    block.version++;
    if (isStable(to, diskCache)) {
      exposed.delete(block);
      if (block.layer === "host-page-cache" || block.layer === "disk-cache") {
        lastStableArrivalMs = Math.max(lastStableArrivalMs, hop.endMs);
      }
    }
    schedule(hop.endMs, { kind: "arrive", block, version: block.version });
  };

  /** Starts leg `index` of the mode's arrow. */
  const startLeg = (block: Block, index: number, tMs: number): void => {
    const leg = arrow.legs[index];
    if (leg) startHop(block, leg.to, arrow.colour, tMs, tMs + leg.durMs);
  };

  const markJournalDirty = (tMs: number): void => {
    if (commitDueMs !== null) {
      // A change made while a commit is due at this very instant goes into the next transaction
      // (jbd2), whether its event ran before or after the commit's.
      if (tMs >= commitDueMs) dirtyAfterCommit = true;
      return;
    }
    // The next commit tick strictly after the change (ext4 `commit=5`, docs/model.md §5).
    const period = timing.journalCommitMs;
    commitDueMs = Math.floor(tMs / period) * period + period;
    schedule(commitDueMs, { kind: "journal-commit" });
  };

  /**
   * A flush leaves the guest at `tMs` (docs/model.md §2 consequences and §3 "barrier").
   * Returns the record; completion is an event so that it is cut off by a crash like anything else.
   */
  const sendFlush = (
    op: number | null,
    tMs: number,
    commit: CommitRecord | null = null,
  ): FlushRecord => {
    const outcome = flushOutcome(config);
    const record: FlushRecord = { outcome, issuedAtMs: tMs, doneAtMs: null };
    let doneMs = tMs;
    if (outcome === "ignored-by-qemu") {
      doneMs = tMs + timing.guestToQemuMs;
    } else if (FLUSH_TRAVELS.has(outcome)) {
      // QEMU calls fdatasync: to stable storage, or under a fault only into the drive's cache.
      doneMs = passFlush(tMs);
    }
    schedule(doneMs, { kind: "flush-done", flush: record, op, commit });
    return record;
  };

  /**
   * QEMU calls fdatasync on the image: the host writes the image's dirty pages to the disk and
   * flushes the disk's cache, so every block acked below the virtual disk before `tMs` reaches
   * stable storage by the returned time (green). A flush also waits for earlier movements to
   * stable storage still under way, so no flush completes before the data it covers is safe.
   */
  const passFlush = (tMs: number): number => {
    if (fault !== null) return writeToDiskCache(tMs);
    const carried = [...exposed];
    const reachedQemuMs = tMs + timing.guestToQemuMs;
    const hostDirty = carried.some((b) => b.layer === "host-page-cache");
    // With a volatile cache the host's dirty pages go into it first, then the cache is flushed:
    // every block in it takes its turn on the platters. Without a cache they go straight there;
    // a battery-backed cache is stable as soon as they reach it.
    const readyMs =
      reachedQemuMs + (hostDirty && diskCache === "volatile" ? timing.diskCacheAckMs : 0);
    const settle = (fromMs: number): number =>
      stableLayer === "platters"
        ? bookPlatters(fromMs, timing.platterWriteMs).endMs
        : fromMs + timing.diskCacheAckMs;
    let doneMs = Math.max(reachedQemuMs, lastStableArrivalMs);
    for (const block of carried) {
      const hop = block.hops[block.hops.length - 1];
      let untilMs: number;
      if (block.inTransit && hop) {
        // Being written back from the host page cache right now: fdatasync waits for that
        // write, then the cache flush carries it on.
        untilMs = settle(Math.max(readyMs, hop.endMs));
        block.carriedUntilMs = untilMs;
        exposed.delete(block);
      } else {
        untilMs = settle(readyMs);
        startHop(block, stableLayer, "green", tMs, untilMs, true);
      }
      doneMs = Math.max(doneMs, untilMs);
    }
    lastStableArrivalMs = Math.max(lastStableArrivalMs, doneMs);
    return doneMs;
  };

  /**
   * fdatasync under a fault (§4): the host writes the image's dirty pages into the drive's
   * volatile cache and no FLUSH empties it (none is sent, or the drive ignores it). The flush
   * returns once those writes are in the cache; nothing becomes durable by it, and what already
   * sat in the cache stays there until the drive destages it on its own.
   */
  const writeToDiskCache = (tMs: number): number => {
    const reachedQemuMs = tMs + timing.guestToQemuMs;
    let doneMs = reachedQemuMs;
    for (const block of [...exposed]) {
      if (block.layer !== "host-page-cache") continue;
      const hop = block.hops[block.hops.length - 1];
      if (block.inTransit && hop) {
        // Already being written back into the drive's cache: fdatasync waits for that write.
        doneMs = Math.max(doneMs, hop.endMs);
      } else {
        const endMs = reachedQemuMs + timing.diskCacheAckMs;
        exposed.delete(block);
        startHop(block, "disk-cache", "green", tMs, endMs);
        doneMs = Math.max(doneMs, endMs);
      }
    }
    return doneMs;
  };

  /** The virtual disk completed this block's write: it sits where the mode's arrow ends. */
  const completedByVirtualDisk = (block: Block, tMs: number): void => {
    block.pending = false;
    block.completedAtMs = tMs;
    // A journal block is nobody's write: no call returns, no barrier waits for it.
    if (block.journal) return;
    while (submitted[oldestPending]?.pending === false) oldestPending++;
    const state = states[block.op];
    if (state?.op.kind === "odirect") ack(block.op, tMs, block.layer);
    if (state?.op.kind === "osync") {
      // O_SYNC: the data write is followed by a flush when the guest issues barriers (§3).
      state.flush = sendFlush(block.op, tMs);
    }
    // The waits this completion ends proceed in the order they were created: the barriers'
    // whose cutoff the oldest pending write has now passed, and the commit's that wrote it out.
    let commit = block.commitWait;
    block.commitWait = null;
    if (commit && --commit.remaining > 0) commit = null;
    for (
      let wait = barrierWaits[barrierWaitsHead];
      wait && wait.cutoff < oldestPending;
      wait = barrierWaits[barrierWaitsHead]
    ) {
      if (commit && commit.created < wait.created) {
        commit.then(tMs);
        commit = null;
      }
      barrierWaits[barrierWaitsHead++] = undefined; // let it go
      wait.then(tMs);
    }
    if (commit) commit.then(tMs);
  };

  /** Dirty since `tMs`: written back once 30 s old, at the flusher's next wake-up (vm.dirty_*, §5). */
  const scheduleWriteback = (
    block: Block,
    kind: "guest-writeback" | "host-writeback",
    tMs: number,
  ) => {
    schedule(tickAtOrAfter(tMs + timing.dirtyExpireMs, timing.flusherIntervalMs), {
      kind,
      block,
      version: block.version,
    });
  };

  const arrive = (block: Block, tMs: number): void => {
    const hop = block.hops[block.hops.length - 1];
    if (!hop) return;
    block.inTransit = false;
    if (block.layer === "guest-app") leavingApp.delete(block);
    block.layer = hop.to;
    if (block.durableAtMs === null && isStable(block.layer, diskCache)) block.durableAtMs = tMs;
    const onArrow = hop.route === arrow.colour;
    if (onArrow && block.layer !== arrowEnd) {
      // Part-way along the mode's arrow: the virtual disk has not completed the write yet.
      startLeg(block, arrow.legs.findIndex((leg) => leg.to === block.layer) + 1, tMs);
      return;
    }
    const kind = states[block.op]?.op.kind;
    switch (block.layer) {
      case "guest-page-cache":
        // A buffered write returns once its data is copied into the guest page cache (§3).
        if (kind === "normal") ack(block.op, tMs, "guest-page-cache");
        if (kind === "osync" || block.writeoutRequested) {
          startHop(block, "virtual-disk", "in-guest", tMs, tMs + timing.guestToQemuMs);
        } else {
          guestIdle.add(block);
          scheduleWriteback(block, "guest-writeback", tMs);
        }
        break;
      case "virtual-disk":
        startLeg(block, 0, tMs);
        break;
      case "host-page-cache":
        exposed.add(block);
        // The host's own writeback, with the same defaults as the guest's (§3).
        scheduleWriteback(block, "host-writeback", tMs);
        break;
      case "disk-cache":
        if (block.carriedUntilMs !== null) {
          const untilMs = block.carriedUntilMs;
          block.carriedUntilMs = null;
          startHop(block, stableLayer, "green", tMs, Math.max(tMs, untilMs), true);
          break;
        }
        if (diskCache === "volatile") exposed.add(block);
        // The drive destages on its own schedule: an estimate (§3, §5). A drive that reorders
        // takes a journal commit block ahead of the data waiting there (§8.14).
        schedule(
          tMs +
            (block.journal && config.reorder ? timing.reorderedDestageMs : timing.destageDelayMs),
          { kind: "destage", block, version: block.version },
        );
        break;
      case "guest-app":
      case "platters":
        break;
    }
    // Only once the block is in place: an O_SYNC write's flush must find it there.
    if (onArrow) completedByVirtualDisk(block, tMs);
  };

  const submit = (opIndex: number, tMs: number): void => {
    const state = states[opIndex];
    if (!state) return;
    const kind = state.op.kind;
    if (kind === "barrier") {
      submitBarrier(opIndex, tMs);
      return;
    }
    const block = newBlock(opIndex, submitted.length, "guest-app", false);
    state.block = block;
    submitted.push(block);
    leavingApp.add(block);
    // Every write changes the file's mtime, so the journal has a transaction to commit.
    markJournalDirty(tMs);
    if (kind === "odirect") {
      // O_DIRECT skips the guest page cache and sends no flush (§3, §6.6).
      startHop(block, "virtual-disk", "in-guest", tMs, tMs + timing.guestToQemuMs);
    } else {
      startHop(block, "guest-page-cache", "in-guest", tMs, tMs + timing.pageCacheCopyMs);
    }
  };

  /**
   * The blocks resting in the guest page cache, in submission order (so their hops are scheduled,
   * and reported, in the order of the writes), leaving it for the virtual disk at `tMs`.
   */
  const writeOutIdle = (tMs: number, route: Route): Block[] => {
    const blocks = [...guestIdle].sort((a, b) => a.sub - b.sub);
    for (const block of blocks) {
      startHop(block, "virtual-disk", route, tMs, tMs + timing.guestToQemuMs);
    }
    return blocks;
  };

  /** A barrier writes out the dirty guest pages, waits for the virtual disk, then flushes (§3). */
  const submitBarrier = (opIndex: number, tMs: number): void => {
    writeOutIdle(tMs, "in-guest");
    // Still on their way into the guest page cache: written out as soon as they get there.
    for (const block of leavingApp) block.writeoutRequested = true;
    leavingApp.clear();
    const then = (doneMs: number): void => {
      const state = states[opIndex];
      if (state) state.flush = sendFlush(opIndex, doneMs);
    };
    const created = waitsCreated++;
    if (oldestPending === submitted.length) then(tMs);
    else barrierWaits.push({ created, cutoff: submitted.length - 1, then });
  };

  /**
   * With reordering (§8.14): the commit block is written once its data is written and its flush
   * (with barriers) has completed, and travels the stack like a data write the guest sends
   * straight to the virtual disk (jbd2 writes it to the block device). It is not a write of the
   * application's: it waits for no barrier and is waited for by none.
   */
  const writeCommitBlock = (commit: CommitRecord, tMs: number): void => {
    const block = newBlock(-1, -1, "guest-page-cache", true);
    commit.block = block;
    startHop(block, "virtual-disk", "in-guest", tMs, tMs + timing.guestToQemuMs);
  };

  /**
   * A journal commit (ext3/ext4 `commit=5`). ext3 in `data=ordered` mode first writes the
   * transaction's dirty data blocks and waits for them, then writes the commit block, preceded
   * by a flush when the guest has barriers (§3). ext4 with delayed allocation has no data of its
   * own to write here: the flusher wrote it earlier, and this commit records the allocation.
   */
  const commitJournal = (tMs: number): void => {
    const dirty = guestFs === "ext3" ? writeOutIdle(tMs, "guest-writeback") : [];
    const commit: CommitRecord = {
      atMs: tMs,
      wroteOut: dirty.map((b) => b.op),
      flush: null,
      block: null,
    };
    journalCommits.push(commit);
    const then = (doneMs: number): void => {
      commit.flush = sendFlush(null, doneMs, commit);
    };
    const wait: CommitWait = { created: waitsCreated++, remaining: dirty.length, then };
    for (const block of dirty) block.commitWait = wait;
    if (dirty.length === 0) then(tMs);
  };

  const handle = (tMs: number, event: Event): void => {
    switch (event.kind) {
      case "submit":
        submit(event.op, tMs);
        return;
      case "arrive":
        if (event.version === event.block.version) arrive(event.block, tMs);
        return;
      case "guest-writeback":
        if (event.version !== event.block.version) return;
        startHop(event.block, "virtual-disk", "guest-writeback", tMs, tMs + timing.guestToQemuMs);
        // Writeback allocates the blocks (delayed allocation): the journal has work again.
        markJournalDirty(tMs);
        return;
      case "host-writeback":
        if (event.version !== event.block.version) return;
        startHop(
          event.block,
          diskCache === "off" ? "platters" : "disk-cache",
          "host-writeback",
          tMs,
          tMs + (diskCache === "off" ? timing.platterWriteMs : timing.diskCacheAckMs),
        );
        return;
      case "destage":
        if (event.version !== event.block.version) return;
        startHop(event.block, "platters", "destage", tMs, tMs + timing.platterWriteMs);
        return;
      case "journal-commit":
        commitDueMs = null;
        commitJournal(tMs);
        if (dirtyAfterCommit) {
          dirtyAfterCommit = false;
          markJournalDirty(tMs);
        }
        return;
      case "flush-done":
        event.flush.doneAtMs = tMs;
        if (event.op !== null) finishFlushedOp(event.op, event.flush, tMs);
        if (event.commit && config.reorder) writeCommitBlock(event.commit, tMs);
        return;
    }
  };

  /** An O_SYNC write or a barrier returns when its flush does (§3). */
  const finishFlushedOp = (opIndex: number, flush: FlushRecord, tMs: number): void => {
    const state = states[opIndex];
    if (!state) return;
    // A passed flush leaves the data on stable storage; under a fault in the drive's volatile
    // cache (§4); otherwise it stays where the arrow ends.
    const where =
      flush.outcome === "passed"
        ? stableLayer
        : flush.outcome === "no-host-barriers" || flush.outcome === "ignored-by-drive"
          ? "disk-cache"
          : arrowEnd;
    ack(opIndex, tMs, where);
    if (state.op.kind === "barrier" && flush.outcome === "passed") state.durableAtMs = tMs;
  };

  const order = scenario.ops
    .map((op, index) => ({ op, index }))
    .sort((a, b) => a.op.atMs - b.op.atMs || KIND_ORDER[a.op.kind] - KIND_ORDER[b.op.kind]);
  for (const { op, index } of order) schedule(op.atMs, { kind: "submit", op: index });

  let endMs = 0;
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (next.tMs > horizonMs) break;
    endMs = next.tMs;
    handle(next.tMs, next.event);
  }
  if (crash) endMs = crash.atMs;

  const freeze = (record: FlushRecord): Flush => ({
    outcome: record.outcome,
    issuedAtMs: record.issuedAtMs,
    doneAtMs: record.doneAtMs,
  });

  /** Hops that had started by the crash; one still under way then never arrives. */
  const settled = (hops: readonly LiveHop[]): Hop[] =>
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
      }));

  /**
   * The journal commit that records a write's block (§8.14): under ext3 `data=ordered` the one
   * that wrote it out (it waits for the data, then writes its commit block); otherwise the first
   * one started once the virtual disk had completed it (jbd2 records data that is written: the
   * allocation of written-back or direct data, the size and times of the file).
   */
  const writtenOutBy = new Map<number, CommitRecord>();
  if (config.reorder)
    for (const c of journalCommits) for (const op of c.wroteOut) writtenOutBy.set(op, c);
  const recordingCommit = (block: Block): CommitRecord | undefined => {
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

  const ops: OpResult[] = states.map((state, index) => {
    const { block } = state;
    const hops = block ? settled(block.hops) : [];
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
        config.reorder &&
        survives === false &&
        block !== null &&
        (recordingCommit(block)?.block?.durableAtMs ?? null) !== null,
    };
  });

  const commits: JournalCommit[] = journalCommits.map((c) => ({
    atMs: c.atMs,
    wroteOut: c.wroteOut,
    flush: c.flush && freeze(c.flush),
    block: c.block && { hops: settled(c.block.hops), durableAtMs: c.block.durableAtMs },
  }));

  return { config, ops, journalCommits: commits, crash, endMs };
}
