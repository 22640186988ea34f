/**
 * Proxmox VE VM configuration (`/etc/pve/qemu-server/<vmid>.conf`):
 * https://pve.proxmox.com/wiki/Manual:_qm.conf and the drive options of
 * https://pve.proxmox.com/pve-docs/qm.1.html
 */
import { CACHE_MODES } from "../model/config";
import { readable } from "../scenario/readable";
import { isCacheMode, readBool, SNAPSHOT, withAio, type Setting } from "./disks";
import { aioTrait, Findings, noteTraits } from "./findings";
import { keyval } from "./keyval";
import { badCache, cdrom, extraArguments, listOf, readOnly, template } from "./sentences";

/** Keys that only a Proxmox VM configuration has: its drives, or VM-wide settings. */
const PROXMOX_HINT =
  /^(?:(?:ide|sata|scsi|virtio|efidisk|tpmstate|unused)\d+|scsihw|vmgenid|smbios1|bootdisk):/;

const PROXMOX_DRIVE = /^(?:ide|sata|scsi|virtio)\d+$/;

const PROXMOX_UNUSED = /^unused\d+$/;

/** Proxmox's `cache` enum has the five QEMU names (PVE/QemuServer/Drive.pm). */
const PROXMOX_DEFAULT_NOTE =
  "cache not set: Proxmox VE then passes cache=none to QEMU (qemu-server; docs/model.md §6.7), " +
  "except for a disk on btrfs storage without nocow, which gets QEMU's default, writeback.";

/** How many section names the sentence about them lists. */
const MAX_SECTIONS_SHOWN = 5;

/** A line, indented or not, that sets a key only a Proxmox VM configuration has. */
export function isProxmoxLine(line: string): boolean {
  return PROXMOX_HINT.test(line.trimStart());
}

export function readProxmox(text: string): Findings {
  const found = new Findings();
  const sections: string[] = [];
  const current: string[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    // The current configuration comes first; `[name]` starts a snapshot, `[PENDING]` changes
    // waiting for the next start (qm.conf(5)): neither is what runs now.
    if (line.startsWith("[")) sections.push(line);
    else if (sections.length === 0 && line !== "" && !line.startsWith("#")) current.push(line);
  }
  // qm writes its keys in alphabetical order: `template` comes after the drives it concerns.
  const isTemplate = current.some((line) => /^template:\s*1$/.test(line));
  for (const line of current) proxmoxLine(line, found, isTemplate);
  if (sections.length > 0) found.skip(sectionsSentence(sections));
  return found;
}

function proxmoxLine(line: string, found: Findings, isTemplate: boolean): void {
  const colon = line.indexOf(":");
  if (colon <= 0) return;
  const key = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (PROXMOX_DRIVE.test(key)) proxmoxDisk(key, value, found, isTemplate);
  else if (PROXMOX_UNUSED.test(key)) {
    found.skip(`${key} (${readable(value)}) is a volume detached from the VM.`);
  } else if (key === "efidisk0") {
    found.skip("efidisk0 holds the UEFI variables, not guest data; not read.");
  } else if (key === "tpmstate0") {
    found.skip("tpmstate0 holds the virtual TPM's state, not guest data; not read.");
  } else if (key === "args") {
    found.skip(extraArguments("args:"));
  }
}

function proxmoxDisk(key: string, value: string, found: Findings, isTemplate: boolean): void {
  // A property string: the volume first (or file=), then key=value pairs.
  const props = keyval(value, "file");
  const source = props.get("file") ?? props.get("volume") ?? null;
  const setting =
    proxmoxRefusal(props, key, source) ??
    // qemu-server starts a template only for a backup, read-only (PVE/QemuServer.pm).
    (isTemplate ? template(key) : null) ??
    (readBool(props.get("snapshot")) === true
      ? SNAPSHOT
      : withAio(
          proxmoxSetting(props.get("cache"), key),
          pathAio(props, source),
          "aio=native",
          key,
        ));
  if (!found.disk(key, source, setting)) return;
  const extension = source?.slice(source.lastIndexOf(".") + 1);
  noteTraits(found, key, {
    format: props.get("format") ?? extension,
    aio: aioTrait("aio", props.get("aio")),
  });
}

/**
 * The aio of a drive given as a path, which file-posix opens. A storage volume may be Ceph's
 * librbd, whose driver takes no aio, so for it nothing is claimed.
 */
function pathAio(props: ReadonlyMap<string, string>, source: string | null): string | undefined {
  return source?.startsWith("/") === true ? props.get("aio") : undefined;
}

/** Why a drive is no disk whose cache mode matters, or null. */
function proxmoxRefusal(
  props: ReadonlyMap<string, string>,
  key: string,
  source: string | null,
): string | null {
  if (props.get("media") === "cdrom") return cdrom(key, source);
  return readBool(props.get("ro")) === true ? readOnly(key) : null;
}

function proxmoxSetting(cache: string | undefined, key: string): Setting | string {
  if (cache === undefined) return { mode: "none", explicit: false, note: PROXMOX_DEFAULT_NOTE };
  if (isCacheMode(cache)) return { mode: cache, explicit: true, note: null };
  return badCache(`cache=${readable(cache)}`, key, "Proxmox", CACHE_MODES);
}

function sectionsSentence(sections: readonly string[]): string {
  const shown = sections.slice(0, MAX_SECTIONS_SHOWN).map((section) => readable(section));
  const more = sections.length - shown.length;
  const list = more > 0 ? `${shown.join(", ")} and ${String(more)} more` : listOf(shown);
  const many = sections.length > 1;
  return `The ${many ? `${String(sections.length)} sections` : "section"} after the current configuration (snapshots or pending changes) ${many ? "were" : "was"} not read: ${list}.`;
}
