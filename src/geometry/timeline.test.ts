import { describe, expect, it } from "vitest";
import { sweepCrashes } from "../model/sweep";
import { randomOps, run } from "../model/testing";
import type { PresentationClock } from "./clock";
import { presentationClock } from "./clock";
import {
  columnOf,
  COLUMNS,
  EXPOSURE_H,
  exposureD,
  exposureSteps,
  timelineAxis,
  timelineMarks,
  timelineX,
} from "./timeline";

/** Model time drawn to scale: 1 ms per screen second, over `endMs`. */
function linear(endMs: number): PresentationClock {
  const clamp = (t: number) => Math.max(0, Math.min(endMs, t));
  return { toScreen: clamp, toModel: clamp, totalS: endMs, endMs };
}

/** The strip's value in column `c`, read off its step line. */
function valueIn(points: readonly [number, number][], c: number): number {
  let value = 0;
  for (const [x, n] of points) if (x <= c / COLUMNS) value = n;
  return value;
}

describe("columnOf", () => {
  it("maps the whole timeline onto the columns, the right end included", () => {
    expect(columnOf(0)).toBe(0);
    expect(columnOf(0.5)).toBe(COLUMNS / 2);
    expect(columnOf(1)).toBe(COLUMNS - 1);
    expect(columnOf(-1)).toBe(0);
  });
});

describe("exposureSteps", () => {
  it("keeps a peak that lasts a moment inside one column", () => {
    // 3 writes at risk for 0.01 ms of a 1000 ms timeline: a hundredth of a column.
    const sweep = {
      instantsMs: Float64Array.from([100, 100.01, 600]),
      lost: Uint32Array.from([3, 1, 0]),
    };
    const points = exposureSteps(sweep, linear(1000), 1000);
    expect(valueIn(points, columnOf(0.1))).toBe(3);
    // After the peak, the count carried on until 600 ms.
    expect(valueIn(points, columnOf(0.3))).toBe(1);
    expect(valueIn(points, columnOf(0.7))).toBe(0);
    expect(points[0]).toEqual([0, 0]);
    expect(points.at(-1)?.[0]).toBe(1);
  });

  it("draws thousands of writes in at most two corners per column, never under the sweep", () => {
    const timeline = run({ mode: "none", barriers: false }, randomOps(3000, 60_000));
    const clock = presentationClock(timeline.ops.flatMap((op) => op.hops.map((h) => h.endMs)));
    const endMs = clock.endMs;
    const sweep = sweepCrashes(timeline, "power", { ackedOnly: true });
    const points = exposureSteps(sweep, clock, endMs);
    expect(points.length).toBeLessThanOrEqual(2 * COLUMNS + 1);
    // Each column shows the worst instant in it.
    const worst = new Array<number>(COLUMNS).fill(0);
    sweep.instantsMs.forEach((tMs, i) => {
      const c = columnOf(timelineX(clock, endMs, tMs));
      worst[c] = Math.max(worst[c] ?? 0, sweep.lost[i] ?? 0);
    });
    worst.forEach((n, c) => {
      expect(valueIn(points, c)).toBeGreaterThanOrEqual(n);
    });
    expect(Math.max(...points.map(([, n]) => n))).toBe(Math.max(...sweep.lost));
  });
});

describe("timelineMarks", () => {
  it("marks every issue, acknowledgement and the failure, in timeline fractions", () => {
    const timeline = run({ mode: "writeback", barriers: true }, ["osync", "normal"], {
      atMs: 1,
      kind: "power",
    });
    const marks = timelineMarks(timeline, linear(1), 1);
    expect(marks.filter((m) => m.kind === "issued")).toHaveLength(2);
    expect(marks.filter((m) => m.kind === "failure")).toEqual([{ kind: "failure", tMs: 1, x: 1 }]);
    for (const m of marks) expect(m.x).toBeGreaterThanOrEqual(0);
  });
});

describe("timelineAxis", () => {
  it("runs linearly in screen time, clamps past either end, and inverts", () => {
    // Screen time = model time here: 0 … 200 ms of a clock that lasts 400.
    const axis = timelineAxis(linear(400), 200);
    expect(axis.x(50)).toBe(0.25);
    expect(axis.x(300)).toBe(1);
    expect(axis.x(-10)).toBe(0);
    expect(axis.t(0.25)).toBe(50);
    expect(axis.t(1.5)).toBe(200);
    expect(axis.t(-1)).toBe(0);
  });

  it("puts everything at the start while no screen time has passed", () => {
    const axis = timelineAxis(linear(0), 0);
    expect(axis.x(0)).toBe(0);
    expect(axis.t(0.5)).toBe(0);
  });
});

describe("exposureD", () => {
  // None at risk for the first half, then 2 (the most of any failure) until the end.
  const steps: [number, number][] = [
    [0, 0],
    [0.5, 0],
    [0.5, 2],
    [1, 2],
  ];
  const top = String(EXPOSURE_H - 32);
  const bottom = String(EXPOSURE_H);

  it("draws the steps across the columns, the most at risk just under the top", () => {
    expect(exposureD(steps, 2, false)).toBe(
      `M0,${bottom}L500,${bottom}L500,${top}L${String(COLUMNS)},${top}`,
    );
    // Half the most stands half way up.
    expect(exposureD(steps, 4, false)).toContain(`L500,${String(EXPOSURE_H - 16)}`);
  });

  it("closes the shaded window down to the baseline", () => {
    const d = exposureD(steps, 2, true);
    expect(d.startsWith(exposureD(steps, 2, false))).toBe(true);
    expect(d.endsWith(`L0,${bottom}Z`)).toBe(true);
  });
});
