/**
 * The configuration in the URL (`?mode=none&barriers=off&disk=volatile`). A bad parameter never
 * blanks the page: it yields a notice naming it and the default used, and the good ones are kept.
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, CONFIG_FIELDS, CONFIG_KEYS, DISK_CACHES } from "../model/config";
import { DEFAULT_CONFIG } from "../scenario/session";
import { MAX_URL_OPS, readUrlConfig, readUrlScenario } from "./url";
import { writeUrlScenario } from "./urlWrite";

describe("readUrlConfig", () => {
  it("without parameters gives the default configuration and no notice", () => {
    expect(readUrlConfig("")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
    expect(readUrlConfig("?")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });

  it("reads valid parameters, with or without the leading ?", () => {
    const expected = {
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "battery",
    };
    expect(readUrlConfig("?mode=none&barriers=off&disk=battery")).toEqual({
      config: expected,
      notices: [],
    });
    expect(readUrlConfig("disk=battery&barriers=off&mode=none").config).toEqual(expected);
  });

  it.each(CACHE_MODES)("accepts mode=%s", (mode) => {
    expect(readUrlConfig(`?mode=${mode}`)).toEqual({
      config: { ...DEFAULT_CONFIG, mode },
      notices: [],
    });
  });

  it.each(DISK_CACHES)("accepts disk=%s", (diskCache) => {
    expect(readUrlConfig(`?disk=${diskCache}`)).toEqual({
      config: { ...DEFAULT_CONFIG, diskCache },
      notices: [],
    });
  });

  it("barriers=on and barriers=off set whether the guest issues barriers", () => {
    expect(readUrlConfig("?barriers=on").config.guestBarriers).toBe(true);
    expect(readUrlConfig("?barriers=off").config.guestBarriers).toBe(false);
  });

  it("fills a missing parameter with its default", () => {
    expect(readUrlConfig("?barriers=off")).toEqual({
      config: { ...DEFAULT_CONFIG, guestBarriers: false },
      notices: [],
    });
  });

  it("ignores parameters it does not own", () => {
    expect(readUrlConfig("?embed=1&mode=unsafe&t=3")).toEqual({
      config: { ...DEFAULT_CONFIG, mode: "unsafe" },
      notices: [],
    });
  });

  it("a bad mode yields a notice naming it and the default used; the good parameters are kept", () => {
    const { config, notices } = readUrlConfig("?mode=writebak&barriers=off&disk=off");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "writeback",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "off",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“mode”");
    expect(notices[0]).toContain('"writebak"');
    expect(notices[0]).toContain("using writeback instead");
  });

  it("a bad barriers value yields a notice in the URL's own words (on or off)", () => {
    const { config, notices } = readUrlConfig("?mode=none&barriers=maybe&disk=battery");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: true,
      guestFs: "ext4",
      diskCache: "battery",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“barriers”");
    expect(notices[0]).toContain("on or off");
    expect(notices[0]).not.toContain("true or false");
    expect(notices[0]).toContain("using on instead");
  });

  it("a bad disk yields a notice naming it and the default used", () => {
    const { config, notices } = readUrlConfig("?mode=directsync&barriers=off&disk=ssd");
    expect(config).toEqual({
      ...DEFAULT_CONFIG,
      mode: "directsync",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“disk”");
    expect(notices[0]).toContain("using volatile instead");
  });

  it("says in full which parameter is bad, why, and what is used instead", () => {
    expect(readUrlConfig("?mode=writebak").notices).toEqual([
      'The URL parameter “mode” is not valid (expected one of writeback, none, writethrough, directsync, unsafe, got "writebak"); using writeback instead.',
    ]);
  });

  it("with every parameter of the table bad, gives one notice each and the defaults", () => {
    const search = CONFIG_KEYS.map((key) => `${CONFIG_FIELDS[key].param}=zz`).join("&");
    const { config, notices } = readUrlConfig(`?${search}`);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(CONFIG_KEYS.length);
  });

  it("names the values a parameter allows", () => {
    const [notice] = readUrlConfig("?disk=ssd").notices;
    for (const value of DISK_CACHES) expect(notice).toContain(value);
  });

  it("with every parameter bad, gives one notice per parameter and the defaults", () => {
    const { config, notices } = readUrlConfig("?mode=x&barriers=y&fs=xfs&disk=z");
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(4);
    expect(notices.map((n) => /“(\w+)”/.exec(n)?.[1]).sort()).toEqual([
      "barriers",
      "disk",
      "fs",
      "mode",
    ]);
  });

  it.each(["ext3", "ext4"] as const)("accepts fs=%s; a link without fs= means ext4", (guestFs) => {
    expect(readUrlConfig(`?fs=${guestFs}`).config.guestFs).toBe(guestFs);
    expect(readUrlConfig("?mode=none").config.guestFs).toBe("ext4");
    const { notices } = readUrlConfig("?fs=btrfs");
    expect(notices[0]).toContain("“fs”");
    expect(notices[0]).toContain("ext3, ext4");
  });

  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ] as const)("barriers=%s reads as %s", (value, expected) => {
    expect(readUrlConfig(`?barriers=${value}`)).toEqual({
      config: { ...DEFAULT_CONFIG, guestBarriers: expected },
      notices: [],
    });
  });

  it("reads a field without an alias from its own parameter only", () => {
    expect(readUrlConfig("?undefined=off&null=off")).toEqual({
      config: DEFAULT_CONFIG,
      notices: [],
    });
  });

  it("accepts QEMU's own spelling, cache=", () => {
    expect(readUrlConfig("?cache=directsync").config.mode).toBe("directsync");
  });

  it.each(["yes", "", "on ", "2"])(
    "barriers accepts on/off (or true/false, 1/0) only, not %j",
    (value) => {
      const { config, notices } = readUrlConfig(`?mode=none&barriers=${encodeURIComponent(value)}`);
      expect(config).toEqual({ ...DEFAULT_CONFIG, mode: "none" });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain("“barriers”");
    },
  );

  it("an empty mode is a bad mode, not a missing one", () => {
    const { notices } = readUrlConfig("?mode=");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“mode”");
  });

  it("forgives letter case: a hand-typed link still works", () => {
    expect(readUrlConfig("?mode=None&barriers=OFF&disk=Battery")).toEqual({
      config: {
        ...DEFAULT_CONFIG,
        mode: "none",
        guestBarriers: false,
        guestFs: "ext4",
        diskCache: "battery",
      },
      notices: [],
    });
  });
});

describe("readUrlScenario and writeUrlScenario", () => {
  const doc = {
    config: {
      ...DEFAULT_CONFIG,
      mode: "none",
      guestBarriers: false,
      guestFs: "ext3",
      diskCache: "volatile",
    },
    ops: [
      { atMs: 0, kind: "osync" },
      { atMs: 12.5, kind: "normal" },
      { atMs: 0.001, kind: "barrier" },
    ],
    crash: { atMs: 0.08, kind: "power" },
  } as const;

  it("writes a readable link and reads back the same scenario and moment", () => {
    const search = writeUrlScenario("", doc, 0.05);
    expect(search).toBe(
      "?mode=none&barriers=off&fs=ext3&disk=volatile&ops=osync@0,normal@12.5,barrier@0.001&crash=power@0.08&t=0.05",
    );
    expect(readUrlScenario(search)).toEqual({ doc, tMs: 0.05, notices: [] });
  });

  it("round-trips instants that are sums of small constants exactly enough", () => {
    const t = 0.001 + 0.03 + 0.1 + 14;
    const back = readUrlScenario(writeUrlScenario("", { ...doc, crash: null }, t));
    expect(back.tMs).toBeCloseTo(t, 12);
  });

  it("a configuration-only link (the old kind) still opens, with no writes", () => {
    expect(readUrlScenario("?mode=none&barriers=off&disk=volatile")).toEqual({
      doc: {
        config: { ...DEFAULT_CONFIG, mode: "none", guestBarriers: false },
        ops: [],
        crash: null,
      },
      tMs: null,
      notices: [],
    });
  });

  it("drops ops, crash and t from a link without writes or failure", () => {
    const search = writeUrlScenario(
      "?ops=normal@1&crash=power@2&t=3",
      { ...doc, ops: [], crash: null },
      0,
    );
    const params = new URLSearchParams(search);
    expect(params.has("ops") || params.has("crash") || params.has("t")).toBe(false);
  });

  it.each([
    ["ops=fsync@0", "ops", "write 1 (“fsync@0”) is not kind@ms"],
    ["ops=osync@-1", "ops", "write 1"],
    ["ops=osync@0,normal", "ops", "write 2 (“normal”)"],
    ["ops=osync@1@2", "ops", "write 1"],
    ["ops=%00%01", "ops", "(“␀␁”)"],
    ["crash=meteor@5", "crash", "“meteor@5” is not kind@ms"],
    ["crash=power@1e13", "crash", "is not kind@ms"],
    ["t=soon", "t", "got “soon”"],
    ["t=-3", "t", "got “-3”"],
  ])("a hostile %s gets a notice naming “%s”, and the rest still loads", (param, name, words) => {
    const { doc: read, notices } = readUrlScenario(`?mode=directsync&${param}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`“${name}”`);
    expect(notices[0]).toContain(words);
    expect(read.config.mode).toBe("directsync");
  });

  it.each(["Infinity", "-Infinity", "NaN", "-0.001", "1000000000001", "1e300", "", " ", "5ms"])(
    "t=%s is outside 0 to 1e12 ms: a notice, and the playhead starts at 0",
    (t) => {
      const { tMs, notices } = readUrlScenario(`?ops=normal@0&t=${encodeURIComponent(t)}`);
      expect(tMs).toBeNull();
      expect(notices).toEqual([
        `The URL parameter “t” is not valid (expected a time in ms from 0 to 1e12, got “${t}”); starting at 0.`,
      ]);
    },
  );

  it.each([
    ["0", 0],
    ["1e12", 1e12],
    ["0.001", 0.001],
  ])("t=%s is inside the bounds", (t, expected) => {
    expect(readUrlScenario(`?ops=normal@0&t=${t}`)).toMatchObject({ tMs: expected, notices: [] });
  });

  it.each([
    "normal@Infinity",
    "normal@NaN",
    "normal@-0.001",
    "normal@1000000000001",
    "normal@",
    "normal",
    "@5",
    "normal@5@",
  ])("ops=%s is refused whole: no writes, and a notice naming the write", (item) => {
    const { doc: read, notices } = readUrlScenario(`?ops=osync@0,${encodeURIComponent(item)}`);
    expect(read.ops).toEqual([]);
    expect(notices).toEqual([
      `The URL parameter “ops” is not valid (write 2 (“${item}”) is not kind@ms, kind one of normal, osync, barrier, odirect); no writes were loaded.`,
    ]);
  });

  it("takes a write at the last instant a scenario may hold (1e12 ms)", () => {
    expect(readUrlScenario("?ops=normal@1e12&crash=power@1e12")).toMatchObject({
      doc: { ops: [{ atMs: 1e12, kind: "normal" }], crash: { atMs: 1e12, kind: "power" } },
      notices: [],
    });
  });

  it.each([
    "power@Infinity",
    "power@NaN",
    "power@-1",
    "power@1000000000001",
    "power@",
    "power",
    "power@1@2",
    "@1",
  ])("crash=%s is refused: no failure, and a notice", (raw) => {
    const { doc: read, notices } = readUrlScenario(`?crash=${encodeURIComponent(raw)}`);
    expect(read.crash).toBeNull();
    expect(notices).toEqual([
      `The URL parameter “crash” is not valid (“${raw}” is not kind@ms, kind one of guest, qemu, host, power); no failure was loaded.`,
    ]);
  });

  it("names the bad write by its place, past the ninth too", () => {
    const ops = [...Array.from({ length: 10 }, () => "normal@0"), "fsync@0"].join(",");
    expect(readUrlScenario(`?ops=${ops}`).notices[0]).toContain("write 11 (“fsync@0”)");
  });

  it("a bad configuration parameter's notice comes with the scenario's", () => {
    expect(readUrlScenario("?mode=x&t=soon").notices.map((n) => /“(\w+)”/.exec(n)?.[1])).toEqual([
      "mode",
      "t",
    ]);
  });

  it("a theme that is not one is named, with the themes allowed and auto used instead", () => {
    expect(readUrlScenario("?theme=purple").notices).toEqual([
      "The URL parameter “theme” is not valid (expected one of auto, light, dark, got “purple”); following the browser's light or dark setting (auto) instead.",
    ]);
    for (const theme of ["light", "dark", "auto", "Dark"])
      expect(readUrlScenario(`?theme=${theme}`).notices).toEqual([]);
  });

  it("an empty ops= is no writes, not a bad one", () => {
    expect(readUrlScenario("?ops=")).toMatchObject({ doc: { ops: [] }, notices: [] });
  });

  it("takes exactly as many writes as a link may carry", () => {
    const ops = Array.from({ length: MAX_URL_OPS }, () => "normal@0").join(",");
    expect(readUrlScenario(`?ops=${ops}`).doc.ops).toHaveLength(MAX_URL_OPS);
  });

  it("refuses more writes than a link may carry, naming the limit", () => {
    const ops = Array.from({ length: MAX_URL_OPS + 1 }, () => "normal@0").join(",");
    const { doc: read, notices } = readUrlScenario(`?ops=${ops}`);
    expect(read.ops).toEqual([]);
    expect(notices).toEqual([
      `The URL parameter “ops” is not valid (at most ${String(MAX_URL_OPS)} writes in a link, got ${String(MAX_URL_OPS + 1)}); no writes were loaded.`,
    ]);
  });

  it("never shows half an emoji or a raw escape", () => {
    const { notices } = readUrlScenario(`?t=${encodeURIComponent("😀".repeat(50))}`);
    expect(notices[0]).toContain(`${"😀".repeat(40)}…`);
    expect(notices[0]).not.toMatch(/\\u/);
  });
});
