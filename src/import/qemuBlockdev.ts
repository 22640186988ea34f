/**
 * A QEMU `-blockdev` node shown to the guest by a `-device`, as libvirt 6 and later and Proxmox VE
 * 9 write them: the cache is the device's write-cache and the cache.direct and cache.no-flush of
 * the node that opens the image, found by following `file` down the chain of nodes.
 */
import { type CacheSwitches } from "../model/config";
import { readable } from "../scenario/readable";
import { flag, readBool, settingOf, withAio, type Setting } from "./disks";
import {
  aioTrait,
  ALLOCATING_FORMATS,
  NETWORK_PROTOCOLS,
  noteTraits,
  type Findings,
} from "./findings";
import { isRecord, ownProp, stringProp, type Props } from "./keyval";
import { deviceName, deviceRefusal, deviceWriteCache, type QemuDevice } from "./qemuDevice";
import { readOnly, strandedCache } from "./sentences";

const BLOCKDEV_DEFAULT_NOTE =
  "cache not set: QEMU's defaults, cache.direct=off and cache.no-flush=off on the image and " +
  "write-cache on the device, make writeback (libvirt writes it so for cache='default').";

/** Beyond this many nested `file` nodes, a -blockdev chain is taken to loop. */
const MAX_CHAIN = 16;

/** The disk behind `device`, whose drive= names `ref`, the node `top` among `nodes`. */
export function blockdevDisk(
  device: QemuDevice,
  ref: string,
  top: Props,
  nodes: ReadonlyMap<string, Props>,
  found: Findings,
): void {
  const name = deviceName(device, ref);
  const chain = blockdevChain(top, nodes, name);
  if (typeof chain === "string") {
    found.skip(chain);
    return;
  }
  const source = leafSource(chain.leaf);
  const setting =
    deviceRefusal(device, name, source) ??
    (readBool(ownProp(top, "read-only")) === true ? readOnly(name) : null) ??
    withAio(blockdevSetting(chain, device, name), posixAio(chain.leaf), "aio=native", name);
  if (!found.disk(name, source, setting)) return;
  const driver = stringProp(chain.leaf, "driver");
  noteTraits(found, name, {
    format: chain.format,
    aio: aioTrait("aio", stringProp(chain.leaf, "aio")),
    network: driver !== undefined && NETWORK_PROTOCOLS.has(driver) ? driver : undefined,
  });
}

function blockdevSetting(chain: Chain, device: QemuDevice, name: string): Setting | string {
  const writeCache = deviceWriteCache(device, name);
  if (typeof writeCache === "string") return writeCache;
  const switches: CacheSwitches = {
    guestSeesWriteCache: writeCache ?? true,
    hostCacheBypassed: chain.direct ?? false,
    flushesIgnored: chain.noFlush ?? false,
  };
  const explicit =
    writeCache !== undefined || chain.direct !== undefined || chain.noFlush !== undefined;
  const setting = settingOf(switches, explicit, BLOCKDEV_DEFAULT_NOTE, name);
  if (typeof setting === "string" || chain.stranded.length === 0) return setting;
  // Set where it does not count: say where, and why, rather than "not set".
  const leafSet = chain.direct !== undefined || chain.noFlush !== undefined;
  return { ...setting, note: strandedCache(chain.stranded, nodeLabel(chain.leaf), !leafSet) };
}

/** A node as the user wrote it: its node-name, or its driver for an inline node without one. */
function nodeLabel(node: Props): string {
  const nodeName = stringProp(node, "node-name");
  if (nodeName !== undefined) return `node "${nodeName}"`;
  return `the ${stringProp(node, "driver") ?? "unnamed"} node`;
}

/**
 * "cache.direct=on on node "f"" for each switch a node above the image sets (or inherits) to
 * another value than the node that opens the image has: libvirt writes the same on both, and
 * then nothing is lost.
 */
