/**
 * The words of taking a scenario away and bringing one back (src/ui/share/): the buttons, the
 * Share dialog, Import VM configuration, and every status they report. Loaded with them.
 */
import type { VmFormat } from "../import/vmConfig";
import { readable } from "../scenario/readable";
import { count, NOUN } from "./format";

/** A file's name as the page echoes it (readable: bidi controls shown, not obeyed). */
const shownFile = (file: string): string => readable(file, 80);
/** A disk's name or path from a pasted configuration, likewise; long ones cut. */
const shownDisk = (name: string): string => readable(name, 60);

export const SHARE = {
  group: "Share",
  copyLink: "Copy link",
  exportScenario: "Export scenario",
  openScenario: "Open scenario",
  /** The file button's visible face (its name is `openScenario`). */
  openScenarioFace: "Open scenario…",
  exportGroup: "Export",
  /** "Download SVG", "Download Markdown". */
  download: (what: string) => `Download ${what}`,
  csv: "CSV",
  markdown: "Markdown",
  /** The Markdown export's title, above the configuration and the link. */
  ledgerTitle: "KVM cache modes: the ledger",
  linkCopied: (warning: string | null) =>
    `Link copied: it opens this scenario at this moment.${warning ? ` ${warning}` : ""}`,
  /** A link past 8 000 characters (src/link/urlWrite.ts, `longLinkWarning`), `kib` long. */
  longLink: (kib: number) =>
    `It is ${String(kib)} KiB long: browsers open it, but not every app that passes links on keeps one over 8 000 characters whole; Export scenario gives a file instead.`,
  clipboardRefused:
    "The browser refused the clipboard: copy the address bar instead, it holds the same link.",
  exported: (name: string) => `Exported ${name}: npm run scenario reads it.`,
  exportedTable: (name: string, rows: number) =>
    `Exported ${name}: the ledger, ${count(rows, NOUN.row)}.`,
  exportedFrame: (name: string) => `Exported ${name}: this frame, with what it shows and its link.`,
  frameFailed: (format: string, error: string) => `The ${format} could not be made: ${error}.`,
  noPng: "the browser could not make a PNG",
  tooLarge: (file: string) =>
    `${shownFile(file)} is not opened: larger than 1 MiB, more than the page can show.`,
  invalid: (file: string, error: string) =>
    `${shownFile(file)} is not opened (${error}); nothing changed.`,
  tooManyWrites: (file: string, writes: number, max: number) =>
    `${shownFile(file)} is not opened: ${String(writes)} writes, the page keeps at most ${String(max)} (npm run scenario reads it).`,
  opened: (file: string) => `Opened ${shownFile(file)}.`,
} as const;

/** An embed's way out (src/ui/share/FullViewLink.tsx). */
export const FULL_VIEW = {
  link: "Open full view",
  source: " · After G. Danti's article on KVM cache settings (2012)",
} as const;

/** The Share dialog (src/ui/share/ShareDialog.tsx): each snippet, its label and copy button. */
export const SHARE_DIALOG = {
  open: "Share",
  title: "Share this moment",
  parts: {
    link: { label: "Link to this moment", copy: "Copy the link" },
    iframe: { label: "Iframe (HTML, MkDocs, mdBook)", copy: "Copy the iframe snippet" },
    mdx: { label: "Iframe for MDX (Docusaurus)", copy: "Copy the MDX snippet" },
    element: { label: "Element (one script tag)", copy: "Copy the element snippet" },
  },
  copied: (what: string) => `${what} copied.`,
  clipboardRefused: "The browser refused the clipboard: select the text and copy it.",
  close: "Close",
} as const;

const FORMAT_NAME: Readonly<Record<VmFormat, string>> = {
  libvirt: "libvirt domain XML",
  qemu: "QEMU command line",
  proxmox: "Proxmox VM configuration",
};

/** Import VM configuration (src/ui/share/ImportVm.tsx). */
export const IMPORT_VM = {
  open: "Import VM configuration",
  title: "Import a VM configuration",
  /** Before and after the two paths the hint shows as code. */
  hint: [
    "Paste ",
    ", a QEMU command line, or a Proxmox ",
    ". It is read here, in the page: nothing is sent anywhere.",
  ],
  hintCode: ["virsh dumpxml", "/etc/pve/qemu-server/<id>.conf"],
  field: "VM configuration",
  disk: "Disk",
  /** A disk to choose: "virtio0: cache=none (local-lvm:vm-100-disk-0)". */
  diskChoice: (name: string, mode: string, source: string | null) =>
    `${shownDisk(name)}: cache=${mode}${source ? ` (${shownDisk(source)})` : ""}`,
  /** Many disks: a filter over their names and sources, and how many the select lists. */
  filter: "Filter disks",
  listed: (listed: number, matching: number, disks: number) =>
    matching === 0
      ? `No disk of the ${String(disks)} matches.`
      : listed < matching
        ? `Listing the first ${String(listed)} of ${String(matching)} matching disks (${String(disks)} in all): type part of a name or path to narrow them.`
        : `Listing ${count(listed, NOUN.disk)} of ${String(disks)}.`,
  apply: "Apply",
  close: "Close",
  applied: (name: string, mode: string, explicit: boolean) =>
    `Applied: ${shownDisk(name)} uses cache=${mode}${explicit ? "" : " (the default)"}.`,
  readAs: (format: VmFormat, disks: number) =>
    `Read as a ${FORMAT_NAME[format]}: ${count(disks, NOUN.disk)}${disks > 1 ? " (choose one above, then Apply again)" : ""}.`,
  unread: "Not read, or not modelled:",
} as const;
