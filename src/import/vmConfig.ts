/**
 * "Import your VM": reads a configuration the user pastes — a libvirt domain XML (`virsh
 * dumpxml`), a QEMU command line (as `ps` or `qm showcmd` prints it, or a shell script) or a
 * Proxmox VE VM configuration (`/etc/pve/qemu-server/<vmid>.conf`) — and tells which QEMU cache
 * mode each disk uses (docs/model.md §2, §7). The guest filesystem and its barriers are not in
 * these files, so nothing is said about them.
 *
 * This entry refuses what is no configuration, tells the three formats apart and hands the text
 * to the format's reader (libvirt.ts, qemu.ts, proxmox.ts), which fills a Findings (findings.ts).
 *
 * Pure and synchronous, without DOMParser, so the same code runs in the browser and under Node.
 * Hostile text gets a one-line message, never an exception, and never a long wait: every scan
 * moves forward through the text (no backtracking regular expression, no recursion over its
 * structure), lookups go through Maps, and user text in a message goes through readable().
 */
import { readable } from "../scenario/readable";
import type { VmDisk } from "./disks";
import type { Findings } from "./findings";
import { readLibvirt } from "./libvirt";
import { isProxmoxLine, readProxmox } from "./proxmox";
import { isQemuWord, readQemu } from "./qemu";
import { tooLong } from "./size";
import { LineCounter } from "./text";

export type { VmDisk } from "./disks";

export type VmFormat = "libvirt" | "qemu" | "proxmox";

export type VmImport =
  | {
      readonly ok: true;
      readonly format: VmFormat;
      readonly disks: readonly VmDisk[];
      /** Sentences naming what was present but not read, or not modelled by the diagram. */
      readonly unread: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

/** `unread` is read by a person: past this many sentences, the last one counts the rest. */
const MAX_UNREAD = 20;

const FORMAT_NAMES: Readonly<Record<VmFormat, string>> = {
  libvirt: "libvirt domain XML",
  qemu: "QEMU command line",
  proxmox: "Proxmox VM configuration",
};

const UNDERSTOOD =
  "a libvirt domain XML (virsh dumpxml), a QEMU command line (as ps shows it, or a shell script) " +
  "or a Proxmox VM configuration (/etc/pve/qemu-server/<vmid>.conf)";

export function parseVmConfig(text: string): VmImport {
  const refused = refusal(text);
  if (refused !== null) return { ok: false, message: refused };
  const format = detect(text);
  if (format === null) return { ok: false, message: unrecognised(text) };
  const found = READERS[format](text);
  return typeof found === "string" ? { ok: false, message: found } : outcome(format, found);
}

const READERS: Readonly<Record<VmFormat, (text: string) => Findings | string>> = {
  libvirt: readLibvirt,
  qemu: readQemu,
  proxmox: readProxmox,
};

function refusal(text: string): string | null {
  const long = tooLong(text);
  if (long !== null) return long;
  if (text.trim() === "") return `There is nothing to read; paste ${UNDERSTOOD}.`;
  const control = firstControl(text);
  if (control !== -1) {
    const line = new LineCounter(text).at(control);
    return `This is not text: it holds the control character ${readable(text.charAt(control))} on line ${String(line)}.`;
  }
  return null;
}

/** The first C0 control other than tab, line feed and carriage return, or DEL: binary data. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return i;
  }
  return -1;
}

function detect(text: string): VmFormat | null {
  // trimStart() also drops a byte-order mark (U+FEFF is white space to ECMAScript).
  if (text.trimStart().startsWith("<")) return "libvirt";
  // Before QEMU: a Proxmox file can hold QEMU options itself, on its `args:` line.
  if (text.split("\n").some(isProxmoxLine)) return "proxmox";
  if (text.split(/\s+/).some(isQemuWord)) return "qemu";
  return null;
}

function unrecognised(text: string): string {
  // A shell prompt or a `virsh dumpxml` line pasted along with the XML.
  if (text.includes("<domain")) {
    return "This looks like a libvirt domain XML with text before it; paste the XML alone, from <domain on.";
  }
  return `This is no configuration this page reads; paste ${UNDERSTOOD}.`;
}

function outcome(format: VmFormat, found: Findings): VmImport {
  const unread = found.sentences();
  if (found.disks.length > 0)
    return { ok: true, format, disks: found.disks, unread: capped(unread) };
  const shown = unread.slice(0, 3).join(" ");
  const more = unread.length > 3 ? ` (and ${String(unread.length - 3)} more)` : "";
  const why = shown === "" ? "" : ` ${shown}${more}`;
  return {
    ok: false,
    message: `This ${FORMAT_NAMES[format]} names no disk whose cache mode matters.${why}`,
  };
}

function capped(sentences: readonly string[]): readonly string[] {
  if (sentences.length <= MAX_UNREAD) return sentences;
  const kept = sentences.slice(0, MAX_UNREAD - 1);
  return [...kept, `And ${String(sentences.length - kept.length)} more that were not read.`];
}
