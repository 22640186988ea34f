/**
 * A disk as the import shows it, and how its cache setting is read: shared by the libvirt, QEMU
 * and Proxmox readers, which all end in one of QEMU's five cache modes (docs/model.md §2).
 */
import {
  CACHE_MODES,
  MODE_SWITCHES,
  modeOfSwitches,
  type CacheMode,
  type CacheSwitches,
} from "../model/config";
import { readable } from "../scenario/readable";
import { nativeWithoutDirect } from "./sentences";

export interface VmDisk {
  /** What the user recognises: libvirt's target ("vda"), Proxmox's key ("scsi0"), the QEMU
   * device or drive id, or "drive 1 (disk.qcow2)". As written in the configuration. */
  readonly name: string;
  readonly mode: CacheMode;
  /** False when the configuration sets no cache and `mode` is its format's default; `note`
   * then says which default and whose. */
  readonly explicit: boolean;
  /** The image file, block device or storage volume, as written in the configuration. */
  readonly source: string | null;
  readonly note: string | null;
}

/** A disk's cache as one of the formats sets it, or leaves it to a default. */
export type Setting = Pick<VmDisk, "mode" | "explicit" | "note">;

export function isCacheMode(value: string): value is CacheMode {
  return (CACHE_MODES as readonly string[]).includes(value);
}

/** The named mode of the switches, or a sentence: QEMU accepts combinations no name stands for. */
export function settingOf(
  switches: CacheSwitches,
  explicit: boolean,
  defaultNote: string,
  name: string,
): Setting | string {
  const mode = modeOfSwitches(switches);
  if (mode === null) {
    const described =
      `write-cache=${onOff(switches.guestSeesWriteCache)}, ` +
      `cache.direct=${onOff(switches.hostCacheBypassed)}, ` +
      `cache.no-flush=${onOff(switches.flushesIgnored)}`;
    return `${readable(name)}: ${described} is none of the five cache modes (docs/model.md §2); that disk is left out.`;
  }
  return { mode, explicit, note: explicit ? null : defaultNote };
}

function onOff(value: boolean): string {
  return value ? "on" : "off";
}

/**
 * The setting, or the sentence that leaves the disk out when it asks for aio=native (`aio`, as
 * `spelled` in its format) on an image its mode does not open O_DIRECT: QEMU refuses to open it
 * (raw_open_common, block/file-posix.c: Linux AIO needs O_DIRECT).
 */
export function withAio(
  setting: Setting | string,
  aio: string | undefined,
  spelled: string,
  name: string,
): Setting | string {
  if (typeof setting === "string" || aio !== "native") return setting;
  if (MODE_SWITCHES[setting.mode].hostCacheBypassed) return setting;
  return nativeWithoutDirect(name, spelled, setting.mode);
}

/** A snapshot drive writes to a temporary overlay, and QEMU caches that overlay unsafe. */
export const SNAPSHOT: Setting = {
  mode: "unsafe",
  explicit: true,
  note:
    "snapshot mode: the guest's writes go to a temporary overlay that QEMU discards when it " +
    'exits, cached as unsafe (qemu-options.hx: "When using the -snapshot option, unsafe caching ' +
    'is always used").',
};

const TRUE_WORDS = new Set(["on", "yes", "true", "y", "1"]);
const FALSE_WORDS = new Set(["off", "no", "false", "n", "0"]);

/**
 * A boolean as QEMU spells it (qapi_bool_parse: on/yes/true/y, off/no/false/n), JSON's, or
 * Proxmox's 1 and 0; undefined when absent, null when it is none of these.
 */
export function readBool(value: unknown): boolean | undefined | null {
  if (value === undefined || typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  if (TRUE_WORDS.has(value)) return true;
  return FALSE_WORDS.has(value) ? false : null;
}

/** A switch of a disk's cache: its value, or the sentence that leaves the disk out. */
export function flag(key: string, value: unknown, name: string): boolean | undefined | string {
  const read = readBool(value);
  if (read !== null) return read;
  const shown = typeof value === "string" ? value : JSON.stringify(value);
  return `${key}=${readable(shown)} on ${readable(name)} is neither on nor off; that disk is left out.`;
}
