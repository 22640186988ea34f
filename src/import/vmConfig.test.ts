import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CacheMode } from "../model/config";
import { MAX_VM_CONFIG_CHARS } from "./size";
import { parseVmConfig, type VmFormat, type VmImport } from "./vmConfig";
import { summary } from "./testing";

type Imported = Extract<VmImport, { ok: true }>;

/**
 * A count from the environment, or `fallback` when unset. The mutation run sets both low
 * (stryker.config.mjs): the fuzz properties and the 1 MB inputs cover nearly every import mutant,
 * so they run again for each.
 */
function fromEnv(name: "FUZZ_RUNS" | "HOSTILE_CHARS", fallback: number): number {
  const text = process.env[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive whole number, got ${text}`);
  }
  return value;
}

function sample(name: string): string {
  return readFileSync(new URL(`./samples/${name}`, import.meta.url), "utf8");
}

function imported(text: string): Imported {
  const result = parseVmConfig(text);
  if (!result.ok) throw new Error(`expected disks, got: ${result.message}`);
  return result;
}

function refused(text: string): string {
  const result = parseVmConfig(text);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.disks)}`);
  return result.message;
}

/** An import in one table row: each disk as name, mode, explicit, source and note, and `unread`. */
interface Reading {
  readonly format: VmFormat;
  readonly disks: readonly (readonly [string, CacheMode, boolean, string | null, unknown])[];
  readonly unread: readonly unknown[];
}

function reading(result: Imported): Reading {
  const disks = result.disks.map(
    (disk) => [disk.name, disk.mode, disk.explicit, disk.source, disk.note] as const,
  );
  return { format: result.format, disks, unread: result.unread };
}

/** Proxmox's default, and where it comes from. */
const PROXMOX_DEFAULT: unknown = expect.stringMatching(/Proxmox VE then passes cache=none.*btrfs/);

