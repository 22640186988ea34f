/**
 * One lab run (a cache mode × guest barriers × write kind) as the model predicted it and as the
 * boot showed it, check by check.
 */
import type { CacheMode } from "../src/model/config";
import type { HostCalls, WriteKind } from "./kinds";
import { hostCallsOf, type BootObservation, type GuestCall } from "./observe";
import type { BootPrediction, RunPrediction } from "./predict";

export type Observed = BootPrediction & {
  readonly completesAfter: HostCalls;
  /** How many of the kind's calls returned after exactly `completesAfter`. */
  readonly callsAgreeing: number;
  readonly calls: number;
};

export interface LatencyMs {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export interface RunResult {
  readonly mode: CacheMode;
  readonly guestBarriers: boolean;
  readonly kind: WriteKind;
  readonly predicted: RunPrediction;
  readonly observed: Observed;
  /** Per prediction: whether it held. */
  readonly checks: Readonly<Record<keyof RunPrediction, boolean>>;
  readonly holds: boolean;
  readonly latencyMs: LatencyMs;
}

export const CHECKS = [
  "odirect",
  "guestSeesWriteCache",
  "fdatasyncPerFlush",
  "fdatasyncPerWrite",
  "completesAfter",
] as const satisfies readonly (keyof RunPrediction)[];

function callsOf(boot: BootObservation, kind: WriteKind): GuestCall[] {
  const calls = boot.calls.filter((c) => c.kind === kind);
  if (calls.length === 0) throw new Error(`the guest reported no ${kind} call`);
  return calls;
}

/** The value taken by most of `values` (the first on a tie). */
function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] as T;
  for (const [v, n] of counts) if (n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/**
 * The boot's answers to the four configuration questions, each read where it shows:
 * the image's open flags; the guest's `queue/write_cache`; whether every O_DIRECT call (which
 * sends no flush, docs/model.md §3) waited for a write and then an fdatasync; and whether the
 * buffered + fdatasync calls brought fdatasyncs beyond those that follow each write.
 */
export function observeConfig(boot: BootObservation): BootPrediction {
  if (boot.opens.length === 0) throw new Error("QEMU never opened the image read-write");
  const cache = boot.writeCache.vda;
  if (cache !== "write back" && cache !== "write through") {
    throw new Error(`the guest read write_cache "${String(cache)}"`);
  }
  const perWrite = callsOf(boot, "odirect").every(
    (c) => hostCallsOf(c.imageCalls) === "pwrite+fdatasync",
  );
  const extraSyncs = (c: GuestCall): number => {
    const syncs = c.imageCalls.filter((x) => x === "sync").length;
    const writes = c.imageCalls.filter((x) => x === "write").length;
    return syncs - (perWrite ? writes : 0);
  };
  return {
    odirect: boot.opens.every((o) => o.flags.includes("O_DIRECT")),
    guestSeesWriteCache: cache === "write back",
    fdatasyncPerFlush: callsOf(boot, "fsync").every((c) => extraSyncs(c) > 0),
    fdatasyncPerWrite: perWrite,
  };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

export function latencyOf(calls: readonly GuestCall[]): LatencyMs {
  const ms = calls.map((c) => c.latencyMs).sort((a, b) => a - b);
  const round = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    median: round(percentile(ms, 0.5)),
    p10: round(percentile(ms, 0.1)),
    p90: round(percentile(ms, 0.9)),
    min: round(ms[0] ?? NaN),
    max: round(ms[ms.length - 1] ?? NaN),
    n: ms.length,
  };
}

export function compareRun(
  mode: CacheMode,
  guestBarriers: boolean,
  kind: WriteKind,
  predicted: RunPrediction,
  boot: BootObservation,
): RunResult {
  const calls = callsOf(boot, kind);
  const perCall = calls.map((c) => hostCallsOf(c.imageCalls));
  const completesAfter = mostCommon(perCall);
  const observed: Observed = {
    ...observeConfig(boot),
    completesAfter,
    callsAgreeing: perCall.filter((h) => h === completesAfter).length,
    calls: calls.length,
  };
  const checks = Object.fromEntries(CHECKS.map((k) => [k, predicted[k] === observed[k]])) as Record<
    (typeof CHECKS)[number],
    boolean
  >;
  // Every call must agree: one call that returned before the host call the model names is a ✘.
  checks.completesAfter &&= observed.callsAgreeing === observed.calls;
  return {
    mode,
    guestBarriers,
    kind,
    predicted,
    observed,
    checks,
    holds: CHECKS.every((k) => checks[k]),
    latencyMs: latencyOf(calls),
  };
}
