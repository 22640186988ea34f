/**
 * The safety matrix's words (docs/model.md §3): its cells, its caption and its Markdown, for the
 * page's table (src/ui/panels/SafetyMatrix.tsx) and for `npm run matrix` (src/cli/matrix.ts).
 * The rows themselves are the model's (src/model/matrix.ts).
 */
import type { DiskCache, GuestFs } from "../model/config";
import type { MatrixRow } from "../model/matrix";
import type { OpKind } from "../model/timeline";
import { FAULT } from "./faults";
import { formatDuration } from "./format";
import { onOff } from "./vocabulary";

/** The arrows in the words of docs/model.md §3: "red, then green", "red, green refused". */
export function describeArrows(row: Pick<MatrixRow, "arrows" | "flush">): string {
  const words = row.arrows.join(", then ");
  switch (row.flush) {
    case "ignored-by-qemu":
      return words ? `${words}, green refused` : "green refused";
    case "no-guest-barriers":
      return words
        ? `${words} (no flush: guest has no barriers)`
        : "none (no flush: guest has no barriers)";
    case "no-write-cache":
      return words ? `${words} (no flush needed)` : "none (no flush needed)";
    case "no-host-barriers":
      return `${words || "green"} (it ends in the disk's volatile cache: the host sends the drive no flush)`;
    case "ignored-by-drive":
      return `${words || "green"} (it ends in the disk's volatile cache: the drive ignores flushes)`;
    case "passed":
    case null:
      return words;
  }
}

/** The arrows a write takes later, in the background: "host-writeback, then destage", or "—". */
export const laterArrows = (row: Pick<MatrixRow, "laterArrows">): string =>
  row.laterArrows.join(", then ") || "—";

/** The kinds of write as the matrix names them: what a program calls. */
export const MATRIX_KIND: Readonly<Record<OpKind, string>> = {
  normal: "normal write()",
  osync: "O_SYNC write",
  barrier: "barrier (fsync)",
  odirect: "O_DIRECT write",
};

const DISK_WORDS: Readonly<Record<DiskCache, string>> = {
  volatile: "a volatile disk write cache",
  off: "the disk write cache off",
  battery: "a battery-backed disk write cache",
};

/** The page's table: its name, caption, column heads and verdict cells. */
export const MATRIX = {
  region: "Safety matrix, scrollable",
  /** "Safety matrix: one write issued on an idle stack, an ext4 guest and …, then the power cut". */
  caption: (
    guestFs: GuestFs,
    disk: DiskCache,
    faults: { diskFlush: "honoured" | "ignored"; hostBarriers: boolean },
  ) => {
    const on = [
      faults.diskFlush === "ignored" ? FAULT.diskFlush.with : null,
      faults.hostBarriers ? null : FAULT.hostBarriers.with,
    ].filter(Boolean);
    return `Safety matrix: one write issued on an idle stack, an ${guestFs} guest and ${DISK_WORDS[disk]}${on.length ? `, with ${on.join(" and ")}` : ""}, then the power cut the instant the call returns. Computed by the model; times use its estimated latencies (docs/model.md §5); “durable after” is the worst case with Linux's default timers. The rows of the current configuration are marked ▸.`;
  },
  head: [
    "Cache mode",
    "Guest barriers",
    "Write",
    "Acknowledged in",
    "Returns after",
    "Arrows",
    "Later, in the background",
    "Safe on power loss",
    "Durable after",
  ],
  current: "current configuration: ",
  safe: (safe: boolean) => (safe ? "✔ yes" : "✘ no"),
} as const;

export function matrixMarkdown(rows: readonly MatrixRow[]): string {
  const lines = [
    "| mode | guest barriers | write | returns with its data in | returns after | arrows | later, in the background | safe on power loss | durable after |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows
      .map((row) =>
        [
          row.mode,
          onOff(row.guestBarriers),
          MATRIX_KIND[row.kind],
          row.ackedIn,
          `${String(Math.round(row.ackedAfterMs * 1000) / 1000)} ms`,
          describeArrows(row) || "—",
          laterArrows(row),
          row.safeOnPowerLoss ? "yes" : "no",
          formatDuration(row.durableAfterMs),
        ].join(" | "),
      )
      .map((cells) => `| ${cells} |`),
  ];
  return `${lines.join("\n")}\n`;
}