describe("parseVmConfig on realistic samples", () => {
  it.each<[string, string, Reading]>([
    [
      "virsh dumpxml of a Debian guest: two disks, the CD-ROM set aside",
      "libvirt-debian12.xml",
      {
        format: "libvirt",
        disks: [
          ["vda", "none", true, "/var/lib/libvirt/images/debian12.qcow2", null],
          [
            "vdb",
            "writeback",
            false,
            "/dev/vg0/debian12-data",
            expect.stringMatching(/libvirt then gives QEMU no cache option.*writeback/),
          ],
        ],
        unread: [
          expect.stringMatching(
            /^sda is a CD-ROM \(\/var\/lib\/libvirt\/images\/debian-12.*cannot write/,
          ),
          expect.stringMatching(/^vda is a qcow2 image, .*docs\/model\.md §4/),
          expect.stringMatching(/^io='native' on vda is not modelled: .*aio=threads/),
        ],
      },
    ],
    [
      "a ps line of a libvirt guest, JSON -blockdev and -device, write-cache on the device",
      "qemu-libvirt-ps.txt",
      {
        format: "qemu",
        disks: [
          ["virtio-disk0", "none", true, "/var/lib/libvirt/images/debian12.qcow2", null],
          ["virtio-disk1", "writethrough", true, "/dev/vg0/debian12-data", null],
          ["virtio-disk2", "unsafe", true, "/var/lib/libvirt/images/debian12-scratch.img", null],
        ],
        // The UEFI flash nodes are attached to no -device: they are not guest disks, and not listed.
        unread: [
          expect.stringMatching(/^sata0-0-0 is a CD-ROM/),
          expect.stringMatching(/^virtio-disk0 is a qcow2 image/),
          expect.stringMatching(/^aio=native on virtio-disk0 is not modelled/),
        ],
      },
    ],
    [
      "qm showcmd of Proxmox VE 8 (-drive and -device, quoted, with line continuations)",
      "qemu-proxmox8-showcmd.txt",
      {
        format: "qemu",
        disks: [
          ["scsi0", "writeback", true, "/dev/pve/vm-100-disk-1", null],
          ["virtio1", "none", true, "/dev/pve/vm-100-disk-2", null],
        ],
        unread: [
          expect.stringMatching(/^ide2 is a CD-ROM/),
          "drive 1 (OVMF_CODE_4M.secboot.fd) and drive-efidisk0 are firmware flash (if=pflash), not guest disks.",
          expect.stringMatching(/^aio=io_uring on scsi0 and virtio1 is not modelled/),
        ],
      },
    ],
    [
      "qm showcmd of Proxmox VE 9: nested inline -blockdev children behind a throttle filter",
      "qemu-proxmox9-showcmd.txt",
      {
        format: "qemu",
        disks: [
          ["scsi0", "none", true, "/dev/pve/vm-101-disk-1", null],
          ["virtio1", "writethrough", true, "/mnt/pve/nfs-vm/images/101/vm-101-disk-2.qcow2", null],
        ],
        unread: [
          expect.stringMatching(/^ide2 is a CD-ROM/),
          expect.stringMatching(/^aio=io_uring on scsi0 and virtio1 is not modelled/),
          expect.stringMatching(/^virtio1 is a qcow2 image/),
        ],
      },
    ],
    [
      "a shell script: comments, continuations, a quoted path with a space, -blockdev keyval",
      "qemu-script.txt",
      {
        format: "qemu",
        disks: [
          ["drive 1 (debian.qcow2)", "none", true, "debian.qcow2", null],
          [
            "drive 2 (scratch.img)",
            "writeback",
            false,
            "scratch.img",
            expect.stringMatching(/QEMU's default is writeback \(since QEMU 1\.2/),
          ],
          ["data0", "directsync", true, "/srv/vm/data disk.img", null],
        ],
        unread: [
          expect.stringMatching(/^cdrom is a CD-ROM \(debian-12\.5\.0-amd64-netinst\.iso\)/),
          expect.stringMatching(/^drive 1 \(debian\.qcow2\) is a qcow2 image/),
        ],
      },
    ],
    [
      "a Proxmox VM configuration and only its current section",
      "proxmox-100.conf",
      {
        format: "proxmox",
        // The snapshot section says scsi0 was unsafe: it is not what runs now.
        disks: [
          ["scsi0", "writeback", true, "local-lvm:vm-100-disk-1", null],
          ["scsi1", "none", false, "local:100/vm-100-disk-3.qcow2", PROXMOX_DEFAULT],
          ["virtio1", "none", false, "local-lvm:vm-100-disk-2", PROXMOX_DEFAULT],
        ],
        unread: [
          "efidisk0 holds the UEFI variables, not guest data; not read.",
          expect.stringMatching(/^ide2 is a CD-ROM \(local:iso\/debian-12/),
          "unused0 (local-lvm:vm-100-disk-4) is a volume detached from the VM.",
          "The section after the current configuration (snapshots or pending changes) was not read: [before-upgrade].",
          expect.stringMatching(/^scsi1 is a qcow2 image/),
          expect.stringMatching(/^aio=native on virtio1 is not modelled/),
        ],
      },
    ],
  ])("reads %s", (_, file, expected) => {
    expect(reading(imported(sample(file)))).toEqual(expected);
  });
});

describe("parseVmConfig tells the formats apart", () => {
  it.each<[string, VmFormat, string]>([
    ["XML after white space", "libvirt", "\n  <disk><target dev='vda'/></disk>"],
    [
      "a Proxmox file whose args: holds QEMU options",
      "proxmox",
      "args: -drive file=/x.img\nscsi0: a",
    ],
    ["an indented Proxmox key", "proxmox", "name: vm\n  virtio0: a"],
    ["QEMU by its program's path", "qemu", "/usr/libexec/qemu-kvm -hda a.img"],
    ["QEMU by a double-dash option alone", "qemu", "--drive file=a.img"],
  ])("reads %s as %s", (_, format, text) => {
    expect(imported(text).format).toBe(format);
  });
});

describe("parseVmConfig sets aside what is no disk whose cache mode matters, and says why", () => {
  const DEFAULT: unknown = expect.stringMatching(/^cache not set/);
  it.each<[string, string, Reading]>([
    [
      "CD-ROMs, read-only disks and SCSI LUN passthrough in a domain XML",
      "<domain><devices>" +
        "<disk device='cdrom'><source file='/iso/d.iso'/><target dev='sda'/><readonly/></disk>" +
        "<disk device='disk'><source file='/ro.img'/><target dev='vdb'/><readonly/></disk>" +
        "<disk type='block' device='lun'><source dev='/dev/sdc'/><target dev='sdc' bus='scsi'/></disk>" +
        "<disk device='disk'><target dev='vdc'/></disk>" +
        "</devices></domain>",
      {
        format: "libvirt",
        disks: [["vdc", "writeback", false, null, DEFAULT]],
        unread: [
          "sda is a CD-ROM (/iso/d.iso): the guest cannot write to it, so its cache mode does not matter.",
          "vdb is read-only: the guest cannot write to it, so its cache mode does not matter.",
          "sdc hands the guest's SCSI commands to the host device (device='lun'), so no QEMU cache mode applies.",
        ],
      },
    ],
    [
      "CD-ROMs, read-only drives, passthrough, firmware and unattached drives on a QEMU command line",
      "qemu-system-x86_64 -cdrom /iso/a.iso -drive file=/iso/b.iso,media=cdrom " +
        "-drive file=/c.iso,if=none,id=c -device scsi-cd,drive=c,id=cd0 " +
        "-drive file=/ro.img,readonly=on -drive file=/dev/sdb,if=none,id=p -device scsi-block,drive=p,id=lun0 " +
        "-drive if=pflash,format=raw,file=/vars.fd -drive file=/spare.img,if=none,id=spare " +
        "-device virtio-blk-pci,drive=nowhere,id=ghost -drive file=/ok.img",
      {
        format: "qemu",
        disks: [["drive 8 (ok.img)", "writeback", false, "/ok.img", DEFAULT]],
        unread: [
          "ghost uses drive=nowhere, which no -drive or -blockdev here defines.",
          "cdrom is a CD-ROM (/iso/a.iso): the guest cannot write to it, so its cache mode does not matter.",
          "drive 2 (b.iso) is a CD-ROM (/iso/b.iso): the guest cannot write to it, so its cache mode does not matter.",
          "cd0 is a CD-ROM (/c.iso): the guest cannot write to it, so its cache mode does not matter.",
          "drive 4 (ro.img) is read-only: the guest cannot write to it, so its cache mode does not matter.",
          "lun0 hands the guest's SCSI commands to the host device (scsi-block), so no QEMU cache mode applies.",
          "spare (if=none) is attached to no -device, so the guest does not see it.",
          "drive 6 (vars.fd) is firmware flash (if=pflash), not a guest disk.",
        ],
      },
    ],
    [
      "CD-ROMs, read-only disks, the TPM state, args and all sections after the first in a Proxmox configuration",
      [
        "# a description line: scsi9: not, a disk",
        "args: -drive file=/x.img,cache=unsafe",
        "ide2: none,media=cdrom",
        "scsi0: local-lvm:vm-1-disk-0,ro=1",
        "tpmstate0: local-lvm:vm-1-disk-1,size=4M,version=v2.0",
        "virtio0: local-lvm:vm-1-disk-2,cache=unsafe",
        "",
        "[first]",
        "virtio0: local-lvm:vm-1-disk-2,cache=none",
        "[PENDING]",
        "virtio0: local-lvm:vm-1-disk-2,cache=writeback",
      ].join("\n"),
      {
        format: "proxmox",
        disks: [["virtio0", "unsafe", true, "local-lvm:vm-1-disk-2", null]],
        unread: [
          "args: passes extra options straight to QEMU; they were not read.",
          "ide2 is a CD-ROM (none): the guest cannot write to it, so its cache mode does not matter.",
          "scsi0 is read-only: the guest cannot write to it, so its cache mode does not matter.",
          "tpmstate0 holds the virtual TPM's state, not guest data; not read.",
          "The 2 sections after the current configuration (snapshots or pending changes) were not read: [first] and [PENDING].",
        ],
      },
    ],
  ])("sets aside %s", (_, text, expected) => {
    expect(reading(imported(text))).toEqual(expected);
  });
});

/** How a refusal starts when a QEMU command line shows no disk. */
const NO_QEMU_DISK = "This QEMU command line names no disk whose cache mode matters.";

const CD_ROM = "the guest cannot write to it, so its cache mode does not matter.";

describe("parseVmConfig when no disk's cache mode matters", () => {
  it.each([
    [
      "the disks of a domain that has none",
      "<domain><devices/></domain>",
      "This libvirt domain XML names no disk whose cache mode matters.",
    ],
    [
      "a libvirt disk with an unknown cache value, shown readably,",
      "<domain><devices><disk><driver cache='no\tcache'/><target dev='vda'/></disk></devices></domain>",
      "This libvirt domain XML names no disk whose cache mode matters. cache='no␉cache' on vda is not a libvirt cache mode (default, writeback, none, writethrough, directsync, unsafe); that disk is left out.",
    ],
    [
      "a Proxmox disk with an unknown cache value",
      "scsi1: local-lvm:vm-1-disk-0,cache=nocache",
      "This Proxmox VM configuration names no disk whose cache mode matters. cache=nocache on scsi1 is not a Proxmox cache mode (writeback, none, writethrough, directsync, unsafe); that disk is left out.",
    ],
    [
      "an unknown cache= value",
      "qemu-system-x86_64 -drive file=a.img,cache=fast",
      `${NO_QEMU_DISK} cache=fast on drive 1 (a.img) is not a QEMU cache mode (writeback, none, writethrough, directsync, unsafe, off); that disk is left out.`,
    ],
    [
      "a switch that is neither on nor off",
      "qemu-system-x86_64 -drive file=a.img,cache.direct=maybe",
      `${NO_QEMU_DISK} cache.direct=maybe on drive 1 (a.img) is neither on nor off; that disk is left out.`,
    ],
    [
      "a bad write-cache",
      'kvm -blockdev {"driver":"file","filename":"/a","node-name":"s"} -device {"driver":"virtio-blk-pci","drive":"s","id":"vda","write-cache":7}',
      `${NO_QEMU_DISK} write-cache=7 on vda is neither on nor off; that disk is left out.`,
    ],
    [
      "switches that make no named mode",
      "qemu-system-x86_64 -drive file=a.img,cache.direct=on,cache.no-flush=on",
      `${NO_QEMU_DISK} drive 1 (a.img): write-cache=on, cache.direct=on, cache.no-flush=on is none of the five cache modes (docs/model.md §2); that disk is left out.`,
    ],
    [
      "a -blockdev that is not JSON",
      'kvm -blockdev {"driver":file}',
      `${NO_QEMU_DISK} -blockdev {"driver":file} is not valid JSON; not read.`,
    ],
    [
      "a -blockdev chain that loops",
      "kvm -blockdev driver=raw,node-name=a,file=b -blockdev driver=raw,node-name=b,file=a -device virtio-blk,drive=a,id=vda",
      `${NO_QEMU_DISK} vda sits on more than 16 nested -blockdev nodes (or a loop); not read.`,
    ],
    [
      "a -blockdev that names a missing node",
      "kvm -blockdev driver=qcow2,node-name=a,file=gone -device virtio-blk,drive=a,id=vda",
      `${NO_QEMU_DISK} vda reaches file=gone, which no -blockdev here defines.`,
    ],
    [
      "an option with no value",
      "qemu-system-x86_64 -m 1G -drive",
      `${NO_QEMU_DISK} -drive at the end has no value.`,
    ],
    [
      "four CD-ROMs, saying three and counting the rest",
      "kvm -cdrom a.iso -cdrom b.iso -cdrom c.iso -cdrom d.iso",
      `${NO_QEMU_DISK} cdrom is a CD-ROM (a.iso): ${CD_ROM} cdrom is a CD-ROM (b.iso): ${CD_ROM} ` +
        `cdrom is a CD-ROM (c.iso): ${CD_ROM} (and 1 more)`,
    ],
  ])("leaves out %s and says so", (_, text, message) => {
    expect(refused(text)).toBe(message);
  });

  it("passes on what the XML tokenizer refuses", () => {
    expect(refused("<domain><devices></domain>")).toBe(
      "The XML closes </domain> on line 1 while <devices> from line 1 is open.",
    );
  });
});

describe("parseVmConfig on hostile input", () => {
  it("refuses text over the limit, saying how large it is", () => {
    expect(refused("x".repeat(3_200_000))).toBe(
      "The configuration is 3.2 million characters long; the limit is 1 million.",
    );
    expect(refused("x".repeat(MAX_VM_CONFIG_CHARS + 1))).toBe(
      "The configuration is 1.1 million characters long; the limit is 1 million.",
    );
  });

  it.each(["", "   \n\t  "])("refuses empty text %j", (text) => {
    expect(refused(text)).toMatch(/^There is nothing to read; paste a libvirt domain XML/);
  });

  it("refuses binary data, naming the control character and its line", () => {
    expect(refused("scsi0: a\n\u0000\u0001\u0002")).toBe(
      "This is not text: it holds the control character ␀ on line 2.",
    );
    expect(refused("\u007fELF")).toBe(
      "This is not text: it holds the control character ␡ on line 1.",
    );
  });

  it("names the three formats it understands when it recognises none", () => {
    expect(refused("Hello, this is my VM. It has 2 disks.")).toBe(
      "This is no configuration this page reads; paste a libvirt domain XML (virsh dumpxml), a QEMU command line (as ps shows it, or a shell script) or a Proxmox VM configuration (/etc/pve/qemu-server/<vmid>.conf).",
    );
  });

  it("points at the XML when something precedes it", () => {
    expect(refused(`$ virsh dumpxml debian12\n${sample("libvirt-debian12.xml")}`)).toBe(
      "This looks like a libvirt domain XML with text before it; paste the XML alone, from <domain on.",
    );
  });

  it("takes a byte-order mark and Windows line ends in its stride", () => {
    const text = `\uFEFF${sample("libvirt-debian12.xml").replaceAll("\n", "\r\n")}`;
    expect(summary(imported(text).disks)).toEqual([
      ["vda", "none", true],
      ["vdb", "writeback", false],
    ]);
  });

  it("keeps `unread` short: past 20 sentences the last one counts the rest", () => {
    const line = `kvm -drive file=ok.img ${"-cdrom a.iso ".repeat(30)}`;
    const result = imported(line);
    expect(result.unread).toHaveLength(20);
    expect(result.unread.at(-1)).toBe("And 11 more that were not read.");
  });

  // The inputs' size: the limit itself, unless the mutation run asks for less.
  const hostileChars = fromEnv("HOSTILE_CHARS", MAX_VM_CONFIG_CHARS);
  const near = (unit: string): string =>
    unit.repeat(Math.floor((hostileChars - 100) / unit.length));

  /** Valid JSON nesting `file` objects about 100 000 deep (at 1 MB). */
  const nestedBlockdev = (): string => {
    const depth = Math.floor((hostileChars - 200) / 9);
    const nodes = '{"file":'.repeat(depth) + "{}" + "}".repeat(depth);
    return `kvm -blockdev '{"node-name":"a","file":${nodes}}' -device x,drive=a,id=vda`;
  };

  // Each of these would take minutes on a quadratic scan; the test only needs them to finish.
  it.each([
    ["open tags", near("<a ")],
    ["nested elements", near("<a>")],
    ["ampersands in an attribute", `<a b='${near("&")}'/>`],
    ["long references", `<a b='${near("&#x1")}'/>`],
    ["comment openers", near("<!--")],
    ["closing tags", `<a>${near("</a>")}`],
    ["attribute quotes", `<a ${near("b='' ")}`],
    ["disks", `<devices>${near("<disk><target dev='v'/></disk>")}</devices>`],
    ["-drive commas", `kvm -drive ${near(",")}`],
    ["doubled commas", `kvm -drive ${near(",,")}`],
    ["JSON openers", `kvm -blockdev ${near("{")}`],
    ["JSON strings", `kvm -blockdev {"a":"${near('\\"')}`],
    ["nested inline nodes", nestedBlockdev()],
    ["dotted keys", `kvm -blockdev ${near("a.")}=1`],
    ["single quotes", `kvm ${near("'")}`],
    ["double quotes", `kvm ${near('"\\')}`],
    ["backslashes", `kvm ${near("\\\\\n")}`],
    ["devices without drives", `kvm ${near("-device x,drive=y ")}`],
    ["drives", `kvm ${near("-drive file=a ")}`],
    ["Proxmox drive lines", near("scsi0: a,cache=none\n")],
    ["Proxmox sections", `scsi0: a\n${near("[s]\n")}`],
    ["one long Proxmox line", `virtio0: ${near("a,")}`],
  ])("finishes on 1 MB of %s", (_, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_VM_CONFIG_CHARS);
    const result = parseVmConfig(text);
    expect(result.ok || result.message.length > 0).toBe(true);
  });

  it("never throws, and always returns disks or a message (arbitrary text)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        const result = parseVmConfig(text);
        return result.ok ? result.disks.length > 0 : result.message.length > 0;
      }),
      { numRuns: fromEnv("FUZZ_RUNS", 100) },
    );
  });

  it("never throws, and always returns disks or a message (text made of configuration pieces)", () => {
    const piece = fc.constantFrom(
      "<",
      ">",
      "/>",
      "</",
      "<disk",
      "<devices>",
      "<driver cache='",
      "none",
      "'",
      '"',
      "&",
      "&amp;",
      ";",
      "<!--",
      "-->",
      " ",
      "\n",
      "\\\n",
      "\\",
      "-drive ",
      "-blockdev ",
      "-device ",
      "file=",
      "cache=",
      "cache.direct=on",
      ",",
      ",,",
      "{",
      "}",
      '{"file":',
      '"node-name":"a"',
      "drive=a",
      "write-cache=",
      "scsi0: ",
      "media=cdrom",
      "[s]",
      "#",
      "=",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = parseVmConfig(pieces.join(""));
        return result.ok ? result.disks.length > 0 : result.message.length > 0;
      }),
      { numRuns: fromEnv("FUZZ_RUNS", 2000) },
    );
  });
});
