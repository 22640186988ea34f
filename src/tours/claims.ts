/**
 * Checks a step's claims (`expect`) against the model: what the narration says about a write is
 * what `timelineOf` computes for it, or the test says which claim and why not.
 */
import { tally } from "../model/tally";
import { timelineOf } from "../scenario/outcome";
import type { FailureKind, OpResult, Timeline } from "../model/timeline";
import type { Claim, TourStep } from "./schema";

/** The step's timeline, or the same scenario with a failure of another kind at the crash instant. */
function timelineFor(step: TourStep, crash: FailureKind | undefined, cache: Map<string, Timeline>) {
  const key = crash ?? "";
  let timeline = cache.get(key);
  if (!timeline) {
    const scenario =
      crash && step.scenario.crash
        ? { ...step.scenario, crash: { at: step.scenario.crash.at, kind: crash } }
        : step.scenario;
    timeline = timelineOf(scenario);
    cache.set(key, timeline);
  }
  return timeline;
}

function by(timeMs: number | null, at: number): boolean {
  return timeMs !== null && timeMs <= at;
}

function when(timeMs: number | null): string {
  return timeMs === null ? "never" : `at ${String(Math.round(timeMs * 1e6) / 1e6)} ms`;
}

/** Why `claim` does not hold for the op, or null when it does. */
function checkWrite(claim: Exclude<Claim, { lostAcked: number }>, op: OpResult, at: number) {
  // The claim's own 0-based `write`, not the narration's "#" (which counts from 1).
  const name = `write ${String(op.index)}`;
  if ("acked" in claim) {
    const acked = by(op.ackedAtMs, at);
    return acked === claim.acked ? null : `${name} acknowledged ${when(op.ackedAtMs)}`;
  }
  if ("ackedIn" in claim) {
    if (!by(op.ackedAtMs, at)) return `${name} not acknowledged by ${String(at)} ms`;
    return op.ackedIn === claim.ackedIn ? null : `${name} acknowledged in ${String(op.ackedIn)}`;
  }
  if ("ackLatency" in claim) {
    const [min, max] = claim.ackLatency;
    const latency = op.ackedAtMs === null ? null : op.ackedAtMs - op.atMs;
    return latency !== null && latency >= min && latency <= max
      ? null
      : `${name} acknowledged ${latency === null ? "never" : `${String(latency)} ms after it was issued`}`;
  }
  if ("durableBy" in claim) {
    const durable = by(op.durableAtMs, at);
    return durable === claim.durableBy ? null : `${name} durable ${when(op.durableAtMs)}`;
  }
  if ("survives" in claim) {
    return op.survives === claim.survives ? null : `${name} survives: ${String(op.survives)}`;
  }
  if ("paths" in claim) {
    return op.paths.join() === claim.paths.join()
      ? null
      : `${name} travelled [${op.paths.join(", ")}]`;
  }
  if ("flush" in claim) {
    return op.flush?.outcome === claim.flush
      ? null
      : `${name}'s flush: ${op.flush?.outcome ?? "none"}`;
  }
  const visited = (layer: string) => op.hops.some((h) => h.to === layer && h.cutAtMs === null);
  if ("visits" in claim) {
    return visited(claim.visits) ? null : `${name} never arrived in ${claim.visits}`;
  }
  return visited(claim.skips) ? `${name} arrived in ${claim.skips}` : null;
}

/** The claims of a step that the model contradicts, each with what the model says instead. */
export function claimFailures(step: TourStep): string[] {
  const cache = new Map<string, Timeline>();
  const failures: string[] = [];
  for (const claim of step.expect ?? []) {
    const crash = "crash" in claim ? claim.crash : undefined;
    const timeline = timelineFor(step, crash, cache);
    let failure: string | null;
    if ("lostAcked" in claim) {
      const crashAt = timeline.crash?.atMs ?? step.at;
      const lost = timeline.ops.filter((op) => op.survives === false).map((op) => op.index);
      const { returned } = tally(timeline.ops, lost, crashAt);
      failure =
        returned.length === claim.lostAcked
          ? null
          : `${String(returned.length)} returned writes lost (${returned.map((i) => `write ${String(i)}`).join(", ") || "none"})`;
    } else {
      const op = timeline.ops[claim.write];
      failure = op ? checkWrite(claim, op, step.at) : `no write ${String(claim.write)}`;
    }
    if (failure !== null) failures.push(`${JSON.stringify(claim)}: ${failure}`);
  }
  return failures;
}
