/**
 * The instants where anything happens in a timeline: every time a typed event (src/store/events.ts)
 * falls, without building the events. Playback needs only these (the presentation clock's
 * segments, where `advance` commits time for React, where Step goes); the events themselves are
 * built by the event line, after the first view. A test holds the two to the same instants.
 */
import type { Timeline } from "../model/timeline";

/** Sorted and distinct. Numbers go straight into a typed array: this runs on every new write. */
export function eventInstants(timeline: Timeline): Float64Array {
  let times = new Float64Array(16 * (timeline.ops.length + timeline.journalCommits.length) + 1);
  let n = 0;
  const add = (t: number) => {
    if (n === times.length) {
      const grown = new Float64Array(2 * n);
      grown.set(times);
      times = grown;
    }
    times[n++] = t;
  };
  for (const op of timeline.ops) {
    add(op.atMs);
    for (const hop of op.hops) {
      add(hop.startMs);
      // A crash stops the world: a hop it cut short never arrives.
      if (hop.cutAtMs === null) add(hop.endMs);
    }
    if (op.ackedAtMs !== null && op.ackedIn !== null) add(op.ackedAtMs);
    if (op.flush) {
      add(op.flush.issuedAtMs);
      if (op.flush.doneAtMs !== null) add(op.flush.doneAtMs);
    }
    if (op.kind !== "barrier" && op.durableAtMs !== null) add(op.durableAtMs);
  }
  for (const commit of timeline.journalCommits) {
    add(commit.atMs);
    if (commit.flush?.doneAtMs != null) add(commit.flush.doneAtMs);
    // With reordering, the commit block's own journey (docs/model.md §8.14).
    for (const hop of commit.block?.hops ?? []) {
      add(hop.startMs);
      if (hop.cutAtMs === null) add(hop.endMs);
    }
  }
  if (timeline.crash) add(timeline.crash.atMs);
  const sorted = times.subarray(0, n).sort();
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const t = sorted[i] ?? 0;
    if (distinct === 0 || t !== sorted[distinct - 1]) sorted[distinct++] = t;
  }
  return sorted.slice(0, distinct);
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
