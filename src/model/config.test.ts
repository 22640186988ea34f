/** docs/model.md §2, "A cache mode is three switches", row by row. */
import { describe, expect, it } from "vitest";
import {
  CACHE_MODES,
  CONFIG_FIELDS,
  CONFIG_KEYS,
  DEFAULT_CONFIG,
  MODE_SWITCHES,
  makeConfig,
  modeOfSwitches,
  DEFAULT_TIMING,
} from "./config";

const TABLE = [
  { mode: "writeback", writeCache: true, direct: false, noFlush: false },
  { mode: "none", writeCache: true, direct: true, noFlush: false },
  { mode: "writethrough", writeCache: false, direct: false, noFlush: false },
  { mode: "directsync", writeCache: false, direct: true, noFlush: false },
  { mode: "unsafe", writeCache: true, direct: false, noFlush: true },
] as const;

describe("cache modes as switches (docs/model.md §2)", () => {
  it.each(TABLE)("$mode: write cache $writeCache, O_DIRECT $direct, no-flush $noFlush", (row) => {
    expect(MODE_SWITCHES[row.mode]).toEqual({
      guestSeesWriteCache: row.writeCache,
      hostCacheBypassed: row.direct,
      flushesIgnored: row.noFlush,
    });
    expect(modeOfSwitches(MODE_SWITCHES[row.mode])).toBe(row.mode);
  });

  it("covers exactly QEMU's five named modes", () => {
    expect([...CACHE_MODES].sort()).toEqual(TABLE.map((r) => r.mode).sort());
  });

  it("names no mode for a combination QEMU has no name for", () => {
    const switches = { guestSeesWriteCache: false, hostCacheBypassed: true, flushesIgnored: true };
    expect(modeOfSwitches(switches)).toBeNull();
    expect(makeConfig({ cache: switches, guestBarriers: true }).mode).toBeNull();
  });

  it("defaults to a volatile disk cache and docs/model.md §5 timings, each overridable", () => {
    const config = makeConfig({
      cache: "none",
      guestBarriers: true,
      timing: { platterWriteMs: 8 },
    });
    expect(config.diskCache).toBe("volatile");
    expect(config.timing).toEqual({ ...DEFAULT_TIMING, platterWriteMs: 8 });
    expect(DEFAULT_TIMING).toMatchObject({
      dirtyExpireMs: 30_000,
      flusherIntervalMs: 5_000,
      journalCommitMs: 5_000,
    });
  });
});

describe("the configuration table", () => {
  /** The page's other parameters (src/link/url.ts, src/link/view.ts): no field may take one. */
  const OTHER_PARAMS = ["ops", "crash", "t", "tour", "step", "embed", "ledger", "present", "play"];

  it("gives every field names of its own in a link, as an attribute and for the compared side", () => {
    const names = CONFIG_KEYS.flatMap((key) => {
      const { param, alias, compare } = CONFIG_FIELDS[key];
      return [param, alias, compare].filter((n) => n !== undefined && n !== null);
    });
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(OTHER_PARAMS).not.toContain(name);
  });

  it("makes the model's configuration from the table's defaults", () => {
    const { mode, switches, timing, ...fields } = makeConfig({ cache: "writeback" });
    expect(mode).toBe(DEFAULT_CONFIG.mode);
    expect(switches).toEqual(MODE_SWITCHES.writeback);
    expect(timing).toEqual(DEFAULT_TIMING);
    expect({ ...fields, mode }).toEqual(DEFAULT_CONFIG);
  });
});
