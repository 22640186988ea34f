/**
 * The presentation clock: model milliseconds ↔ screen seconds. What a user notices is that every
 * hop is visible, slower hops look slower, idle gaps are fast-forwarded, and the readout (model
 * time recovered from screen time) is the true model time.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TIMING } from "../model/config";
import { gapSeconds, presentationClock } from "./clock";

/** Breakpoints of a typical O_SYNC write: a 1 µs copy, a 30 µs request, a 14 ms platter write. */
const INSTANTS = [0.001, 0.031, 0.032, 14.032, 30_000];

/** Relative-or-absolute closeness: model times span 1 µs to tens of seconds. */
function expectNear(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describe("gapSeconds", () => {
  it("spends no screen time on no model time", () => {
    expect(gapSeconds(0)).toBe(0);
    expect(gapSeconds(-5)).toBe(0);
  });

  it("a platter write takes longer on screen than a disk-cache ack, which takes longer than a page-cache copy", () => {
    const platter = gapSeconds(DEFAULT_TIMING.platterWriteMs); // 14 ms
    const diskAck = gapSeconds(DEFAULT_TIMING.diskCacheAckMs); // 0.1 ms
    const copy = gapSeconds(DEFAULT_TIMING.pageCacheCopyMs); // 1 µs
    expect(platter).toBeGreaterThan(diskAck);
    expect(diskAck).toBeGreaterThan(copy);
    // Visibly longer, not by a rounding error: at least a quarter second apart.
    expect(platter - diskAck).toBeGreaterThan(0.25);
    expect(diskAck - copy).toBeGreaterThan(0.25);
  });

  it("keeps even a 1 µs copy readable (over a quarter of a second)", () => {
    expect(gapSeconds(0.001)).toBeGreaterThan(0.25);
  });

  it("compresses a 30 s dirty-page expiry to a few seconds", () => {
    const s = gapSeconds(DEFAULT_TIMING.dirtyExpireMs);
    expect(s).toBeGreaterThan(2);
    expect(s).toBeLessThan(5);
    expect(s * 1000).toBeLessThan(DEFAULT_TIMING.dirtyExpireMs / 5);
  });

  it("grows with the gap", () => {
    const gaps = [1e-6, 0.001, 0.03, 0.1, 1, 14, 100, 5_000, 30_000, 1e6];
    const seconds = gaps.map(gapSeconds);
    for (let i = 1; i < seconds.length; i++) {
      expect(seconds[i]).toBeGreaterThan(seconds[i - 1] ?? Infinity);
    }
  });
});

describe("presentationClock", () => {
  const clock = presentationClock(INSTANTS);

  it("spans model time 0 to the last instant, with the sum of its gaps as screen time", () => {
    expect(clock.endMs).toBe(30_000);
    const points = [0, ...INSTANTS];
    let total = 0;
    for (let i = 1; i < points.length; i++) {
      total += gapSeconds((points[i] ?? 0) - (points[i - 1] ?? 0));
    }
    expect(clock.totalS).toBeCloseTo(total, 12);
    expect(clock.toScreen(0)).toBe(0);
    expect(clock.toScreen(clock.endMs)).toBeCloseTo(clock.totalS, 12);
    expect(clock.toModel(clock.totalS)).toBe(clock.endMs);
  });

  it("places each breakpoint at the cumulative screen time of the gaps before it", () => {
    expect(clock.toScreen(0.001)).toBeCloseTo(gapSeconds(0.001), 12);
    expect(clock.toScreen(0.031)).toBeCloseTo(gapSeconds(0.001) + gapSeconds(0.03), 12);
  });

  it("round-trips model → screen → model at every breakpoint", () => {
    for (const t of [0, ...INSTANTS]) expectNear(clock.toModel(clock.toScreen(t)), t);
  });

  it("round-trips between breakpoints", () => {
    for (const t of [0.0005, 0.02, 0.0315, 7, 14.5, 1_000, 29_999.9]) {
      expectNear(clock.toModel(clock.toScreen(t)), t);
    }
  });

  it("round-trips screen → model → screen too", () => {
    for (let s = 0; s <= clock.totalS; s += clock.totalS / 37) {
      expectNear(clock.toScreen(clock.toModel(s)), s);
    }
  });

  it("is strictly increasing across the span", () => {
    const samples = [0, 0.0005, 0.001, 0.01, 0.031, 0.0315, 0.032, 1, 14.032, 15, 10_000, 30_000];
    const screen = samples.map((t) => clock.toScreen(t));
    for (let i = 1; i < screen.length; i++) {
      expect(screen[i]).toBeGreaterThan(screen[i - 1] ?? Infinity);
    }
  });

  it("gives the 14 ms platter write more screen time than the 30 µs request before it", () => {
    const request = clock.toScreen(0.031) - clock.toScreen(0.001);
    const platter = clock.toScreen(14.032) - clock.toScreen(0.032);
    expect(platter).toBeGreaterThan(request);
  });

  it("ignores duplicates and input order", () => {
    const messy = presentationClock([30_000, 0.032, 0.001, 14.032, 0.001, 0, 0.031, 30_000, 0]);
    expect(messy.totalS).toBeCloseTo(clock.totalS, 12);
    expect(messy.endMs).toBe(clock.endMs);
    for (const t of [0, 0.001, 0.02, 14.032, 20_000]) {
      expect(messy.toScreen(t)).toBeCloseTo(clock.toScreen(t), 12);
    }
  });

  it("ignores non-finite instants", () => {
    const withJunk = presentationClock([...INSTANTS, NaN, Infinity, -Infinity]);
    expect(withJunk.endMs).toBe(30_000);
    expect(withJunk.totalS).toBeCloseTo(clock.totalS, 12);
  });

  it("clamps model time outside its span", () => {
    expect(clock.toScreen(-10)).toBe(0);
    expect(clock.toScreen(1e9)).toBeCloseTo(clock.totalS, 12);
  });

  it("clamps screen time outside its span", () => {
    expect(clock.toModel(-1)).toBe(0);
    expect(clock.toModel(clock.totalS + 100)).toBe(clock.endMs);
  });

  it("with no instants is a clock of zero length at 0", () => {
    const empty = presentationClock([]);
    expect(empty.totalS).toBe(0);
    expect(empty.endMs).toBe(0);
    expect(empty.toScreen(5)).toBe(0);
    expect(empty.toModel(5)).toBe(0);
  });

  it("accepts any iterable, such as a Set", () => {
    const fromSet = presentationClock(new Set(INSTANTS));
    expect(fromSet.totalS).toBeCloseTo(clock.totalS, 12);
  });
});

describe("presentationClock properties", () => {
  /** Instants on the model's scales: µs apart, ms, seconds. */
  const instant = fc.oneof(
    fc.double({ min: 0, max: 0.1, noNaN: true }),
    fc.double({ min: 0, max: 100, noNaN: true }),
    fc.double({ min: 0, max: 200_000, noNaN: true }),
  );
  const instants = fc.array(instant, { maxLength: 40 });

  it("round-trips model → screen → model (clamped to the span)", () => {
    fc.assert(
      fc.property(instants, instant, (points, t) => {
        const clock = presentationClock(points);
        const expected = Math.min(t, clock.endMs);
        const back = clock.toModel(clock.toScreen(t));
        return Math.abs(back - expected) <= 1e-9 * Math.max(1, expected);
      }),
      { numRuns: 500 },
    );
  });

  it("is monotonic: a later model time never shows earlier on screen", () => {
    fc.assert(
      fc.property(instants, instant, instant, (points, a, b) => {
        const clock = presentationClock(points);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return clock.toScreen(lo) <= clock.toScreen(hi) && clock.toModel(lo) <= clock.toModel(hi);
      }),
      { numRuns: 500 },
    );
  });

  it("is strictly increasing from one breakpoint to the next", () => {
    fc.assert(
      fc.property(instants, (points) => {
        const clock = presentationClock(points);
        const sorted = [...new Set([0, ...points])].sort((x, y) => x - y);
        return sorted.every(
          (t, i) => i === 0 || clock.toScreen(t) > clock.toScreen(sorted[i - 1] ?? t),
        );
      }),
      { numRuns: 500 },
    );
  });
});
