/**
 * A QEMU `-device` that shows a drive or a -blockdev node to the guest: its name, whether it is a
 * disk whose cache mode matters, and its write-cache, which is the guest-visible third of the
 * cache (docs/model.md §2).
 */
import { flag } from "./disks";
import { ownProp, stringProp, type Props } from "./keyval";
import { cdrom, passthrough } from "./sentences";

export interface QemuDevice {
  /** Index of the option among the words: disks are listed in command-line order. */
  readonly position: number;
  readonly props: Props;
}

export function deviceName(device: QemuDevice, fallback: string): string {
  return stringProp(device.props, "id") ?? fallback;
}

/** Why a -device is no disk whose cache mode matters (ide-cd, scsi-cd, passthrough), or null. */
export function deviceRefusal(
  device: QemuDevice | undefined,
  name: string,
  source: string | null,
): string | null {
  const driver = device === undefined ? undefined : stringProp(device.props, "driver");
  if (driver === undefined) return null;
  if (driver.endsWith("-cd")) return cdrom(name, source);
  return driver === "scsi-block" || driver === "scsi-generic" ? passthrough(name, driver) : null;
}

/** The device's write-cache: on or off as given, undefined for auto or absent. */
export function deviceWriteCache(
  device: QemuDevice | undefined,
  name: string,
): boolean | undefined | string {
  const value = device === undefined ? undefined : ownProp(device.props, "write-cache");
  return value === "auto" ? undefined : flag("write-cache", value, name);
}
