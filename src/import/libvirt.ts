/**
 * libvirt domain XML (`virsh dumpxml`): each `<disk>` of `<devices>` and its `<driver cache=…>`
 * (https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms).
 */
import { CACHE_MODES } from "../model/config";
import { readable } from "../scenario/readable";
import { isCacheMode, withAio, type Setting } from "./disks";
import { aioTrait, Findings, noteTraits } from "./findings";
import { badCache, cdrom, extraArguments, passthrough, readOnly, vhostUser } from "./sentences";
import { childOf, parseXml, type XmlElement } from "./xml";

/** `<driver cache=…>`: QEMU's five modes and "default" (formatdomain.html). */
const LIBVIRT_CACHES = ["default", ...CACHE_MODES];

/** libvirt's `-drive` builder adds cache=none for a shareable, writable disk without a cache
 * (qemuBuildDriveStr, src/qemu/qemu_command.c); formatdomain.html: for `<shareable/>`,
 * "caching should be deactivated for that device". */
const LIBVIRT_SHAREABLE_NOTE =
  "cache not set (or 'default') on a <shareable/> disk: libvirt then passes cache=none to QEMU, " +
  "as its documentation says caching should be off for a disk shared between domains.";

const LIBVIRT_DEFAULT_NOTE =
  "cache not set (or 'default'): libvirt then gives QEMU no cache option, and QEMU's default " +
  "is writeback (docs/model.md §6.7).";

export function readLibvirt(text: string): Findings | string {
  const elements = parseXml(text);
  if (typeof elements === "string") return elements;
  const found = new Findings();
  let ordinal = 0;
  for (const element of elements) {
    if (element.name === "qemu:commandline") found.skip(extraArguments("<qemu:commandline>"));
    if (isDomainDisk(element)) {
      ordinal += 1;
      libvirtDisk(element, ordinal, found);
    }
  }
  return found;
}

/** A `<disk>` of `<devices>`, or one pasted alone; not the `<disk>` of a snapshot's `<disks>`. */
function isDomainDisk(element: XmlElement): boolean {
  return element.name === "disk" && (element.parent === null || element.parent.name === "devices");
}

function libvirtDisk(disk: XmlElement, ordinal: number, found: Findings): void {
  const name = childOf(disk, "target")?.attrs.get("dev") ?? `disk ${String(ordinal)}`;
  const sourceElement = childOf(disk, "source");
  const source = libvirtSource(sourceElement);
  const driver = childOf(disk, "driver")?.attrs;
  const shareable = childOf(disk, "shareable") !== undefined;
  const network = disk.attrs.get("type") === "network";
  // A network disk's driver (rbd, nbd…) takes no aio; file-posix needs O_DIRECT for native.
  const io = network ? undefined : driver?.get("io");
  const setting =
    libvirtRefusal(disk, name, source) ??
    withAio(libvirtSetting(driver?.get("cache"), name, shareable), io, "io='native'", name);
  if (!found.disk(name, source, setting)) return;
  noteTraits(found, name, {
    format: driver?.get("type"),
    aio: aioTrait("io", driver?.get("io")),
    network: network ? (sourceElement?.attrs.get("protocol") ?? "network") : undefined,
  });
}

/** Why a `<disk>` is no disk whose cache mode matters, or null. */
function libvirtRefusal(disk: XmlElement, name: string, source: string | null): string | null {
  const device = disk.attrs.get("device");
  if (disk.attrs.get("type") === "vhostuser") {
    return vhostUser(name, childOf(disk, "source")?.attrs.get("path") ?? null);
  }
  if (device === "cdrom") return cdrom(name, source);
  if (device === "lun") return passthrough(name, "device='lun'");
  return childOf(disk, "readonly") === undefined ? null : readOnly(name);
}

function libvirtSetting(
  cache: string | undefined,
  name: string,
  shareable: boolean,
): Setting | string {
  if (cache === undefined || cache === "default") {
    return shareable
      ? { mode: "none", explicit: false, note: LIBVIRT_SHAREABLE_NOTE }
      : { mode: "writeback", explicit: false, note: LIBVIRT_DEFAULT_NOTE };
  }
  if (isCacheMode(cache)) return { mode: cache, explicit: true, note: null };
  return badCache(`cache='${readable(cache)}'`, name, "libvirt", LIBVIRT_CACHES);
}

/** `<source file=…>`, `dev=`, `dir=`, a network disk's `protocol` and `name`, or a volume. */
function libvirtSource(source: XmlElement | undefined): string | null {
  if (source === undefined) return null;
  const attrs = source.attrs;
  const path = attrs.get("file") ?? attrs.get("dev") ?? attrs.get("dir");
  if (path !== undefined) return path;
  const name = attrs.get("name");
  const protocol = attrs.get("protocol");
  if (name !== undefined) return protocol === undefined ? name : `${protocol}:${name}`;
  const volume = attrs.get("volume");
  if (volume === undefined) return null;
  const pool = attrs.get("pool");
  return pool === undefined ? volume : `${pool}/${volume}`;
}
