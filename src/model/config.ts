/**
 * What the user can choose: the QEMU cache mode (as a name and as its three switches), whether the
 * guest issues barriers, what kind of write cache the physical disk has, and the timing constants.
 */

/** The five values of QEMU's `-drive cache=` (qemu-options.hx). */
export const CACHE_MODES = ["writeback", "none", "writethrough", "directsync", "unsafe"] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/**
 * A cache mode is three independent switches (docs/model.md §2; `bdrv_parse_cache_mode` in QEMU's
 * block.c maps each name onto BDRV_O_NOCACHE, BDRV_O_NO_FLUSH and the device's write-cache flag).
 */
export interface CacheSwitches {
  /** `cache.writeback`: the virtual disk reports a volatile write cache (WCE) to the guest. */
  readonly guestSeesWriteCache: boolean;
  /** `cache.direct`: QEMU opens the image O_DIRECT, so the host page cache is bypassed. */
  readonly hostCacheBypassed: boolean;
  /** `cache.no-flush`: guest flushes complete without `fdatasync()` on the image. */
  readonly flushesIgnored: boolean;
}

/** docs/model.md §2, the table "A cache mode is three switches", row by row. */
export const MODE_SWITCHES: Readonly<Record<CacheMode, CacheSwitches>> = {
  writeback: { guestSeesWriteCache: true, hostCacheBypassed: false, flushesIgnored: false },
  none: { guestSeesWriteCache: true, hostCacheBypassed: true, flushesIgnored: false },
  writethrough: { guestSeesWriteCache: false, hostCacheBypassed: false, flushesIgnored: false },
  directsync: { guestSeesWriteCache: false, hostCacheBypassed: true, flushesIgnored: false },
  unsafe: { guestSeesWriteCache: true, hostCacheBypassed: false, flushesIgnored: true },
};

/** The named mode with these switches, or null: QEMU accepts combinations no name stands for. */
export function modeOfSwitches(switches: CacheSwitches): CacheMode | null {
  for (const mode of CACHE_MODES) {
    const s = MODE_SWITCHES[mode];
    if (
      s.guestSeesWriteCache === switches.guestSeesWriteCache &&
      s.hostCacheBypassed === switches.hostCacheBypassed &&
      s.flushesIgnored === switches.flushesIgnored
    ) {
      return mode;
    }
  }
  return null;
}

/**
 * The physical disk's write cache (docs/model.md §4, "Faults worth offering"): `volatile` is a drive
 * cache lost on power loss (`hdparm -W1`), `off` writes straight to the platters (`hdparm -W0`),
 * `battery` is a battery-backed or power-loss-protected cache that survives every failure.
 */
export const DISK_CACHES = ["volatile", "off", "battery"] as const;
export type DiskCache = (typeof DISK_CACHES)[number];

/**
 * The guest's filesystem decides when buffered data leaves the guest page cache (docs/model.md
 * §3, "normal write()"): ext3 in `data=ordered` mode writes a transaction's dirty data at the next
 * 5 s journal commit, before the commit block; ext4's delayed allocation leaves it to the flusher
 * (30–35 s). Independent of barriers: the article's two guests are "ext3, barriers off" and
 * "ext4, barriers on".
 */
/**
 * Whether the drive does what a cache flush asks (docs/model.md §4 "faults"): consumer drives and
 * some RAID firmware acknowledge a FLUSH without emptying their volatile cache.
 */
export const DISK_FLUSHES = ["honoured", "ignored"] as const;
export type DiskFlush = (typeof DISK_FLUSHES)[number];

export const GUEST_FILESYSTEMS = ["ext3", "ext4"] as const;
export type GuestFs = (typeof GUEST_FILESYSTEMS)[number];

