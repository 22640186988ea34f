/**
 * The caption under the diagram: what the current configuration means. A user changing any
 * control should see the caption change, the colour it names should be the arrow drawn, every
 * sentence should be true to docs/model.md, and the warning about buffered writes is always there
 * (docs/model.md §6.3, §6.11).
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS, type CacheMode } from "../model/config";
import { matrixRow } from "../model/matrix";
import { DEFAULT_CONFIG, type SessionConfig } from "../scenario/session";
import { EVERY_CONFIG } from "../store/testing";
import { caption } from "./narration";

const ALL = EVERY_CONFIG;

const base: SessionConfig = {
  ...DEFAULT_CONFIG,
  mode: "writeback",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
};

/** The arrow each mode's writes take (docs/model.md, the colour table). */
const ARROW_OF: Readonly<Record<CacheMode, "red" | "gray" | "blue">> = {
  writeback: "red",
  unsafe: "red",
  none: "gray",
  writethrough: "blue",
  directsync: "blue",
};

const label = (c: SessionConfig) =>
  `${c.mode}, barriers ${c.guestBarriers ? "on" : "off"}, disk ${c.diskCache}, ${c.guestFs}`;

const cases = ALL.map((c) => [label(c), c] as const);

/** Whether the model says synced data survives a power cut in this configuration. */
const syncedSafe = (c: SessionConfig) =>
  matrixRow(c.mode, c.guestBarriers, "osync", { diskCache: c.diskCache, guestFs: c.guestFs })
    .safeOnPowerLoss;

