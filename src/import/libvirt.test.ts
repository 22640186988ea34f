import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../model/config";
import { readLibvirt } from "./libvirt";
import { findings, leftOut, onlyDisk, outline } from "./testing";

const libvirtDisk = (driver: string, extra = ""): string =>
  `<domain type='kvm'><devices><disk type='file' device='disk'>${driver}` +
  `<source file='/var/lib/libvirt/images/a.img'/><target dev='vda' bus='virtio'/>${extra}` +
  "</disk></devices></domain>";

describe("readLibvirt", () => {
  it.each(CACHE_MODES)("reads cache='%s'", (mode) => {
    const disk = onlyDisk(
      readLibvirt(libvirtDisk(`<driver name='qemu' type='raw' cache='${mode}'/>`)),
    );
    expect(disk).toEqual({
      name: "vda",
      mode,
      explicit: true,
      source: "/var/lib/libvirt/images/a.img",
      note: null,
    });
  });

  it.each([
    ["no cache attribute", "<driver name='qemu' type='raw'/>"],
    ["cache='default'", "<driver name='qemu' type='raw' cache='default'/>"],
    ["no <driver> at all", ""],
  ])("takes %s as QEMU's default, writeback", (_, driver) => {
    const disk = onlyDisk(readLibvirt(libvirtDisk(driver)));
    expect([disk.mode, disk.explicit]).toEqual(["writeback", false]);
    expect(disk.note).toMatch(/docs\/model\.md §6\.7/);
  });

  it("reads several disks in document order, a floppy too, and names untargeted ones by position", () => {
    const xml =
      "<?xml version='1.0'?>\n<!-- from virsh -->\n<domain><devices>" +
      "<disk type='block' device='disk'><driver cache='directsync'/><source dev='/dev/sdb'/><target dev='sdb' bus='scsi'/></disk>" +
      "<disk type='file' device='floppy'><driver cache='unsafe'/><source file='/f.img'/><target dev='fda'/></disk>" +
      "<disk type='volume' device='disk'><source pool='default' volume='data.raw'/></disk>" +
      "</devices></domain>";
    const found = readLibvirt(xml);
    expect(outline(found).disks).toEqual([
      ["sdb", "directsync", true],
      ["fda", "unsafe", true],
      ["disk 3", "writeback", false],
    ]);
    expect(findings(found).disks[2]?.source).toBe("default/data.raw");
  });

  it("takes a <disk> pasted alone, and reads entities and character references in attributes", () => {
    const disk = onlyDisk(
      readLibvirt(
        "<disk type='file'><driver cache='&#x6E;one'/><source file='/vm/a&amp;b &lt;1&gt;.img'/><target dev='vda'/></disk>",
      ),
    );
    expect([disk.mode, disk.source]).toEqual(["none", "/vm/a&b <1>.img"]);
  });

  it("skips the <disk> entries of a snapshot's <disks>, which name no cache", () => {
    const xml =
      "<domainsnapshot><disks><disk name='vda' snapshot='external'/></disks>" +
      "<domain><devices><disk><driver cache='none'/><target dev='vda'/></disk></devices></domain></domainsnapshot>";
    expect(outline(readLibvirt(xml)).disks).toEqual([["vda", "none", true]]);
  });

  it("says what is not modelled: network storage, a non-threads io, <qemu:commandline>", () => {
    const xml =
      "<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><devices>" +
      "<disk type='network' device='disk'><driver name='qemu' type='raw' cache='writeback' io='io_uring'/>" +
      "<source protocol='rbd' name='pool/vm-1'/><target dev='vda'/></disk></devices>" +
      "<qemu:commandline><qemu:arg value='-snapshot'/></qemu:commandline></domain>";
    const found = readLibvirt(xml);
    expect(onlyDisk(found).source).toBe("rbd:pool/vm-1");
    expect(outline(found).unread).toEqual([
      "<qemu:commandline> passes extra options straight to QEMU; they were not read.",
      expect.stringMatching(/^io='io_uring' on vda is not modelled/),
      expect.stringMatching(/^vda is on network storage \(rbd\)/),
    ]);
  });

  it("takes a <shareable/> disk without a cache as none, which libvirt passes for it", () => {
    // As virt-manager writes a LUN shared by two cluster nodes.
    const xml =
      "<domain type='kvm'><devices><disk type='block' device='disk'>" +
      "<driver name='qemu' type='raw'/>" +
      "<source dev='/dev/disk/by-path/ip-192.0.2.10:3260-iscsi-iqn.2024-01.example:shared-lun-1'/>" +
      "<target dev='vdb' bus='virtio'/><shareable/>" +
      "<address type='pci' domain='0x0000' bus='0x07' slot='0x00' function='0x0'/>" +
      "</disk></devices></domain>";
    const disk = onlyDisk(readLibvirt(xml));
    expect([disk.mode, disk.explicit]).toEqual(["none", false]);
    expect(disk.note).toMatch(/<shareable\/>.*cache=none/);
    // A cache it sets is kept: libvirt adds none only when there is none.
    const set = xml.replace("type='raw'/>", "type='raw' cache='writethrough'/>");
    expect(onlyDisk(readLibvirt(set)).mode).toBe("writethrough");
  });

  it("leaves out a vhost-user disk: a daemon outside QEMU does its I/O", () => {
    const xml =
      "<domain type='kvm'><memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>" +
      "<devices><disk type='vhostuser' device='disk'><driver name='qemu' type='raw'/>" +
      "<source type='unix' path='/var/run/vhost-blk.sock'><reconnect enabled='yes' timeout='10'/></source>" +
      "<target dev='vdb' bus='virtio'/></disk></devices></domain>";
    expect(leftOut(readLibvirt(xml))).toMatch(
      /^vdb is a vhost-user disk \(\/var\/run\/vhost-blk\.sock\): .*no QEMU cache mode applies/,
    );
  });

  it("leaves out io='native' under a mode that does not open the image O_DIRECT: it does not start", () => {
    const disk = (cache: string) =>
      libvirtDisk(
        `<driver name='qemu' type='qcow2' cache='${cache}' io='native' discard='unmap'/>`,
      );
    expect(leftOut(readLibvirt(disk("writeback")))).toMatch(
      /^vda asks for io='native' under cache=writeback.*QEMU will not start that drive/,
    );
    expect(outline(readLibvirt(disk("none"))).disks).toEqual([["vda", "none", true]]);
  });
});
