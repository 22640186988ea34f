/**
 * The faults below QEMU (docs/model.md §4, §8.14): their names, in the one list every view uses
 * (the Faults panel's summary, the configuration line, the exports, the matrix's caption), and
 * the Faults panel's words.
 */
import type { SessionConfig } from "../scenario/session";

type Fault = "diskFlush" | "hostBarriers" | "reorder";

/** A fault, as its checkbox, a list and (for the matrix's caption) a "with …" phrase name it. */
export const FAULT = {
  diskFlush: {
    check: "Drive ignores flushes",
    name: "drive ignores flushes",
    with: "a drive that ignores flushes",
  },
  hostBarriers: {
    check: "Host filesystem without barriers",
    name: "host filesystem without barriers",
    with: "a host filesystem without barriers",
  },
  reorder: {
    check: "Disk reorders writes",
    name: "disk reorders writes",
  },
} as const satisfies Readonly<Record<Fault, { check: string; name: string; with?: string }>>;

/** The faults on in `config`, named, in a fixed order. */
export function faultsOn(
  config: Pick<SessionConfig, "diskFlush" | "hostBarriers" | "reorder">,
): string[] {
  const on: Fault[] = [];
  if (config.diskFlush === "ignored") on.push("diskFlush");
  if (!config.hostBarriers) on.push("hostBarriers");
  if (config.reorder) on.push("reorder");
  return on.map((fault) => FAULT[fault].name);
}

/** "none", or the faults on: "drive ignores flushes, disk reorders writes". */
export const faultList = (names: readonly string[]): string =>
  names.length > 0 ? names.join(", ") : "none";

/** What a fault does here (src/ui/controls/Faults.tsx picks the case from the model's rules). */
export const FAULT_EFFECT = {
  none: "Every verdict assumes flushes reach the drive and the drive obeys them.",
  "cache-off":
    "Harmless here: the drive's cache is off, so writes go straight to stable storage (platters or flash).",
  "cache-battery": "Harmless here: the drive's cache is battery-backed, so it is stable storage.",
  "no-effect": "No effect in this mode: QEMU sends nothing down that needs a flush.",
  "no-host-barriers":
    "QEMU's writes and its fdatasync leave the data in the drive's volatile cache, and no flush is sent to the drive: blue and green end there, like gray.",
  "ignored-by-drive":
    "The drive reports every cache flush done and keeps the data in its volatile cache: blue and green end there, like gray.",
} as const;

export type FaultEffect = keyof typeof FAULT_EFFECT;

export const FAULTS = {
  summary: (names: readonly string[]) => `Faults: ${faultList(names)}`,
  reorder: (on: boolean) =>
    on
      ? "Journal commits travel as blocks of their own (J), and the drive writes one ahead of data that reached it first (a choice, not a measurement). When no flush reaches the platters before a commit (guest barriers off, cache=unsafe, or either fault above) and the drive cache is volatile, a power cut between commit and data leaves the write inconsistent; here that can befall, under ext3 and ext4 alike, an O_SYNC write or a write an fsync covers (the sync commits at once) and an O_DIRECT write made just before a 5 s commit, and under ext3 every buffered write. A flush that reaches the platters before each commit prevents it; writethrough and directsync need none."
      : "Off: journal commits are not modelled as blocks, so no write is judged inconsistent; every verdict assumes the drive writes blocks in the order it received them.",
  demo: "Show a reordering",
} as const;
