import { describe, expect, it } from "vitest";
import { makeConfig, type CacheMode } from "../model/config";
import { run } from "../model/testing";
import type { OpKind } from "../model/timeline";
import { estimatedCallMs, LATENCY_ROWS, latencyAxis, latencyRows, median } from "./latency";

describe("latencyAxis", () => {
  const axis = latencyAxis([0, 800]);

  it("ticks every decade from 1 µs to 100 s, each named in the unit a reader expects", () => {
    expect(axis.ticks.map((t) => t.label)).toEqual([
      "1 µs",
      "10 µs",
      "100 µs",
      "1 ms",
      "10 ms",
      "100 ms",
      "1 s",
      "10 s",
      "100 s",
    ]);
  });

  it("puts each decade at an equal step, and clamps outside 1 µs … 100 s", () => {
    const xs = axis.ticks.map((t) => t.x);
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBe(800);
    for (let i = 1; i < xs.length; i++) {
      expect((xs[i] ?? 0) - (xs[i - 1] ?? 0)).toBeCloseTo(100, 9);
    }
    expect(axis.x(1)).toBeCloseTo(300, 9);
    expect(axis.x(0.0005)).toBe(0);
    expect(axis.x(0)).toBe(0);
    expect(axis.x(1e9)).toBe(800);
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

describe("estimatedCallMs", () => {
  const call = (mode: CacheMode, ops: readonly OpKind[]) =>
    estimatedCallMs(makeConfig({ cache: mode, guestBarriers: true, guestFs: "ext4" }), ops) ?? NaN;

  it("is when the last of the call's operations returns: a write and its fdatasync wait for the flush", () => {
    const buffered = call("writeback", ["normal"]);
    const fsync = call("writeback", ["normal", "barrier"]);
    expect(buffered).toBe(run({ mode: "writeback", barriers: true }, ["normal"]).ops[0]?.ackedAtMs);
    // The flush reaches the platters (§5: a 14 ms write): far longer than a page-cache copy.
    expect(fsync).toBeGreaterThan(10);
    expect(buffered).toBeLessThan(0.1);
  });

  it("drops the flush under unsafe: its fdatasync returns without the platters", () => {
    expect(call("unsafe", ["normal", "barrier"])).toBeLessThan(1);
    expect(call("writethrough", ["osync"])).toBeGreaterThan(10);
  });
});
