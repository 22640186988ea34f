/**
 * The instants where anything happens in a timeline (src/model/moments.ts), sorted and distinct:
 * what playback needs (the presentation clock's segments, where `advance` commits time for React,
 * where Step goes) without building the event line's typed events.
 */
import { forEachMoment } from "../model/moments";
import type { Timeline } from "../model/timeline";

/** Sorted and distinct. */
export function eventInstants(timeline: Timeline): Float64Array {
  const times: number[] = [];
  forEachMoment(timeline, (tMs) => times.push(tMs));
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
