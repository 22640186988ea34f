/**
 * The sentences of `unread` that more than one format says: a disk set aside, a cache value not
 * understood, options passed on unread. User text in them goes through readable().
 */
import { readable } from "../scenario/readable";

export function cdrom(name: string, source: string | null): string {
  const what = source === null ? "" : ` (${readable(source)})`;
  return `${readable(name)} is a CD-ROM${what}: the guest cannot write to it, so its cache mode does not matter.`;
}

export function readOnly(name: string): string {
  return `${readable(name)} is read-only: the guest cannot write to it, so its cache mode does not matter.`;
}

/** SCSI passthrough (scsi-block): libvirt sets no cache for it, "any caching setting makes no
 * sense" (qemuBuildDiskDeviceProps, src/qemu/qemu_command.c). */
export function passthrough(name: string, how: string): string {
  return `${readable(name)} hands the guest's SCSI commands to the host device (${readable(how)}), so no QEMU cache mode applies.`;
}

/** A vhost-user disk: a daemon outside QEMU does its I/O through a socket (formatdomain.html,
 * `type='vhostuser'`), and libvirt takes no `cache` attribute for it. */
export function vhostUser(name: string, socket: string | null): string {
  const where = socket === null ? "" : ` (${readable(socket)})`;
  return `${readable(name)} is a vhost-user disk${where}: a daemon outside QEMU reads and writes its image through that socket, so no QEMU cache mode applies (libvirt takes no cache attribute for it).`;
}

/** A Proxmox VE template (`template: 1`): qemu-server refuses to start it, except read-only for
 * a backup. */
export function template(name: string): string {
  return `${readable(name)} belongs to a template (template: 1): Proxmox VE does not start a template except for a backup, with its disks read-only, so its cache mode does not matter.`;
}

/** aio=native needs O_DIRECT: QEMU refuses to open the image without it (raw_open_common,
 * block/file-posix.c), and libvirt refuses io='native' with a cache mode other than none or
 * directsync (qemuBuildDriveStr, src/qemu/qemu_command.c). */
export function nativeWithoutDirect(name: string, spelled: string, mode: string): string {
  return `${readable(name)} asks for ${spelled} under cache=${mode}, which does not open the image with O_DIRECT (cache.direct=off): QEMU will not start that drive ("aio=native was specified, but it requires cache.direct=on"), so this configuration does not run as written; that disk is left out.`;
}

/** `cache.*` set on -blockdev nodes that do not open the image (`stranded`, "cache.direct=on on
 * node f"), which the node that does, named by reference, does not inherit. */
export function strandedCache(
  stranded: readonly string[],
  leaf: string,
  defaults: boolean,
): string {
  const rest = defaults
    ? "it sets none, so QEMU's defaults apply there (cache.direct=off, cache.no-flush=off)"
    : "its own settings apply";
  return `${listOf(stranded.map((s) => readable(s)))} do${stranded.length > 1 ? "" : "es"} not apply: only the node that opens the image counts (O_DIRECT is an open flag of file-posix, and the flush ends in its fdatasync), and ${readable(leaf)}, which opens it, is named by reference, so it inherits no cache setting (bdrv_inherited_options, block.c); ${rest}.`;
}

export function badCache(
  shown: string,
  name: string,
  format: string,
  allowed: readonly string[],
): string {
  return `${shown} on ${readable(name)} is not a ${format} cache mode (${allowed.join(", ")}); that disk is left out.`;
}

export function extraArguments(where: string): string {
  return `${where} passes extra options straight to QEMU; they were not read.`;
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}`;
}
