import { describe, expect, it } from "vitest";
import { aioTrait, Findings, noteTraits } from "./findings";

const WRITEBACK = { mode: "writeback", explicit: true, note: null } as const;

describe("Findings", () => {
  it("adds a disk for a setting, and for a sentence skips the disk and says why", () => {
    const found = new Findings();
    expect(found.disk("vda", "/a.img", WRITEBACK)).toBe(true);
    expect(found.disk("vdb", "/b.img", "vdb is left out.")).toBe(false);
    expect(found.disks).toEqual([{ name: "vda", source: "/a.img", ...WRITEBACK }]);
    expect(found.sentences()).toEqual(["vdb is left out."]);
  });

  it("says each trait once for all the disks sharing it, after the skipped sentences", () => {
    const found = new Findings();
    noteTraits(found, "vda", { format: "qcow2", aio: aioTrait("aio", "native") });
    noteTraits(found, "vdb", { format: "raw", aio: aioTrait("aio", "threads") });
    noteTraits(found, "vdc", { aio: aioTrait("io", "native"), network: "rbd" });
    noteTraits(found, "vdd", { format: "qcow2", aio: aioTrait("aio", "native") });
    found.skip("sda is a CD-ROM.");
    expect(found.sentences()).toEqual([
      "sda is a CD-ROM.",
      expect.stringMatching(/^vda and vdd are qcow2 images, and the diagram assumes a raw image/),
      expect.stringMatching(/^aio=native on vda and vdd is not modelled/),
      expect.stringMatching(/^io='native' on vdc is not modelled/),
      expect.stringMatching(/^vdc is on network storage \(rbd\)/),
    ]);
  });
});
