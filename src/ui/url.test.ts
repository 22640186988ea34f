/**
 * The configuration in the URL (`?mode=none&barriers=off&disk=volatile`). A bad parameter never
 * blanks the page: it yields a notice naming it and the default used, and the good ones are kept.
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DISK_CACHES } from "../model/config";
import { DEFAULT_CONFIG, type SessionConfig } from "../store/session";
import { readUrlConfig, writeUrlConfig } from "./url";

describe("readUrlConfig", () => {
  it("without parameters gives the default configuration and no notice", () => {
    expect(readUrlConfig("")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
    expect(readUrlConfig("?")).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });

  it("reads valid parameters, with or without the leading ?", () => {
    const expected = { mode: "none", guestBarriers: false, guestFs: "ext4", diskCache: "battery" };
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
      mode: "directsync",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("“disk”");
    expect(notices[0]).toContain("using volatile instead");
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
      config: { mode: "none", guestBarriers: false, guestFs: "ext4", diskCache: "battery" },
      notices: [],
    });
  });
});

describe("writeUrlConfig", () => {
  const configs: SessionConfig[] = CACHE_MODES.flatMap((mode) =>
    [true, false].flatMap((guestBarriers) =>
      (["ext3", "ext4"] as const).flatMap((guestFs) =>
        DISK_CACHES.map((diskCache) => ({ mode, guestBarriers, guestFs, diskCache })),
      ),
    ),
  );

  it("round-trips every configuration through readUrlConfig", () => {
    for (const config of configs) {
      expect(readUrlConfig(writeUrlConfig("", config))).toEqual({ config, notices: [] });
    }
  });

  it("writes the URL's own vocabulary", () => {
    expect(
      writeUrlConfig("", {
        mode: "none",
        guestBarriers: false,
        guestFs: "ext4",
        diskCache: "volatile",
      }),
    ).toBe("?mode=none&barriers=off&fs=ext4&disk=volatile");
  });

  it("keeps unrelated parameters and replaces its own in place", () => {
    const search = writeUrlConfig("?embed=1&mode=unsafe&lang=en", {
      mode: "writethrough",
      guestBarriers: true,
      guestFs: "ext4",
      diskCache: "off",
    });
    const params = new URLSearchParams(search);
    expect(params.get("embed")).toBe("1");
    expect(params.get("lang")).toBe("en");
    expect(params.getAll("mode")).toEqual(["writethrough"]);
    expect(search.startsWith("?")).toBe(true);
    expect(readUrlConfig(search).config).toEqual({
      mode: "writethrough",
      guestBarriers: true,
      guestFs: "ext4",
      diskCache: "off",
    });
  });

  it("replaces a bad parameter by a good one", () => {
    const search = writeUrlConfig("?barriers=maybe", DEFAULT_CONFIG);
    expect(readUrlConfig(search)).toEqual({ config: DEFAULT_CONFIG, notices: [] });
  });
});
