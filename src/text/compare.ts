/**
 * The compare view's words (src/ui/compare/Compare.tsx) and each run's numbers beside it
 * (src/ui/panels/Summary.tsx): loaded with the comparison.
 */
import type { CacheMode } from "../model/config";
import { formatDuration } from "./format";

export const COMPARE = {
  region: "Compared configuration",
  close: "Close comparison",
  with: "Compare with",
  /** An option of the mode to compare with. */
  mode: (mode: CacheMode) => `cache=${mode}`,
  run: "Compared run",
  /** Which diagram the compared one is, in its tables' names. */
  which: (mode: CacheMode) => `under cache=${mode} (compared)`,
} as const;

/** One run's numbers (median, max); times are the model's estimates (docs/model.md §5). */
export const SUMMARY = {
  returns: "Call returns (estimate)",
  durable: "Durable after (estimate)",
  spread: (median: number | null, max: number | null) =>
    `median ${formatDuration(median)}, max ${formatDuration(max)}`,
  lost: "Lost to the failure",
  toll: (lost: number, acked: number | null) =>
    acked === null
      ? "no failure yet"
      : `${String(lost)} writes, ${String(acked)} of them had returned`,
} as const;
