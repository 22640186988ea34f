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
