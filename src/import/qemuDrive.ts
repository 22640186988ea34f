/**
 * A QEMU `-drive` (or its shorthands -hda…, -fda…, -cdrom) as a disk: its name, whether its cache
 * mode matters, and the mode its cache= and cache.* switches make with its device's write-cache
 * (https://www.qemu.org/docs/master/system/invocation.html, qemu-options.hx).
 */
import { CACHE_MODES, MODE_SWITCHES, type CacheSwitches } from "../model/config";
import { readable } from "../scenario/readable";
import { flag, isCacheMode, readBool, settingOf, SNAPSHOT, withAio, type Setting } from "./disks";
import { aioTrait, NETWORK_PROTOCOLS, noteTraits, type Findings } from "./findings";
import { stringProp } from "./keyval";
import { deviceRefusal, deviceWriteCache, type QemuDevice } from "./qemuDevice";
import { badCache, cdrom, readOnly } from "./sentences";

/** `-drive cache=`: QEMU's five modes, and "off", an old spelling of none (bdrv_parse_cache_mode). */
const QEMU_CACHES = [...CACHE_MODES, "off"];

const QEMU_DEFAULT_NOTE =
  "cache not set: QEMU's default is writeback (since QEMU 1.2; writethrough before; docs/model.md §6.7).";

export interface QemuDrive {
  /** Index of the option among the words: disks are listed in command-line order. */
  readonly position: number;
  readonly ordinal: number;
  /** "hda", "cdrom"… for the shorthand options. */
  readonly label: string | null;
  readonly opts: ReadonlyMap<string, string>;
}

export function driveDisk(
  drive: QemuDrive,
  device: QemuDevice | undefined,
  snapshotAll: boolean,
  found: Findings,
): void {
  const opts = drive.opts;
  const source = opts.get("file") ?? opts.get("file.filename") ?? null;
  const name =
    (device === undefined ? undefined : stringProp(device.props, "id")) ??
    opts.get("id") ??
    drive.label ??
    driveLabel(drive.ordinal, source);
  if (opts.get("if") === "pflash") {
    found.aside("firmware", "if=pflash", name);
    return;
  }
  const snapshot = snapshotAll || readBool(opts.get("snapshot")) === true;
  const setting =
    driveRefusal(opts, device, name, source) ??
    (snapshot
      ? SNAPSHOT
      : withAio(driveSetting(opts, device, name), localAio(opts, source), "aio=native", name));
  if (!found.disk(name, source, setting)) return;
  noteTraits(found, name, {
    format: opts.get("format") ?? opts.get("driver"),
    aio: aioTrait("aio", opts.get("aio")),
    network: protocolOf(source),
  });
}

function driveLabel(ordinal: number, source: string | null): string {
  const file = source?.slice(source.lastIndexOf("/") + 1);
  return file === undefined || file === ""
    ? `drive ${String(ordinal)}`
    : `drive ${String(ordinal)} (${file})`;
}

/** Why a -drive is no disk whose cache mode matters, or null. */
function driveRefusal(
  opts: ReadonlyMap<string, string>,
  device: QemuDevice | undefined,
  name: string,
  source: string | null,
): string | null {
  if (device === undefined && opts.get("if") === "none") {
    return `${readable(name)} (if=none) is attached to no -device, so the guest does not see it.`;
  }
  if (opts.get("media") === "cdrom") return cdrom(name, source);
  const refused = deviceRefusal(device, name, source);
  if (refused !== null) return refused;
  return readBool(opts.get("readonly") ?? opts.get("read-only")) === true ? readOnly(name) : null;
}

/**
 * cache= sets the three switches; "specific options take precedence" over it (drive_new in
 * blockdev.c sets a switch from cache= only when cache.writeback, cache.direct or cache.no-flush
 * is not given); the device's write-cache, when on or off, overrides cache.writeback, which is
 * only its default (qemu-options.hx; qemu-iotests 157).
 */
function driveSetting(
  opts: ReadonlyMap<string, string>,
  device: QemuDevice | undefined,
  name: string,
): Setting | string {
  const cache = opts.get("cache");
  const named = cache === "off" ? "none" : cache;
  if (named !== undefined && !isCacheMode(named)) {
    return badCache(`cache=${readable(named)}`, name, "QEMU", QEMU_CACHES);
  }
  const base = MODE_SWITCHES[named ?? "writeback"];
  const writeCache = deviceWriteCache(device, name);
  const writeback = flag("cache.writeback", opts.get("cache.writeback"), name);
  const direct = flag("cache.direct", opts.get("cache.direct"), name);
  const noFlush = flag("cache.no-flush", opts.get("cache.no-flush"), name);
  const given = [writeCache, writeback, direct, noFlush];
  const invalid = given.find((value): value is string => typeof value === "string");
  if (invalid !== undefined) return invalid;
  const switches: CacheSwitches = {
    guestSeesWriteCache: asFlag(writeCache) ?? asFlag(writeback) ?? base.guestSeesWriteCache,
    hostCacheBypassed: asFlag(direct) ?? base.hostCacheBypassed,
    flushesIgnored: asFlag(noFlush) ?? base.flushesIgnored,
  };
  const explicit = cache !== undefined || given.some((value) => value !== undefined);
  return settingOf(switches, explicit, QEMU_DEFAULT_NOTE, name);
}

/** A flag already checked for a bad value. */
function asFlag(value: boolean | undefined | string): boolean | undefined {
  return typeof value === "string" ? undefined : value;
}

/** The network protocol of a `protocol:` (or `protocol+transport:`) file name, if QEMU's. */
/** The aio of a drive file-posix opens: a network protocol's driver takes none. */
function localAio(opts: ReadonlyMap<string, string>, source: string | null): string | undefined {
  return protocolOf(source) === undefined ? opts.get("aio") : undefined;
}

function protocolOf(source: string | null): string | undefined {
  if (source === null) return undefined;
  const scheme = source.slice(0, Math.max(0, source.indexOf(":")));
  const base = scheme.includes("+") ? scheme.slice(0, scheme.indexOf("+")) : scheme;
  return NETWORK_PROTOCOLS.has(base) ? base : undefined;
}