function strandedOn(node: Props, flags: CacheFlags, leaf: CacheFlags): string[] {
  const set: string[] = [];
  if (flags.direct !== undefined && flags.direct !== (leaf.direct ?? false)) {
    set.push(`cache.direct=${flags.direct ? "on" : "off"}`);
  }
  if (flags.noFlush !== undefined && flags.noFlush !== (leaf.noFlush ?? false)) {
    set.push(`cache.no-flush=${flags.noFlush ? "on" : "off"}`);
  }
  return set.map((s) => `${s} on ${nodeLabel(node)}`);
}

interface CacheFlags {
  readonly direct?: boolean | undefined;
  readonly noFlush?: boolean | undefined;
}

interface Chain extends CacheFlags {
  /** The node that opens the image: a file, host_device or network driver. */
  readonly leaf: Props;
  /** The first image format met on the way down (qcow2…). */
  readonly format: string | undefined;
  /** Cache switches set above a child named by reference, which does not inherit them. */
  readonly stranded: readonly string[];
}

/**
 * Follows `file` from the node a device uses down to the node that opens the image, whose own
 * switches are the ones that count: O_DIRECT is an open flag of file-posix (raw_parse_flags),
 * and a guest flush ends in that node's fdatasync, skipped under its own no-flush (bdrv_co_flush
 * flushes each child in turn). A child written inline inherits its parent's cache settings
 * unless it sets its own; a node named by reference keeps the ones it was given
 * (bdrv_inherited_options, block.c).
 */
function blockdevChain(
  top: Props,
  nodes: ReadonlyMap<string, Props>,
  name: string,
): Chain | string {
  let node = top;
  let inherited: CacheFlags = {};
  let format: string | undefined;
  // The nodes above a child named by reference, with the switches they hold.
  const above: { node: Props; flags: CacheFlags }[] = [];
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const set = cacheFlags(node, name);
    if (typeof set === "string") return set;
    const flags = {
      direct: set.direct ?? inherited.direct,
      noFlush: set.noFlush ?? inherited.noFlush,
    };
    const driver = stringProp(node, "driver");
    if (driver !== undefined && ALLOCATING_FORMATS.has(driver)) format ??= driver;
    const file = ownProp(node, "file");
    if (typeof file === "string") {
      const next = nodes.get(file);
      if (next === undefined) {
        return `${readable(name)} reaches file=${readable(file)}, which no -blockdev here defines.`;
      }
      above.push({ node, flags });
      node = next;
      inherited = {};
    } else if (isRecord(file)) {
      node = file;
      inherited = flags;
    } else {
      const stranded = above.flatMap((a) => strandedOn(a.node, a.flags, flags));
      return { leaf: node, ...flags, format, stranded };
    }
  }
  return `${readable(name)} sits on more than ${String(MAX_CHAIN)} nested -blockdev nodes (or a loop); not read.`;
}

/** A node's `cache.direct` and `cache.no-flush` (`"cache":{…}` in JSON). */
function cacheFlags(node: Props, name: string): CacheFlags | string {
  const cache = ownProp(node, "cache");
  const holder: Props = isRecord(cache) ? cache : {};
  const direct = flag("cache.direct", ownProp(holder, "direct"), name);
  if (typeof direct === "string") return direct;
  const noFlush = flag("cache.no-flush", ownProp(holder, "no-flush"), name);
  if (typeof noFlush === "string") return noFlush;
  return { direct, noFlush };
}

/** The aio of a node file-posix opens (file, host_device); other drivers take none. */
function posixAio(leaf: Props): string | undefined {
  const driver = stringProp(leaf, "driver");
  return driver === "file" || driver === "host_device" ? stringProp(leaf, "aio") : undefined;
}

/** The image's path, or for network storage `driver:pool/image`, as the user would name it. */
function leafSource(leaf: Props): string | null {
  const path = stringProp(leaf, "filename") ?? stringProp(leaf, "path");
  if (path !== undefined) return path;
  const driver = stringProp(leaf, "driver") ?? "";
  const image = stringProp(leaf, "image") ?? stringProp(leaf, "export");
  if (image === undefined) return driver === "" ? null : driver;
  const pool = stringProp(leaf, "pool");
  return `${driver}:${pool === undefined ? "" : `${pool}/`}${image}`;
}
