import { describe, expect, it } from "vitest";
import { readQemu } from "./qemu";
import { outline } from "./testing";

describe("readQemu", () => {
  it("lists -drive and -blockdev disks together in command-line order", () => {
    const line =
      "kvm -device virtio-blk-pci,drive=n,id=first -drive file=/b.img,cache=none " +
      "-blockdev driver=file,node-name=n,filename=/a.img -hda /c.img";
    expect(outline(readQemu(line)).disks).toEqual([
      ["first", "writeback", false],
      ["drive 1 (b.img)", "none", true],
      ["hda", "writeback", false],
    ]);
  });
});
