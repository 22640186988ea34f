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
  /** The compared diagram's verdict region. */
  verdict: (mode: CacheMode) => `Verdict under cache=${mode} (compared)`,
  /** Which diagram the compared one is, in its tables' names. */
  which: (mode: CacheMode) => `under cache=${mode} (compared)`,
} as const;

/** One run's numbers (median, max); times are the model's estimates (docs/model.md §5). */
export const SUMMARY = {
  returns: "Call returns (estimate)",
  durable: "Durable after (estimate)",
  /**
   * "median 14.1 ms, max 35.0 s" over `writes` writes; never "median none" ("none" is a cache
   * mode too, issue 17).
   */
  spread: (median: number | null, max: number | null, writes: number) =>
    writes === 0
      ? "no writes yet"
      : median === null || max === null
        ? "none of the writes"
        : `median ${formatDuration(median)}, max ${formatDuration(max)}`,
  lost: "Lost to the failure",
  toll: (lost: number, acked: number | null) =>
    acked === null
      ? "no failure yet"
      : `${String(lost)} writes, ${String(acked)} of them had returned`,
} as const;
