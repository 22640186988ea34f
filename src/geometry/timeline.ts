/**
 * The timeline under the diagram, in fractions of its width (0 at model time 0, 1 at the last
 * instant that can be shown). Positions follow the presentation clock, so the slider moves at the
 * pace the tokens do and microsecond events do not pile up at the left edge.
 */
import { forEachMoment, type Moment } from "../model/moments";
import type { CrashSweep } from "../model/sweep";
import type { Timeline } from "../model/timeline";
import type { PresentationClock } from "./clock";

export const MARK_KINDS = [
  "issued",
  "acknowledged",
  "durable",
  "flush",
  "commit",
  "failure",
] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export interface Mark {
  readonly kind: MarkKind;
  readonly tMs: number;
  /** Where it stands on the timeline, from 0 to 1. */
  readonly x: number;
}

/** The fraction of the timeline at model time `tMs`. */
export function timelineX(clock: PresentationClock, endMs: number, tMs: number): number {
  const endS = clock.toScreen(endMs);
  return endS > 0 ? Math.min(1, Math.max(0, clock.toScreen(tMs) / endS)) : 0;
}

/** The model time at fraction `x` of the timeline (what a click or a drag there means). */
export function timelineT(clock: PresentationClock, endMs: number, x: number): number {
  const endS = clock.toScreen(endMs);
  return Math.min(endMs, clock.toModel(Math.min(1, Math.max(0, x)) * endS));
}

/** The moments the timeline marks (src/model/moments.ts), and the mark each one gets. */
const MARK_OF: Readonly<Partial<Record<Moment["type"], MarkKind>>> = {
  issued: "issued",
  acked: "acknowledged",
  durable: "durable",
  flushDone: "flush",
  committed: "commit",
  failure: "failure",
};

/** Every mark the timeline shows: issues, acknowledgements, durable points, flushes, commits, the failure. */
export function timelineMarks(timeline: Timeline, clock: PresentationClock, endMs: number): Mark[] {
  const marks: { kind: MarkKind; tMs: number }[] = [];
  forEachMoment(timeline, (tMs, moment) => {
    const kind = MARK_OF[moment.type];
    if (kind) marks.push({ kind, tMs });
  });
  return marks
    .filter((m) => m.tMs <= endMs)
    .map((m) => ({ ...m, x: timelineX(clock, endMs, m.tMs) }));
}

/**
 * How many columns the strip and the marks are drawn in: finer than any screen shows them (the
 * timeline is at most ~1000 px wide), coarse enough that thousands of writes stay cheap to draw.
 */
export const COLUMNS = 1000;

/** The column (0 … COLUMNS-1) at fraction `x` of the timeline. */
export function columnOf(x: number): number {
  return Math.min(COLUMNS - 1, Math.max(0, Math.floor(x * COLUMNS)));
}

/**
 * The exposure strip's steps: per column of the timeline, the most acknowledged writes the failure
 * would destroy at any instant in it (a one-instant peak is never averaged away), as [x, count]
 * corners of a step line from x = 0 to 1, at most two per column.
 */
export function exposureSteps(
  sweep: CrashSweep,
  clock: PresentationClock,
  endMs: number,
): [number, number][] {
  const worst = new Uint32Array(COLUMNS);
  let column = 0;
  let last = 0;
  sweep.instantsMs.forEach((tMs, i) => {
    if (tMs > endMs) return;
    const c = columnOf(timelineX(clock, endMs, tMs));
    // The count before this instant carries through the columns it spans.
    for (; column < c; column++) {
      worst[column] = Math.max(worst[column] ?? 0, last);
      worst[column + 1] = last;
    }
    last = sweep.lost[i] ?? 0;
    worst[c] = Math.max(worst[c] ?? 0, last);
  });
  for (; column < COLUMNS - 1; column++) worst[column + 1] = last;
  const points: [number, number][] = [];
  worst.forEach((count, c) => {
    if (c > 0 && count === worst[c - 1]) return;
    if (c > 0) points.push([c / COLUMNS, worst[c - 1] ?? 0]);
    points.push([c / COLUMNS, count]);
  });
  points.push([1, worst[COLUMNS - 1] ?? 0]);
  return points;
}
