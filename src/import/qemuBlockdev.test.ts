import { describe, expect, it } from "vitest";
import { CACHE_MODES, MODE_SWITCHES } from "../model/config";
import { readQemu } from "./qemu";
import { findings, leftOut, onlyDisk } from "./testing";

/** The one disk of a command line. */
const diskOf = (line: string) => onlyDisk(readQemu(line));

/** A libvirt ≥ 6 command line for one disk: storage and format nodes, and the device. */
function blockdevLine(cache: string, writeCache: string): string {
  const cacheJson = cache === "" ? "" : `,"cache":${cache}`;
  return (
    "/usr/bin/qemu-system-x86_64 " +
    `-blockdev {"driver":"file","filename":"/img/a.raw","node-name":"s"${cacheJson}} ` +
    `-blockdev {"node-name":"f","driver":"raw","file":"s"${cacheJson}} ` +
    `-device {"driver":"virtio-blk-pci","drive":"f","id":"virtio-disk0"${writeCache}}`
  );
}

describe("a -blockdev node behind a -device", () => {
  it.each(CACHE_MODES)(
    "reads %s from -blockdev cache flags and the device's write-cache, as libvirt writes them",
    (mode) => {
      const s = MODE_SWITCHES[mode];
      const cache = `{"direct":${String(s.hostCacheBypassed)},"no-flush":${String(s.flushesIgnored)}}`;
      const writeCache = `,"write-cache":"${s.guestSeesWriteCache ? "on" : "off"}"`;
      const disk = diskOf(blockdevLine(cache, writeCache));
      expect([disk.name, disk.mode, disk.explicit, disk.source]).toEqual([
        "virtio-disk0",
        mode,
        true,
        "/img/a.raw",
      ]);
    },
  );

  it("takes writeback for -blockdev without cache (libvirt's cache='default')", () => {
    const disk = diskOf(blockdevLine("", ""));
    expect([disk.mode, disk.explicit]).toEqual(["writeback", false]);
    expect(disk.note).toMatch(/make writeback/);
  });

  it("lets an inline -blockdev child inherit its parent's cache, but not a child named by reference", () => {
    const inline =
      `kvm -blockdev '{"driver":"qcow2","node-name":"d","cache":{"direct":true},` +
      `"file":{"driver":"file","filename":"/a.qcow2"}}' -device virtio-blk-pci,drive=d,id=vda`;
    expect(diskOf(inline).mode).toBe("none");
    const named =
      "kvm -blockdev driver=file,node-name=f,filename=/a.raw " +
      "-blockdev driver=raw,node-name=d,file=f,cache.direct=on -device virtio-blk-pci,drive=d,id=vda";
    expect(diskOf(named).mode).toBe("writeback");
  });

  it("reads -blockdev keyval with dotted keys, and --double-dash options", () => {
    const line =
      "qemu-system-x86_64 --blockdev driver=raw,node-name=d,file.driver=file,file.filename=/a.raw,cache.no-flush=on " +
      "--device virtio-blk-pci,drive=d,id=vda";
    const disk = diskOf(line);
    expect([disk.mode, disk.source]).toEqual(["unsafe", "/a.raw"]);
  });

  it("reads JSON holding spaces and line breaks, as ps and pretty-printers show it", () => {
    const line =
      'qemu-system-x86_64 -blockdev {\n  "driver": "file",\n  "filename": "/vm/my disk.img",\n' +
      '  "node-name": "s",\n  "cache": {"direct": true, "no-flush": false}\n} ' +
      '-device {"driver":"virtio-blk-pci","drive":"s","id":"vda","write-cache":"on"}';
    const disk = diskOf(line);
    expect([disk.mode, disk.source]).toEqual(["none", "/vm/my disk.img"]);
  });

  it("says where a cache set on a node that does not open the image was set, and why it does not apply", () => {
    // A hand-written line: cache.direct on the qcow2 node, whose file names the file node.
    const line =
      "qemu-system-x86_64 -machine q35,accel=kvm -m 2048 " +
      '-blockdev \'{"driver":"file","filename":"/var/lib/images/vm.qcow2","node-name":"proto0"}\' ' +
      '-blockdev \'{"driver":"qcow2","node-name":"fmt0","file":"proto0","cache":{"direct":true}}\' ' +
      "-device virtio-blk-pci,drive=fmt0,id=vda";
    const disk = diskOf(line);
    expect([disk.mode, disk.explicit]).toEqual(["writeback", false]);
    expect(disk.note).toMatch(
      /^cache\.direct=on on node "fmt0" does not apply: .*node "proto0", which opens it, is named by reference.*QEMU's defaults apply there/,
    );
  });

  it("names both switches a format node sets against the file node's own, which apply", () => {
    const line =
      "qemu-system-x86_64 " +
      '-blockdev \'{"driver":"file","filename":"/var/lib/images/vm.img","node-name":"proto0","cache":{"direct":true}}\' ' +
      '-blockdev \'{"driver":"raw","node-name":"fmt0","file":"proto0","cache":{"direct":false,"no-flush":true}}\' ' +
      "-device virtio-blk-pci,drive=fmt0,id=vda";
    const disk = diskOf(line);
    expect([disk.mode, disk.explicit]).toEqual(["none", true]);
    expect(disk.note).toMatch(
      /^cache\.direct=off on node "fmt0" and cache\.no-flush=on on node "fmt0" do not apply: .*node "proto0", which opens it, .*its own settings apply\.$/,
    );
  });

  it("names network storage by driver, pool and image, or by the NBD export", () => {
    const line =
      "qemu-system-x86_64 " +
      '-blockdev \'{"driver":"rbd","pool":"rbd","image":"vm-100-disk-0","node-name":"libvirt-1-storage"}\' ' +
      '-blockdev \'{"node-name":"libvirt-1-format","driver":"raw","file":"libvirt-1-storage"}\' ' +
      '-device \'{"driver":"virtio-blk-pci","drive":"libvirt-1-format","id":"virtio-disk0"}\' ' +
      '-blockdev \'{"driver":"nbd","server":{"type":"unix","path":"/run/nbd.sock"},"export":"disk1","node-name":"n1"}\' ' +
      "-device virtio-blk-pci,drive=n1,id=vdb";
    expect(findings(readQemu(line)).disks.map((disk) => [disk.name, disk.source])).toEqual([
      ["virtio-disk0", "rbd:rbd/vm-100-disk-0"],
      ["vdb", "nbd:disk1"],
    ]);
  });

  it("leaves out aio=native on a file node without cache.direct: QEMU will not start that drive", () => {
    const line =
      "qemu-system-x86_64 " +
      '-blockdev {"driver":"file","filename":"/img/a.raw","node-name":"s","aio":"native"} ' +
      '-blockdev {"node-name":"f","driver":"raw","file":"s"} ' +
      '-device {"driver":"virtio-blk-pci","drive":"f","id":"virtio-disk0"}';
    expect(leftOut(readQemu(line))).toMatch(
      /^virtio-disk0 asks for aio=native under cache=writeback/,
    );
  });
});
