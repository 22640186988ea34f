/**
 * The vocabulary of a simulation's output: layers, arrows, hops, flushes and per-operation
 * results. A renderer draws from these and nothing else.
 */
import type { Config } from "./config";

/**
 * The stack, top to bottom (docs/model.md §1). QEMU's own in-flight state is carried by
 * `virtual-disk`: a request travelling away from the virtual disk is "in flight in QEMU".
 */
export const LAYERS = [
  "guest-app",
  "guest-page-cache",
  "virtual-disk",
  "host-page-cache",
  "disk-cache",
  "platters",
] as const;
export type LayerId = (typeof LAYERS)[number];

/** The article's four coloured arrows (docs/model.md, the table at the top). */
export const ARROWS = ["red", "gray", "blue", "green"] as const;
export type Arrow = (typeof ARROWS)[number];

/**
 * Hops that are not one of the article's arrows: a copy or request inside the guest, and the
 * three background movements of docs/model.md §3 (guest writeback, host writeback, disk destaging).
 */
export const NEUTRAL_ROUTES = ["in-guest", "guest-writeback", "host-writeback", "destage"] as const;
export type NeutralRoute = (typeof NEUTRAL_ROUTES)[number];
export type Route = Arrow | NeutralRoute;

export function isArrow(route: Route): route is Arrow {
  return (ARROWS as readonly string[]).includes(route);
}

/**
 * The coloured arrows a sequence of hops travelled, in order: neutral hops dropped, and an arrow
 * taken in several legs (blue goes through the host page cache under writethrough) named once.
 */
export function arrowsOf(hops: readonly Hop[]): Arrow[] {
  const arrows: Arrow[] = [];
  for (const { route } of hops) {
    if (isArrow(route) && arrows[arrows.length - 1] !== route) arrows.push(route);
  }
  return arrows;
}

/**
 * One movement of one block of data, from `startMs` (leaves `from`) to `endMs` (in `to`).
 *
 * A crash stops the world (docs/model.md §4): a hop under way at the crash instant never
 * arrives. It keeps its planned `endMs` (so a drawing can tell how far it had got) and records
 * `cutAtMs`, the crash instant; the block stays where the crash found it, counted as still in
 * the layer it was leaving.
 */
export interface Hop {
  readonly from: LayerId;
  readonly to: LayerId;
  readonly route: Route;
  readonly startMs: number;
  readonly endMs: number;
  /** The crash instant, when a crash cut this hop short; null when it arrived (or will). */
  readonly cutAtMs: number | null;
}

export const OP_KINDS = ["normal", "osync", "barrier", "odirect"] as const;
export type OpKind = (typeof OP_KINDS)[number];

export interface Op {
  readonly atMs: number;
  readonly kind: OpKind;
}

export const FAILURE_KINDS = ["guest", "qemu", "host", "power"] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export interface Crash {
  readonly atMs: number;
  readonly kind: FailureKind;
}

/**
 * What became of a flush (docs/model.md §2–§3):
 * - `passed`: QEMU called fdatasync; every write the virtual disk had completed before the flush
 *   was issued is on stable storage once it completes (green).
 * - `ignored-by-qemu`: cache=unsafe completes it without fdatasync (green refused).
 * - `no-guest-barriers`: the guest filesystem never sends it (ext3 without barrier=1).
 * - `no-write-cache`: the guest sees no write cache, so its block layer strips the flush
 *   (Documentation/block/writeback_cache_control.rst); nothing needs it.
 * - `no-host-barriers`: QEMU called fdatasync, but the host filesystem holding the image is
 *   mounted without barriers: the data went to the drive's volatile cache and no FLUSH followed.
 * - `ignored-by-drive`: the drive acknowledged the FLUSH without emptying its volatile cache.
 */
export const FLUSH_OUTCOMES = [
  "passed",
  "ignored-by-qemu",
  "no-guest-barriers",
  "no-write-cache",
  "no-host-barriers",
  "ignored-by-drive",
] as const;
export type FlushOutcome = (typeof FLUSH_OUTCOMES)[number];

export interface Flush {
  readonly outcome: FlushOutcome;
  readonly issuedAtMs: number;
  /** When the flush completed; null if a crash came first. */
  readonly doneAtMs: number | null;
}

/** Everything the simulation says about one operation of the scenario. */
export interface OpResult {
  readonly index: number;
  readonly kind: OpKind;
  readonly atMs: number;
  /** The hops of this operation's data, in order (none for a barrier, which carries no data). */
  readonly hops: readonly Hop[];
  /** The flush an O_SYNC write or a barrier sends after its data; null for other kinds. */
  readonly flush: Flush | null;
  /** When the guest application's call returned; null if it never did. */
  readonly ackedAtMs: number | null;
  /** Where this op's data was when the call returned (for a barrier: where it left the data it covers). */
  readonly ackedIn: LayerId | null;
  /** When this op's data reached stable storage (for a barrier: when its flush made earlier data durable). */
  readonly durableAtMs: number | null;
  /** The coloured arrows the data (for a barrier: its flush) travelled, in order; a refused flush excluded. */
  readonly paths: readonly Arrow[];
  /** With a crash: whether the data survives it; null without a crash, for barriers, and for ops after the crash. */
  readonly survives: boolean | null;
  /**
   * With reordering (docs/model.md §8.14) and a crash: the write's data was lost while the
   * journal commit that records it was already on stable storage, so the filesystem points at
   * data that never arrived. Always false otherwise.
   */
  readonly inconsistent: boolean;
}

/**
 * A journal commit (ext3/ext4 `commit=`), with the flush it sends when the guest has barriers.
 * Under ext3 `data=ordered` it first writes the transaction's dirty data to the virtual disk and
 * waits for it (docs/model.md §3), so its flush leaves later than `atMs`.
 */
export interface JournalCommit {
  readonly atMs: number;
  /** The ops whose buffered data this commit wrote out first (ext3 `data=ordered`). */
  readonly wroteOut: readonly number[];
  /**
   * The fsync or O_SYNC write that forced this commit (docs/model.md §8.16), or null for one due
   * at a 5 s tick. Its flush is that call's own (the call's `flush`).
   */
  readonly forcedBy: number | null;
  /** Null when a crash came before the commit got as far as its flush. */
  readonly flush: Flush | null;
  /**
   * With reordering (§8.14), the commit block's own journey, once it was written (after its data
   * and, with barriers, its flush); null without reordering or before it was written.
   */
  readonly block: { readonly hops: readonly Hop[]; readonly durableAtMs: number | null } | null;
}

export interface Timeline {
  readonly config: Config;
  readonly ops: readonly OpResult[];
  readonly journalCommits: readonly JournalCommit[];
  readonly crash: Crash | null;
  /** The last instant anything happened (the crash instant when there is one). */
  readonly endMs: number;
}
