/**
 * docs/model.md §2 and §4: where each mode's write arrow goes, leg by leg, for every drive cache,
 * with and without a fault below QEMU.
 */
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DEFAULT_TIMING, DISK_CACHES, makeConfig } from "./config";
import { arrowLegs } from "./legs";

type Row = readonly [mode: (typeof CACHE_MODES)[number], sound: string, faulty: string];

/** Legs as "layer → layer", per drive cache: volatile, off, battery. */
const TABLE: Readonly<Record<(typeof DISK_CACHES)[number], readonly Row[]>> = {
  volatile: [
    ["writeback", "red: host-page-cache", "red: host-page-cache"],
    ["none", "gray: disk-cache", "gray: disk-cache"],
    [
      "writethrough",
      "blue: host-page-cache → disk-cache → platters",
      "blue: host-page-cache → disk-cache",
    ],
    ["directsync", "blue: disk-cache → platters", "blue: disk-cache"],
    ["unsafe", "red: host-page-cache", "red: host-page-cache"],
  ],
  off: [
    ["writeback", "red: host-page-cache", "red: host-page-cache"],
    ["none", "gray: platters", "gray: platters"],
    ["writethrough", "blue: host-page-cache → platters", "blue: host-page-cache → platters"],
    ["directsync", "blue: platters", "blue: platters"],
    ["unsafe", "red: host-page-cache", "red: host-page-cache"],
  ],
  battery: [
    ["writeback", "red: host-page-cache", "red: host-page-cache"],
    ["none", "gray: disk-cache", "gray: disk-cache"],
    ["writethrough", "blue: host-page-cache → disk-cache", "blue: host-page-cache → disk-cache"],
    ["directsync", "blue: disk-cache", "blue: disk-cache"],
    ["unsafe", "red: host-page-cache", "red: host-page-cache"],
  ],
};

const words = (l: ReturnType<typeof arrowLegs>) =>
  `${l.colour}: ${l.legs.map((leg) => leg.to).join(" → ")}`;

describe("arrowLegs", () => {
  for (const diskCache of DISK_CACHES) {
    it.each(TABLE[diskCache])(`disk cache ${diskCache}: %s`, (mode, sound, faulty) => {
      const config = (faults = {}) =>
        makeConfig({ cache: mode, guestBarriers: true, diskCache, ...faults });
      expect(words(arrowLegs(config()))).toBe(sound);
      expect(words(arrowLegs(config({ diskFlush: "ignored" })))).toBe(faulty);
      expect(words(arrowLegs(config({ hostBarriers: false })))).toBe(faulty);
    });
  }

  it("each leg takes the model's estimate for its hop (docs/model.md §5)", () => {
    const legs = arrowLegs(makeConfig({ cache: "writethrough", guestBarriers: true })).legs;
    expect(legs.map((l) => l.durMs)).toEqual([
      DEFAULT_TIMING.pageCacheCopyMs,
      DEFAULT_TIMING.diskCacheAckMs,
      DEFAULT_TIMING.platterWriteMs,
    ]);
  });
});
