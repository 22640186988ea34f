import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../model/config";
import { readProxmox } from "./proxmox";
import { leftOut, onlyDisk, outline } from "./testing";

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

  it("leaves out the disks of a template, which Proxmox VE starts only read-only, for a backup", () => {
    // As `qm template 9000` leaves it: base- volumes, and `template: 1` after the drives.
    const conf = [
      "boot: order=scsi0",
      "cores: 2",
      "memory: 2048",
      "name: debian12-tmpl",
      "net0: virtio=BC:24:11:2A:3B:4C,bridge=vmbr0",
      "ostype: l26",
      "scsi0: local-lvm:base-9000-disk-0,iothread=1,size=32G",
      "scsihw: virtio-scsi-single",
      "smbios1: uuid=6a1e2b6c-3d4e-4f50-8a9b-0c1d2e3f4a5b",
      "template: 1",
      "vmgenid: 2f0e6c8a-1b2c-4d3e-8f4a-5b6c7d8e9f0a",
    ].join("\n");
    expect(leftOut(readProxmox(conf))).toMatch(
      /^scsi0 belongs to a template \(template: 1\): .*read-only/,
    );
  });

  it("leaves out aio=native on a path under a mode without O_DIRECT: QEMU will not start it", () => {
    const line =
      "scsi1: /dev/disk/by-id/ata-ST2000DM008-2FR102_ZFL0ABCD,aio=native,cache=writeback,size=1863G";
    expect(leftOut(readProxmox(line))).toMatch(
      /^scsi1 asks for aio=native under cache=writeback.*will not start/,
    );
    // A storage volume may be librbd, which takes no aio: nothing is claimed for it.
    const volume = "scsi1: ceph-pool:vm-100-disk-1,aio=native,cache=writeback,size=32G";
    expect(outline(readProxmox(volume)).disks).toEqual([["scsi1", "writeback", true]]);
  });
});
