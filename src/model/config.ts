/**
 * What the user can choose: the QEMU cache mode (as a name and as its three switches), the values
 * of each other choice, the configuration table that declares every field once (CONFIG_FIELDS),
 * and the timing constants.
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
 * Whether the drive does what a cache flush asks (docs/model.md §4 "faults"): consumer drives and
 * some RAID firmware acknowledge a FLUSH without emptying their volatile cache.
 */
export const DISK_FLUSHES = ["honoured", "ignored"] as const;
export type DiskFlush = (typeof DISK_FLUSHES)[number];

/**
 * The guest's filesystem decides when buffered data leaves the guest page cache (docs/model.md
 * §3, "normal write()"): ext3 in `data=ordered` mode writes a transaction's dirty data at the next
 * 5 s journal commit, before the commit block; ext4's delayed allocation leaves it to the flusher
 * (30–35 s). Independent of barriers: the article's two guests are "ext3, barriers off" and
 * "ext4, barriers on".
 */
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

/**
 * How a field of the configuration table is declared: the values it may hold (names, or
 * true/false), its default, and how each boundary spells it. The row's key is its name in a
 * scenario document and in the page's state.
 */
interface FieldSpec<V extends string | boolean, R extends boolean> {
  readonly values: readonly V[];
  /** What a document written before the field existed meant, so old links and files keep theirs. */
  readonly default: NoInfer<V>;
  /**
   * Its URL parameter, which is also the `<kvm-cache-diagram>` attribute: the attributes mirror
   * the URL (docs/embedding.md). A boolean is spelled on/off there.
   */
  readonly param: string;
  /** A second URL parameter the reader accepts too (QEMU's own spelling), or none. */
  readonly alias?: string;
  /**
   * Its parameter for the compared diagram's own value (`compareFs=ext3`), or null: the compared
   * diagram then follows the page's, live as on reloading the link (the faults).
   */
  readonly compare: string | null;
  /** Its `npm run matrix` option, or null when the safety matrix does not take it. */
  readonly cli: `--${string}` | null;
  /** Whether a scenario document must have it: only the two fields of the first version do. */
  readonly required: R;
  /**
   * When links and scenario files carry it: always, or only when it is not the default, so
   * ordinary links stay short and files keep their shape (docs/model.md §4).
   */
  readonly written: "always" | "unlessDefault";
}

function field<const V extends string | boolean, const R extends boolean>(
  spec: FieldSpec<V, R>,
): FieldSpec<V, R> {
  return spec;
}

/** The values of a yes/no field. */
const YES_NO = [true, false] as const;

/**
 * The configuration table: every field the user chooses, declared once. The model's types and
 * defaults, the scenario document and its validator, the URL, the element's attributes, the
 * compare link and the matrix's options all derive from it (docs/architecture.md, "Where a new
 * thing goes"). A new field is one row here plus its behaviour in the model.
 */
export const CONFIG_FIELDS = {
  /** The named cache mode (docs/model.md §2). */
  mode: field({
    values: CACHE_MODES,
    default: "writeback",
    param: "mode",
    alias: "cache",
    compare: "compare",
    cli: null,
    required: true,
    written: "always",
  }),
  /**
   * Whether the guest filesystem issues flushes (ext4's default, ext3 with `barrier=1`) or not
   * (ext3 as Debian 6 shipped it, ext4 with `barrier=0`). docs/model.md §3.
   */
  guestBarriers: field({
    values: YES_NO,
    default: true,
    param: "barriers",
    compare: "compareBarriers",
    cli: null,
    required: true,
    written: "always",
  }),
  guestFs: field({
    values: GUEST_FILESYSTEMS,
    default: "ext4",
    param: "fs",
    compare: "compareFs",
    cli: "--fs",
    required: false,
    written: "always",
  }),
  diskCache: field({
    values: DISK_CACHES,
    default: "volatile",
    param: "disk",
    compare: "compareDisk",
    cli: "--disk",
    required: false,
    written: "always",
  }),
  /** A fault: the drive acknowledges flushes without doing them (§4). */
  diskFlush: field({
    values: DISK_FLUSHES,
    default: "honoured",
    param: "flush",
    compare: null,
    cli: null,
    required: false,
    written: "unlessDefault",
  }),
  /**
   * Whether the host filesystem holding the image passes flushes to the drive; false is the fault
   * of an ext4 mounted `barrier=0`/`nobarrier` (or jbd having dropped barriers after an error):
   * fdatasync writes the data to the drive but sends it no FLUSH (§4).
   */
  hostBarriers: field({
    values: YES_NO,
    default: true,
    param: "hostbarriers",
    compare: null,
    cli: null,
    required: false,
    written: "unlessDefault",
  }),
  /**
   * Whether the drive may write blocks in another order than it received them when nothing
   * orders them (§8.14): journal commits then travel as blocks of their own, and can reach the
   * platters before the data they describe.
   */
  reorder: field({
    values: YES_NO,
    default: false,
    param: "reorder",
    compare: null,
    cli: null,
    required: false,
    written: "unlessDefault",
  }),
};

type Table = typeof CONFIG_FIELDS;
export type ConfigKey = keyof Table;

/** The table's keys, in its order (the order documents and links write them in). */
export const CONFIG_KEYS = Object.keys(CONFIG_FIELDS) as ConfigKey[];

/** One value per field of the table: the configuration as the page and a scenario hold it. */
export type ConfigFields = {
  readonly [K in ConfigKey]: Table[K]["values"][number];
};

/** The fields a scenario document must have; it may leave out the others. */
export type RequiredKey = {
  [K in ConfigKey]: Table[K]["required"] extends true ? K : never;
}[ConfigKey];

/** The table's defaults: QEMU's default mode and an ext4 guest with its default barriers. */
export const DEFAULT_CONFIG = Object.fromEntries(
  CONFIG_KEYS.map((key) => [key, CONFIG_FIELDS[key].default]),
) as ConfigFields;

/** `fields` with each field it leaves out (or leaves undefined) at the table's default. */
export function withDefaults(fields: Partial<ConfigFields>): ConfigFields {
  return Object.fromEntries(
    CONFIG_KEYS.map((key) => [key, fields[key] ?? DEFAULT_CONFIG[key]]),
  ) as ConfigFields;
}

/** The model's configuration: the table's fields, the mode as its switches, and the timing. */
export type Config = Omit<ConfigFields, "mode"> & {
  /** The named mode of `switches`, or null for a combination no name stands for. */
  readonly mode: CacheMode | null;
  readonly switches: CacheSwitches;
  readonly timing: Timing;
};

/** What `makeConfig` takes: any field left out has the table's default. */
export type ConfigInput = Partial<Omit<ConfigFields, "mode">> & {
  /** A named mode, or the three switches directly (`-drive cache.direct=on,…`). */
  readonly cache: CacheMode | CacheSwitches;
  readonly timing?: Partial<Timing>;
};

export function makeConfig(input: ConfigInput): Config {
  const { cache, timing, ...fields } = input;
  const switches = typeof cache === "string" ? MODE_SWITCHES[cache] : cache;
  return {
    ...withDefaults(fields),
    mode: modeOfSwitches(switches),
    switches,
    timing: { ...DEFAULT_TIMING, ...timing },
  };
}
