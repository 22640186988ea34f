/**
 * The instants where anything happens in a timeline: every time a typed event (src/store/events.ts)
 * falls, without building the events. Playback needs only these (the presentation clock's
 * segments, where `advance` commits time for React, where Step goes); the events themselves are
 * built by the event line, after the first view. A test holds the two to the same instants.
 */
import type { Timeline } from "../model/timeline";

/** Sorted and distinct. */
export function eventInstants(timeline: Timeline): Float64Array {
  const times: number[] = [];
  for (const op of timeline.ops) {
    times.push(op.atMs);
    for (const hop of op.hops) {
      times.push(hop.startMs);
      // A crash stops the world: a hop it cut short never arrives.
      if (hop.cutAtMs === null) times.push(hop.endMs);
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) times.push(op.ackedAtMs);
    if (op.flush) {
      times.push(op.flush.issuedAtMs);
      if (op.flush.doneAtMs !== null) times.push(op.flush.doneAtMs);
    }
    if (op.kind !== "barrier" && op.durableAtMs !== null) times.push(op.durableAtMs);
  }
  for (const commit of timeline.journalCommits) {
    times.push(commit.atMs);
    if (commit.flush?.doneAtMs != null) times.push(commit.flush.doneAtMs);
    // With reordering, the commit block's own journey (docs/model.md §8.14).
    for (const hop of commit.block?.hops ?? []) {
      times.push(hop.startMs);
      if (hop.cutAtMs === null) times.push(hop.endMs);
    }
  }
  if (timeline.crash) times.push(timeline.crash.atMs);
  const sorted = Float64Array.from(times).sort();
  return sorted.filter((t, i) => i === 0 || t !== sorted[i - 1]);
}

/** The first instant strictly after `tMs`, or undefined. */
export function nextInstant(instants: Float64Array, tMs: number): number | undefined {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((instants[mid] ?? Infinity) <= tMs) lo = mid + 1;
    else hi = mid;
  }
  return instants[lo];
}

/** The last instant strictly before `tMs`, or undefined. */
export function previousInstant(instants: Float64Array, tMs: number): number | undefined {
  let lo = 0;
  let hi = instants.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((instants[mid] ?? Infinity) < tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? instants[lo - 1] : undefined;
}
