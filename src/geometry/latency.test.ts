import { describe, expect, it } from "vitest";
import { run } from "../model/testing";
import { LATENCY_ROWS, LATENCY_TICKS, latencyRows, latencyX, median } from "./latency";

describe("latencyX", () => {
  it("puts each decade at an equal step, and clamps outside 1 µs … 100 s", () => {
    const xs = LATENCY_TICKS.map((t) => latencyX(t.ms));
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBe(1);
    for (let i = 1; i < xs.length; i++) {
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeCloseTo(1 / 8, 12);
    }
    expect(latencyX(0)).toBe(0);
    expect(latencyX(1e9)).toBe(1);
  });
});

describe("latencyRows", () => {
  it("measures from each write's issue, and keeps the latest writes only", () => {
    const timeline = run(
      { mode: "writethrough", barriers: true },
      Array.from({ length: LATENCY_ROWS + 5 }, (_, i) => ({
        atMs: i * 100,
        kind: "osync" as const,
      })),
    );
    const rows = latencyRows(timeline.ops);
    expect(rows).toHaveLength(LATENCY_ROWS);
    expect(rows[0]?.index).toBe(5);
    const op = timeline.ops[5];
    expect(rows[0]?.ackMs).toBe((op?.ackedAtMs ?? NaN) - (op?.atMs ?? NaN));
    // writethrough: the call returns once the data is on the platters.
    for (const row of rows) expect(row.durableMs).toBe(row.ackMs);
  });

  it("leaves what never happened empty", () => {
    const timeline = run({ mode: "writeback", barriers: false }, ["osync"], {
      atMs: 0.0001,
      kind: "power",
    });
    expect(latencyRows(timeline.ops)[0]).toMatchObject({ ackMs: null, durableMs: null });
  });
});

describe("median", () => {
  it("of the known values", () => {
    expect(median([3, null, 1, 2])).toBe(2);
    expect(median([4, 1])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});
