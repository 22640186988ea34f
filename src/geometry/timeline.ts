/**
 * The timeline under the diagram, in fractions of its width (0 at model time 0, 1 at the last
 * instant that can be shown). Positions follow the presentation clock, so the slider moves at the
 * pace the tokens do and microsecond events do not pile up at the left edge.
 */
import { scaleLinear } from "d3-scale";
import { area, line } from "d3-shape";
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

/**
 * The timeline's axis: model time through the presentation clock into screen seconds, then
 * linearly onto 0 … 1 of the timeline's width (d3's linear scale from 0 s to the screen time of
 * `endMs`), clamped at both ends. Linear in screen time, not model time, so the thumb moves at
 * the pace the tokens do. A timeline with no screen time yet (nothing happened) stands at 0.
 */
export function timelineAxis(
  clock: PresentationClock,
  endMs: number,
): { readonly x: (tMs: number) => number; readonly t: (x: number) => number } {
  const endS = clock.toScreen(endMs);
  if (!(endS > 0)) return { x: () => 0, t: () => Math.min(endMs, clock.toModel(0)) };
  const screen = scaleLinear().domain([0, endS]).range([0, 1]).clamp(true);
  return {
    x: (tMs) => screen(clock.toScreen(tMs)),
    // invert clamps to the domain, so a click past either end seeks to that end.
    t: (x) => Math.min(endMs, clock.toModel(screen.invert(x))),
  };
}

/** The fraction of the timeline at model time `tMs`. */
export function timelineX(clock: PresentationClock, endMs: number, tMs: number): number {
  return timelineAxis(clock, endMs).x(tMs);
}

/** The model time at fraction `x` of the timeline (what a click or a drag there means). */
export function timelineT(clock: PresentationClock, endMs: number, x: number): number {
  return timelineAxis(clock, endMs).t(x);
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
  const axis = timelineAxis(clock, endMs);
  return marks.filter((m) => m.tMs <= endMs).map((m) => ({ ...m, x: axis.x(m.tMs) }));
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
  const axis = timelineAxis(clock, endMs);
  const worst = new Uint32Array(COLUMNS);
  let column = 0;
  let last = 0;
  sweep.instantsMs.forEach((tMs, i) => {
    if (tMs > endMs) return;
    const c = columnOf(axis.x(tMs));
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

/** The exposure strip's height in its viewBox (COLUMNS wide, stretched to the timeline's width). */
export const EXPOSURE_H = 36;
/** The highest count stands this far below the strip's top, so its outline is not cut off. */
const EXPOSURE_HEADROOM = 4;

/**
 * SVG path data for one failure's exposure steps (`exposureSteps`), in the strip's viewBox. x:
 * the timeline's fraction onto the columns, in whole columns (the finest the strip draws); y: a
 * linear scale from 0 writes on the baseline to `max` (the most any failure destroys) at the
 * headroom, to a tenth of a unit. `filled`: the area down to the baseline (d3-shape's area: the
 * step line, then back along the baseline), for the failure shaded as the window of risk; the
 * other failures are drawn as outlines (d3-shape's line).
 */
export function exposureD(
  points: readonly (readonly [number, number])[],
  max: number,
  filled: boolean,
): string {
  const x = scaleLinear().rangeRound([0, COLUMNS]);
  const y = scaleLinear().domain([0, max]).range([EXPOSURE_H, EXPOSURE_HEADROOM]);
  const px = (p: readonly [number, number]) => x(p[0]);
  const py = (p: readonly [number, number]) => y(p[1]);
  const d = filled
    ? area<readonly [number, number]>().x(px).y0(EXPOSURE_H).y1(py).digits(1)(points)
    : line<readonly [number, number]>(px, py).digits(1)(points);
  return d ?? "";
}