/** Time constants in model milliseconds; defaults from docs/model.md §5. */
export interface Timing {
  /** Copying 4 KiB into a page cache: ~1 µs (memory bandwidth). */
  readonly pageCacheCopyMs: number;
  /** A guest request reaching QEMU (VM exit + processing): tens of µs, an estimate. */
  readonly guestToQemuMs: number;
  /** The disk acknowledging a write into its write cache: ~0.1 ms, an estimate. */
  readonly diskCacheAckMs: number;
  /**
   * A random 4 KiB write reaching the platters: docs/model.md §5 derives 12–16 ms for the article's
   * 7200 rpm laptop drive (~12 ms seek + 4.17 ms rotational wait); we take the middle.
   */
  readonly platterWriteMs: number;
  /**
   * How long a volatile disk cache holds a block before destaging it on its own. Vendors do not
   * specify it; docs/model.md §5 says "tens to hundreds of ms": an ESTIMATE.
   */
  readonly destageDelayMs: number;
  /** `vm.dirty_expire_centisecs` = 3000: a dirty page is written back once it is 30 s old. */
  readonly dirtyExpireMs: number;
  /** `vm.dirty_writeback_centisecs` = 500: the flusher thread wakes every 5 s. */
  readonly flusherIntervalMs: number;
  /** ext3/ext4 `commit=5`: the journal commits every 5 s. */
  readonly journalCommitMs: number;
  /**
   * With reordering on (docs/model.md §8.14), how long the drive holds a journal commit block
   * before writing it: 0, it takes the platters' next free slot, ahead of data blocks that
   * arrived before it and still wait `destageDelayMs`. A choice that exposes the window, not a
   * measurement: drives do not document their write scheduling.
   */
  readonly reorderedDestageMs: number;
}

export const DEFAULT_TIMING: Timing = {
  pageCacheCopyMs: 0.001,
  guestToQemuMs: 0.03,
  diskCacheAckMs: 0.1,
  platterWriteMs: 14,
  destageDelayMs: 100,
  dirtyExpireMs: 30_000,
  flusherIntervalMs: 5_000,
  journalCommitMs: 5_000,
  reorderedDestageMs: 0,
};

export interface Config {
  /** The named mode of `switches`, or null for a combination no name stands for. */
  readonly mode: CacheMode | null;
  readonly switches: CacheSwitches;
  /**
   * Whether the guest filesystem issues flushes (ext4's default, ext3 with `barrier=1`) or not
   * (ext3 as Debian 6 shipped it, ext4 with `barrier=0`). docs/model.md §3.
   */
  readonly guestBarriers: boolean;
  readonly guestFs: GuestFs;
  readonly diskCache: DiskCache;
  /** A fault: the drive acknowledges flushes without doing them (§4). */
  readonly diskFlush: DiskFlush;
  /**
   * Whether the host filesystem holding the image passes flushes to the drive; false is the fault
   * of an ext4 mounted `barrier=0`/`nobarrier` (or jbd having dropped barriers after an error):
   * fdatasync writes the data to the drive but sends it no FLUSH (§4).
   */
  readonly hostBarriers: boolean;
  /**
   * Whether the drive may write blocks in another order than it received them when nothing
   * orders them (§8.14): journal commits then travel as blocks of their own, and can reach the
   * platters before the data they describe.
   */
  readonly reorder: boolean;
  readonly timing: Timing;
}

export interface ConfigInput {
  /** A named mode, or the three switches directly (`-drive cache.direct=on,…`). */
  readonly cache: CacheMode | CacheSwitches;
  readonly guestBarriers: boolean;
  /** Default ext4, so documents written before the choice existed keep their meaning. */
  readonly guestFs?: GuestFs;
  readonly diskCache?: DiskCache;
  /** Default honoured and true: documents written before the faults existed keep their meaning. */
  readonly diskFlush?: DiskFlush;
  readonly hostBarriers?: boolean;
  /** Default false: documents written before reordering existed keep their meaning. */
  readonly reorder?: boolean;
  readonly timing?: Partial<Timing>;
}

export function makeConfig(input: ConfigInput): Config {
  const switches = typeof input.cache === "string" ? MODE_SWITCHES[input.cache] : input.cache;
  return {
    mode: modeOfSwitches(switches),
    switches,
    guestBarriers: input.guestBarriers,
    guestFs: input.guestFs ?? "ext4",
    diskCache: input.diskCache ?? "volatile",
    diskFlush: input.diskFlush ?? "honoured",
    hostBarriers: input.hostBarriers ?? true,
    reorder: input.reorder ?? false,
    timing: { ...DEFAULT_TIMING, ...input.timing },
  };
}
