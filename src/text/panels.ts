/**
 * The words of what sits below the stage (src/ui/panels/, loaded after the first view): the key,
 * "If it failed now", the latency chart, and what the configuration means. The ledger's are in
 * ./ledger.ts, the matrix's in ./matrix.ts, the snippets' in ./snippets.ts.
 */
import { MODE_SWITCHES, type CacheMode, type DiskCache } from "../model/config";
import type { Arrow } from "../model/timeline";
import { formatDuration, noun, NOUN } from "./format";
import { formatModelTime } from "./clock";
import { onOff, opName, PROMISE } from "./vocabulary";

/** Where `none`'s writes end: the drive's cache, or stable storage when it is off (§6.1, §8.11). */
const GRAY_END: Readonly<Record<DiskCache, string>> = {
  volatile: "the drive's volatile write cache",
  off: "stable storage (platters or flash), since the drive's write cache is off",
  battery: "the drive's battery-backed write cache (stable storage)",
};

/** The key (src/ui/stage/Legend.tsx): each arrow's meaning, the acknowledgement, the clock. */
export const LEGEND = {
  arrows: "Arrows",
  /** Each arrow's meaning; where gray ends follows the drive's cache (docs/model.md §8.11). */
  arrow: (diskCache: DiskCache): Readonly<Record<Arrow, string>> => ({
    red: "data parked in the host page cache (writeback, unsafe)",
    gray: `straight to ${GRAY_END[diskCache]}, host page cache bypassed (none)`,
    blue: "each write to the virtual disk completes only once on stable storage (writethrough, directsync)",
    green:
      "a guest flush passed down as fdatasync: once it completes, every write the virtual disk had completed before it is on stable storage",
  }),
  tokens: "Tokens",
  ack: "ack",
  ackMeaning: "the call returns to the application",
  clock:
    "Screen time is compressed: each step between events is shown on a log scale and idle stretches are fast-forwarded, so a 1 µs copy and a 30 s wait both stay watchable. The clock and the table show model time, built on estimated latencies (a 14 ms platter write, 0.1 ms into the drive's cache, 100 ms before the drive destages) and Linux's default timers. Playback pauses while the diagram is scrolled out of view.",
} as const;

/** "#1, #3", or "none". */
const names = (indices: readonly number[]) =>
  indices.length ? indices.map(opName).join(", ") : "none";

/** "If it failed now" (src/ui/panels/FailedNow.tsx). */
export const FAILED_NOW = {
  name: "If it failed now",
  caption: (tMs: number) => `If it failed now, at ${formatModelTime(tMs)}`,
  head: [
    "Failure",
    "Writes destroyed",
    `Of those, ${PROMISE.returned}`,
    `Of those, ${PROMISE.promised}`,
  ],
  /** Under the table: when a return at the failure's very instant counts. */
  tie: PROMISE.tie,
  /** "(#1, #3)": which writes, beside how many. */
  which: (indices: readonly number[]) => `(${names(indices)})`,
} as const;

/** The latency chart (src/ui/panels/Latency.tsx). */
export const LATENCY = {
  name: "Latency chart",
  compared: (which: string) => `Latency chart ${which}`,
  /** What the chart shows, for a screen reader: the medians it draws. */
  description: (name: string, rows: number, ack: number | null, durable: number | null) =>
    `${name.replace(/^Latency chart/, "Latency")}, on a log scale from 1 µs to 100 s (the model's estimates): for the last ${String(rows)} ${noun(rows, NOUN.write)}, time from issue to the call's return, median ${formatDuration(ack)}, and to durable, median ${formatDuration(durable)}.`,
  acked: ` the call ${PROMISE.returned} `,
  durable:
    " durable; the line between is how long a power cut could still lose the write (dashed: not durable in this run). Time from each write's issue, log scale, as the writes run without a failure; the latencies are the model's estimates.",
  /** " The last 200 of 1000 writes." */
  lastOf: (shown: number, all: number) => ` The last ${String(shown)} of ${String(all)} writes.`,
  /**
   * The file button that loads a lab result (the rest of its words, with the result's table,
   * load with it: ./lab.ts): its accessible name, its visible face, and what it says meanwhile.
   */
  loadLab: "Load lab result",
  loadLabFace: "Load lab result…",
  loadingLab: "Reading the lab result…",
  clearLab: "Remove lab result",
  clearedLab: "Lab result removed: the chart shows the model's estimates only.",
  labFailed: (error: string) => `The lab result could not be read: ${error}.`,
} as const;

/** One line per mode (docs/model.md §2, §6). */
const MODE_LINE: Readonly<Record<CacheMode, string>> = {
  writeback:
    "QEMU's default: writes are acknowledged in the host page cache; guest flushes are passed down.",
  none: "What Proxmox VE uses when no mode is set: bypasses the host page cache; writes are acknowledged in the disk's write cache, which still holds them (not “no cache”).",
  writethrough:
    "The default of RHEL 6's qemu-kvm: every write the guest sends to the virtual disk is on stable storage before it completes.",
  directsync: "Like writethrough, without keeping a copy in the host page cache.",
  unsafe: "Like writeback, but QEMU completes the guest's flushes without fdatasync.",
};

const DISK_LINE: Readonly<Record<DiskCache, string>> = {
  volatile: "lost on power loss (hdparm -W1)",
  off: "writes go straight to stable storage, platters or flash (hdparm -W0, sdparm --clear=WCE, nvme set-feature -f 6 --value=0)",
  battery: "battery-backed or power-loss-protected: survives power loss",
};

/** What the configuration means (src/ui/panels/About.tsx; the caption: ./narration.ts). */
export const ABOUT = {
  heading: "What this configuration means",
  modes: "The five cache modes and QEMU's switches",
  mode: MODE_LINE,
  /** QEMU's three switches for a mode: "cache.writeback=on, cache.direct=off, cache.no-flush=off". */
  switches: (mode: CacheMode) => {
    const s = MODE_SWITCHES[mode];
    return `cache.writeback=${onOff(s.guestSeesWriteCache)}, cache.direct=${onOff(s.hostCacheBypassed)}, cache.no-flush=${onOff(s.flushesIgnored)}`;
  },
  disk: (disk: DiskCache) => `disk write cache ${disk}`,
  diskLine: DISK_LINE,
  howTo: "How to set this configuration",
  loading: "Loading…",
  /**
   * What the lab proved (docs/lab.md): "Checked against real QEMU 7.2.22 … on 2026-12-07 (TCG):
   * 225 of 225 predictions hold."
   */
  checked: (lab: {
    qemu: string;
    date: string;
    accelerator: string;
    predictions: number;
    predictionsHold: number;
  }) =>
    `Checked against real QEMU ${lab.qemu} on ${lab.date.slice(0, 10)} (${lab.accelerator.toUpperCase()}): ${String(lab.predictionsHold)} of ${String(lab.predictions)} of the model's predictions hold — how QEMU opens the image, whether the guest sees a write cache, which guest calls reach fdatasync, and what a QEMU kill loses.`,
  checkedHow:
    "Its table is below; the report, with how each observation is made, is docs/lab.md in the project's repository, and npm run lab reruns it on your own host.",
  /** The disclosure that shows the lab's table (src/ui/panels/LabReport.tsx). */
  labTable: "The lab's table: each prediction against what QEMU did",
} as const;