describe("caption", () => {
  it("differs between modes", () => {
    for (const guestBarriers of [true, false]) {
      const texts = CACHE_MODES.map((mode) => caption({ ...base, mode, guestBarriers }));
      expect(new Set(texts).size).toBe(CACHE_MODES.length);
    }
  });

  it.each(CACHE_MODES)("%s: differs with guest barriers on and off", (mode) => {
    expect(caption({ ...base, mode, guestBarriers: true })).not.toBe(
      caption({ ...base, mode, guestBarriers: false }),
    );
  });

  it("differs for every configuration", () => {
    const texts = ALL.map(caption);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(cases)("%s: names the mode's own arrow colour and no other", (_, config) => {
    const text = caption(config);
    const colours = new Set(text.match(/\b(red|gray|blue)\b/g));
    expect([...colours]).toEqual([ARROW_OF[config.mode]]);
    expect(text).toContain(`(${ARROW_OF[config.mode]})`);
  });

  it("mentions green for the modes whose flushes reach QEMU when the guest sends barriers", () => {
    expect(caption(base)).toContain("(green)");
    expect(caption({ ...base, mode: "none" })).toContain("(green)");
    expect(caption({ ...base, mode: "unsafe" })).toContain("green refused");
    for (const mode of CACHE_MODES)
      expect(caption({ ...base, mode, guestBarriers: false })).not.toContain("green");
  });

  it.each(cases)("%s: starts with the mode's name", (_, config) => {
    expect(caption(config).startsWith(`${config.mode}: `)).toBe(true);
  });

  it.each(cases)("%s: reads as two or three sentences", (_, config) => {
    const text = caption(config);
    expect(text).not.toMatch(/ {2}/);
    expect(text.endsWith(".")).toBe(true);
    const sentences = text.split(/(?<=\.) (?=[A-Z])/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
  });

  it.each(cases)("%s: always warns about buffered writes, by filesystem", (_, config) => {
    const text = caption(config);
    expect(text).toContain("In every mode, writethrough included, a buffered write() returns");
    expect(text).toContain("guest RAM");
    if (config.guestFs === "ext3") {
      expect(text).toContain("ext3 (data=ordered) writes it out at the next 5 s journal commit");
      expect(text).not.toContain("30–35 s after it was dirtied");
    } else {
      expect(text).toContain("30–35 s after it was dirtied (ext4's delayed allocation)");
      expect(text).not.toContain("journal commit");
    }
  });

  it.each(cases)("%s: agrees with the model on synced data", (_, config) => {
    const text = caption(config);
    const survives = "O_SYNC writes and fsync'd data survive a power cut once the call returns";
    if (syncedSafe(config)) {
      expect(text).toContain(survives);
      expect(text).not.toMatch(/unsafe for a database|loses|can be lost/);
    } else {
      expect(text).not.toContain(survives);
      expect(text).toMatch(/power cut (in that window )?loses|can be lost on a power cut/);
    }
  });

  it.each(cases)("%s: explains why a guest without barriers sends no flushes", (_, config) => {
    const text = caption(config);
    if (config.guestBarriers) {
      expect(text).not.toContain("no barriers");
      expect(text).not.toContain("Debian 6");
    } else if (config.guestFs === "ext3") {
      expect(text).toContain("ext3 as Debian 6 shipped it has none unless mounted barrier=1");
    } else {
      expect(text).toContain("ext4 mounted barrier=0 or nobarrier");
    }
  });
});

describe("caption: the review's false sentences are gone", () => {
  it.each(cases)("%s", (_, config) => {
    const text = caption(config);
    // directsync, and none with its drive cache off or protected, give the same guarantee.
    expect(text).not.toMatch(/only mode (fully )?safe/);
    // Only the virtual disk's writes go through; a buffered write() returns from guest RAM.
    expect(text).not.toMatch(/every write reaches/);
    // A verdict, not a comparison left hanging.
    expect(text).not.toContain("same exposure as bare metal");
    // A flush covers what the virtual disk had completed, not "everything acknowledged".
    expect(text).not.toMatch(/everything acknowledged|whatever was acknowledged/);
    expect(text).not.toContain("Fully safe");
    // unsafe does not ignore flushes altogether: QEMU still writes out its own caches.
    expect(text).not.toMatch(/flushes would be ignored/);
  });
});

describe("caption: the true sentences are there", () => {
  it("a passed flush covers the writes the virtual disk had completed before it", () => {
    for (const mode of ["writeback", "none"] as const)
      for (const diskCache of DISK_CACHES)
        expect(caption({ ...base, mode, diskCache })).toContain(
          "(green) that puts every write the virtual disk had completed before the flush",
        );
  });

  it("writethrough and directsync: only the virtual disk's writes go through", () => {
    for (const mode of ["writethrough", "directsync"] as const) {
      const text = caption({ ...base, mode });
      expect(text).toContain("each write to the virtual disk");
      expect(text).toContain("In every mode, writethrough included, a buffered write() returns");
    }
    expect(caption({ ...base, mode: "writethrough" })).toContain("clean copy");
    expect(caption({ ...base, mode: "directsync" })).toContain("bypasses the host page cache");
  });

  it("a guest without barriers: writethrough is not the only safe mode", () => {
    for (const diskCache of DISK_CACHES) {
      const wt = caption({ ...base, mode: "writethrough", guestBarriers: false, diskCache });
      const ds = caption({ ...base, mode: "directsync", guestBarriers: false, diskCache });
      expect(wt).toContain("as under directsync");
      expect(ds).toContain("as under writethrough");
      for (const text of [wt, ds]) expect(text).toMatch(/under none/);
    }
  });

  it("writeback without barriers: ~35 s of synced data at risk, and the filesystem's consistency", () => {
    for (const guestFs of GUEST_FILESYSTEMS) {
      const text = caption({ ...base, guestBarriers: false, guestFs });
      expect(text).toContain(
        "even O_SYNC and fsync'd data waits there for up to about 35 s with Linux's default timers",
      );
      expect(text).toContain("A host crash or power cut in that window loses it");
      expect(text).toContain("host writeback picks its own order");
      expect(text).toContain("inconsistent");
    }
  });

  it("none without barriers on a volatile drive cache: bare metal's exposure, with its verdict", () => {
    const text = caption({ ...base, mode: "none", guestBarriers: false });
    expect(text).toContain("bare metal's exposure");
    expect(text).toContain("synced data can be lost on a power cut while it sits in the drive's");
    expect(text).toContain(
      "unsafe for a database unless the drive's cache is turned off or battery-backed",
    );
  });

  it("none without barriers on a drive cache that is off or battery-backed: safe", () => {
    for (const diskCache of ["off", "battery"] as const) {
      const text = caption({ ...base, mode: "none", guestBarriers: false, diskCache });
      expect(text).toContain("It needs none");
      expect(text).toContain("already on stable storage");
    }
  });

  it("says that cache=none is not 'no cache'", () => {
    expect(caption({ ...base, mode: "none" })).toContain("“none” is not “no cache”");
  });

  it("unsafe: QEMU still hands its caches to the host; survives a guest crash and a QEMU kill", () => {
    const on = caption({ ...base, mode: "unsafe" });
    expect(on).toContain("QEMU hands its own caches to the host but skips the fdatasync");
    for (const guestBarriers of [true, false]) {
      const text = caption({ ...base, mode: "unsafe", guestBarriers });
      expect(text).toContain("survives a guest crash, and a QEMU kill with a raw image");
      expect(text).toContain(
        "a host crash or power cut loses whatever is not yet on stable storage",
      );
    }
  });

  it("ext3 needs barrier=1 for flushes; ext4 sends them by default", () => {
    expect(caption({ ...base, guestFs: "ext3" })).toContain("ext3 mounted barrier=1");
    expect(caption(base)).toContain("ext4 sends these flushes by default");
  });

  it("a drive cache that is off or protected does not save data still in host RAM", () => {
    expect(
      caption({
        ...base,
        guestBarriers: false,
        diskCache: "off",
      }),
    ).toContain("even with the drive's write cache off");
    expect(
      caption({
        ...base,
        mode: "unsafe",
        diskCache: "battery",
      }),
    ).toContain("even with a battery-backed drive cache");
  });
});

describe("caption under a fault below QEMU (docs/model.md §4)", () => {
  const base = {
    guestBarriers: true,
    guestFs: "ext4",
    diskCache: "volatile",
    diskFlush: "ignored",
    hostBarriers: true,
    reorder: false,
  } as const;

  it("says where QEMU's flushes end when they would otherwise make data durable", () => {
    for (const mode of ["writeback", "none", "writethrough", "directsync"] as const) {
      expect(caption({ ...base, mode })).toMatch(/this drive ignores cache flushes/);
      expect(caption({ ...base, mode, diskFlush: "honoured", hostBarriers: false })).toMatch(
        /mounted without barriers/,
      );
    }
  });

  it("stays quiet where the fault changes nothing", () => {
    // QEMU sends nothing down (unsafe), the guest sends nothing, or no volatile cache to fill.
    expect(caption({ ...base, mode: "unsafe" })).not.toMatch(/ignores cache flushes/);
    expect(caption({ ...base, mode: "writeback", guestBarriers: false })).not.toMatch(
      /ignores cache flushes/,
    );
    expect(caption({ ...base, mode: "none", diskCache: "off" })).not.toMatch(
      /ignores cache flushes/,
    );
  });
});

describe("caption: issue 18's wording fixes", () => {
  it.each(cases)("%s: no doubled word", (_, config) => {
    expect(caption(config)).not.toMatch(/\b(\w+) \1\b/);
  });

  it("under a fault, the destage estimate is said once: “about 0.1 s in the model”", () => {
    const text = caption({ ...base, mode: "none", diskFlush: "ignored" });
    expect(text).toContain("(about 0.1 s in the model, an estimate)");
  });

  // Item 11: writethrough costs speed beside none only where none acknowledges in a volatile cache.
  it.each(DISK_CACHES)(
    "writethrough without barriers, drive cache %s: speed is its price only when volatile",
    (diskCache) => {
      const text = caption({ ...base, mode: "writethrough", guestBarriers: false, diskCache });
      expect(text.includes("the price is speed")).toBe(diskCache === "volatile");
    },
  );

  // Review of issue 18 (item 11's twin): with barriers too, the article's "far slower" contrast holds
  // only on a volatile drive cache; with the cache off none waits for the platters as well, and
  // with a battery-backed cache every mode's wait ends in that cache.
  it.each(DISK_CACHES)(
    "writethrough with barriers, drive cache %s: far slower than none only when volatile",
    (diskCache) => {
      const text = caption({ ...base, mode: "writethrough", guestBarriers: true, diskCache });
      expect(text.includes("far slower than writeback and none")).toBe(diskCache === "volatile");
      expect(text.includes("as under none with this drive's cache off")).toBe(diskCache === "off");
    },
  );

  // Item 2: the article's Debian 6 guest on a virtio disk (docs/model.md §2).
  it.each(["writethrough", "directsync"] as const)(
    "%s, the Debian 6 guest: the ✔ names the CONFIG_WCE caveat and the mode it falls back to",
    (mode) => {
      const text = caption({ ...base, mode, guestFs: "ext3", guestBarriers: false });
      expect(text).toContain("knows FLUSH but not CONFIG_WCE (such as Debian 6's 2.6.32)");
      expect(text).toContain(`behaves as ${mode === "writethrough" ? "writeback" : "none"}.`);
      // Review of issue 18: the caveat names what it withdraws (synced writes' safety); a bare
      // "except" after "the price is speed" qualified that clause instead of the ✔.
      expect(text).toMatch(
        /CONFIG_WCE \(such as Debian 6's 2\.6\.32\), though, synced writes are not safe/,
      );
      // With barriers the guest flushes whatever it sees: no caveat.
      expect(caption({ ...base, mode })).not.toContain("CONFIG_WCE");
    },
  );
});
