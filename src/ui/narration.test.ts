/**
 * The caption under the diagram: what the current configuration means. A user changing any
 * control should see the caption change, the colour it names should be the arrow drawn, and the
 * warning about never-synced buffered writes is always there (docs/model.md §6.3).
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DISK_CACHES, type CacheMode } from "../model/config";
import type { SessionConfig } from "../store/session";
import { caption } from "./narration";

const ALL: SessionConfig[] = CACHE_MODES.flatMap((mode) =>
  [true, false].flatMap((guestBarriers) =>
    DISK_CACHES.map((diskCache) => ({ mode, guestBarriers, diskCache })),
  ),
);

/** The arrow each mode's writes take (docs/model.md, the colour table). */
const ARROW_OF: Readonly<Record<CacheMode, "red" | "gray" | "blue">> = {
  writeback: "red",
  unsafe: "red",
  none: "gray",
  writethrough: "blue",
  directsync: "blue",
};

const label = (c: SessionConfig) =>
  `${c.mode}, barriers ${c.guestBarriers ? "on" : "off"}, disk ${c.diskCache}`;

describe("caption", () => {
  it("differs between modes", () => {
    for (const guestBarriers of [true, false]) {
      const texts = CACHE_MODES.map((mode) =>
        caption({ mode, guestBarriers, diskCache: "volatile" }),
      );
      expect(new Set(texts).size).toBe(CACHE_MODES.length);
    }
  });

  it.each(CACHE_MODES.filter((m) => m !== "directsync"))(
    "%s: differs with guest barriers on and off",
    (mode) => {
      expect(
        caption({ mode, guestBarriers: true, guestFs: "ext4", diskCache: "volatile" }),
      ).not.toBe(caption({ mode, guestBarriers: false, guestFs: "ext4", diskCache: "volatile" }));
    },
  );

  it("differs for every configuration", () => {
    const texts = ALL.map(caption);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it.each(ALL.map((c) => [label(c), c] as const))(
    "%s: names the mode's own arrow colour and no other",
    (_, config) => {
      const text = caption(config);
      const colours = new Set(text.match(/\b(red|gray|blue)\b/g));
      expect([...colours]).toEqual([ARROW_OF[config.mode]]);
      expect(text).toContain(`(${ARROW_OF[config.mode]})`);
    },
  );

  it("mentions green for the modes whose flushes reach QEMU when the guest sends barriers", () => {
    expect(
      caption({ mode: "writeback", guestBarriers: true, guestFs: "ext4", diskCache: "volatile" }),
    ).toContain("(green)");
    expect(
      caption({ mode: "none", guestBarriers: true, guestFs: "ext4", diskCache: "volatile" }),
    ).toContain("(green)");
    expect(
      caption({ mode: "unsafe", guestBarriers: true, guestFs: "ext4", diskCache: "volatile" }),
    ).toContain("green refused");
    expect(
      caption({ mode: "writeback", guestBarriers: false, guestFs: "ext4", diskCache: "volatile" }),
    ).not.toContain("green");
  });

  it("starts with the mode's name", () => {
    for (const config of ALL)
      expect(caption(config).startsWith(config.mode), label(config)).toBe(true);
  });

  it.each(CACHE_MODES)("%s: adds the disk-cache sentence for a disk cache that is off", (mode) => {
    for (const guestBarriers of [true, false]) {
      const volatile = caption({ mode, guestBarriers, diskCache: "volatile" });
      const off = caption({ mode, guestBarriers, diskCache: "off" });
      // none's own sentence says where its gray arrow ends; the others add a sentence.
      expect(off).toMatch(
        mode === "none"
          ? /on the platters \(gray\), since the disk's write cache is off/
          : /write cache is off/,
      );
      if (mode !== "none") expect(off).toContain("straight to the platters");
      expect(volatile).not.toContain("write cache is off");
    }
  });

  it.each(CACHE_MODES)("%s: adds the disk-cache sentence for a battery-backed cache", (mode) => {
    for (const guestBarriers of [true, false]) {
      const volatile = caption({ mode, guestBarriers, diskCache: "volatile" });
      const battery = caption({ mode, guestBarriers, diskCache: "battery" });
      expect(battery).toContain("battery-backed");
      expect(battery).toContain("survives a power cut");
      expect(volatile).not.toContain("battery");
    }
  });

  it("always warns that buffered writes never synced are unsafe", () => {
    for (const config of ALL) {
      const text = caption(config);
      expect(text, label(config)).toMatch(/never synced are unsafe in every mode/);
      expect(text, label(config)).toContain("guest RAM");
    }
  });

  it("says that writeback without barriers can lose ~30 s of synced data", () => {
    expect(
      caption({ mode: "writeback", guestBarriers: false, guestFs: "ext4", diskCache: "volatile" }),
    ).toMatch(/30–35 s of “synced” data/);
  });

  it("says that cache=none is not 'no cache'", () => {
    expect(
      caption({ mode: "none", guestBarriers: true, guestFs: "ext4", diskCache: "volatile" }),
    ).toContain("“none” is not “no cache”");
  });

  it("reads as sentences: no doubled spaces, ends with a full stop", () => {
    for (const config of ALL) {
      const text = caption(config);
      expect(text, label(config)).not.toMatch(/ {2}/);
      expect(text.endsWith("."), label(config)).toBe(true);
    }
  });
});
