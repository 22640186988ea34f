import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../model/config";
import { readProxmox } from "./proxmox";
import { onlyDisk, outline } from "./testing";

describe("readProxmox", () => {
  it.each(CACHE_MODES)("reads cache=%s", (mode) => {
    const disk = onlyDisk(readProxmox(`scsi0: local-lvm:vm-100-disk-0,cache=${mode},size=32G`));
    expect(disk).toEqual({
      name: "scsi0",
      mode,
      explicit: true,
      source: "local-lvm:vm-100-disk-0",
      note: null,
    });
  });

  it("takes Proxmox's default, none, when cache is not set, and says where it comes from", () => {
    const disk = onlyDisk(readProxmox("virtio0: file=local-zfs:vm-101-disk-0,iothread=1,size=8G"));
    expect([disk.mode, disk.explicit, disk.source]).toEqual([
      "none",
      false,
      "local-zfs:vm-101-disk-0",
    ]);
    expect(disk.note).toMatch(/qemu-server; docs\/model\.md §6\.7.*btrfs/);
  });

  it("reads every drive bus, and snapshot=1 as unsafe", () => {
    const conf = [
      "ide0: local-lvm:vm-1-disk-0,cache=writethrough",
      "sata1: local-lvm:vm-1-disk-1,cache=directsync",
      "scsi30: local-lvm:vm-1-disk-2",
      "virtio15: local-lvm:vm-1-disk-3,snapshot=1",
    ].join("\r\n");
    expect(outline(readProxmox(conf)).disks).toEqual([
      ["ide0", "writethrough", true],
      ["sata1", "directsync", true],
      ["scsi30", "none", false],
      ["virtio15", "unsafe", true],
    ]);
  });

  it("names the first five sections it did not read, and counts the rest", () => {
    const sections = ["[a]", "[b]", "[c]", "[d]", "[e]", "[f]", "[g]"];
    expect(outline(readProxmox(["scsi0: x", ...sections].join("\n"))).unread).toEqual([
      "The 7 sections after the current configuration (snapshots or pending changes) were not read: [a], [b], [c], [d], [e] and 2 more.",
    ]);
  });
});
