import { describe, expect, it } from "vitest";
import { CACHE_MODES } from "../model/config";
import { readLibvirt } from "./libvirt";
import { findings, onlyDisk, outline } from "./testing";

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
});
