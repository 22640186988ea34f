/** docs/model.md §2, "A cache mode is three switches", row by row. */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES, makeConfig, modeOfSwitches, DEFAULT_TIMING } from "./config";

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
