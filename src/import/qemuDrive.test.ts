import { describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES } from "../model/config";
import { readQemu } from "./qemu";
import { leftOut, onlyDisk, outline } from "./testing";

/** The one disk of a command line. */
const diskOf = (line: string) => onlyDisk(readQemu(line));

describe("a -drive", () => {
  it.each(CACHE_MODES)("reads -drive cache=%s", (mode) => {
    expect(diskOf(`qemu-system-x86_64 -drive file=/vm/a.img,if=virtio,cache=${mode}`)).toEqual({
      name: "drive 1 (a.img)",
      mode,
      explicit: true,
      source: "/vm/a.img",
      note: null,
    });
  });

  it("reads cache=off, an old spelling of none", () => {
    expect(diskOf("qemu-system-x86_64 -drive file=a.img,cache=off").mode).toBe("none");
  });

  it.each(CACHE_MODES)("reads %s spelled as its three switches on -drive", (mode) => {
    const s = MODE_SWITCHES[mode];
    const on = (value: boolean): string => (value ? "on" : "off");
    const line =
      `qemu-system-x86_64 -drive file=a.img,cache.writeback=${on(s.guestSeesWriteCache)},` +
      `cache.direct=${on(s.hostCacheBypassed)},cache.no-flush=${on(s.flushesIgnored)}`;
    expect(diskOf(line).mode).toBe(mode);
  });

  it.each([
    ["-drive without cache", "qemu-system-x86_64 -drive file=a.img,format=raw"],
    ["-hda", "qemu-system-x86_64 -m 1G -hda a.img"],
  ])("takes writeback for %s", (_, line) => {
    const disk = diskOf(line);
    expect([disk.mode, disk.explicit]).toEqual(["writeback", false]);
    expect(disk.note).toMatch(/QEMU's default is writeback/);
  });

  it.each([
    [
      "a switch over cache=",
      "-drive file=a.img,cache=writethrough,cache.writeback=on",
      "writeback",
    ],
    [
      "a switch with cache.direct=on",
      "-drive file=a.img,cache.direct=on,cache=writethrough",
      "directsync",
    ],
    [
      "write-cache=off over cache=none",
      "-drive file=a.img,if=none,id=d0,cache=none -device virtio-blk-pci,drive=d0,write-cache=off",
      "directsync",
    ],
    [
      "write-cache=on over cache=writethrough",
      "-drive file=a.img,if=none,id=d0,cache=writethrough -device scsi-hd,drive=d0,write-cache=on",
      "writeback",
    ],
    [
      "write-cache=auto, which leaves cache= alone",
      "-drive file=a.img,if=none,id=d0,cache=writethrough -device ide-hd,drive=d0,write-cache=auto",
      "writethrough",
    ],
  ])("lets %s decide", (_, options, mode) => {
    expect(diskOf(`qemu-system-x86_64 ${options}`).mode).toBe(mode);
  });

  it("names a -drive by its device's id, then its own id, then its position and file", () => {
    const line =
      "qemu-system-x86_64 -drive file=/a.img,if=none,id=drive-virtio-disk0 " +
      "-device virtio-blk-pci,drive=drive-virtio-disk0,id=virtio-disk0 " +
      "-drive file=/b.img,if=none,id=drive-b -device virtio-blk-pci,drive=drive-b -drive if=virtio";
    expect(outline(readQemu(line)).disks.map(([name]) => name)).toEqual([
      "virtio-disk0",
      "drive-b",
      "drive 3",
    ]);
  });

  it.each([
    "qemu-system-x86_64 -snapshot -drive file=a.img,cache=none",
    "qemu-system-x86_64 -drive file=a.img,cache=none,snapshot=on",
  ])("reads snapshot mode as unsafe: %s", (line) => {
    const disk = diskOf(line);
    expect([disk.mode, disk.explicit]).toEqual(["unsafe", true]);
    expect(disk.note).toMatch(/temporary overlay/);
  });

  it("says what is not modelled: network storage and a non-threads aio", () => {
    const found = readQemu(
      "qemu-system-x86_64 -drive file=rbd:pool/vm-1,format=raw,cache=writeback,aio=native " +
        "-drive file=nbd+unix:///export?socket=/run/nbd.sock",
    );
    expect(outline(found).unread).toEqual([
      expect.stringMatching(/^aio=native on drive 1 \(vm-1\) is not modelled/),
      "drive 1 (vm-1) is on network storage (rbd): the diagram draws an image file on a local drive, and the storage's own caching is not modelled.",
      expect.stringMatching(/^drive 2 \(nbd\.sock\) is on network storage \(nbd\)/),
    ]);
  });

  it("leaves out aio=native without cache.direct=on: QEMU refuses to open the image", () => {
    const found = readQemu(
      "qemu-system-x86_64 -enable-kvm -m 4096 " +
        "-drive file=/var/lib/images/vm.qcow2,format=qcow2,if=virtio,cache=writethrough,aio=native",
    );
    expect(leftOut(found)).toMatch(
      /^drive 1 \(vm\.qcow2\) asks for aio=native under cache=writethrough.*"aio=native was specified, but it requires cache\.direct=on"/,
    );
  });
});
