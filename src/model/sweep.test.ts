import { describe, expect, it } from "vitest";
import { simulate } from "./simulate";
import { lossesAt } from "./preview";
import { sweepCrashes, sweepEach, worstMoment } from "./sweep";
import { FAILURE_KINDS } from "./timeline";
import { opOf, randomOps, run } from "./testing";

describe("sweepCrashes", () => {
  it("counts the writes each instant's power loss would destroy", () => {
    // Two O_SYNC writes under writethrough: each is at risk only until it reaches the platters.
    const timeline = run({ mode: "writethrough", barriers: false }, [
      { atMs: 0, kind: "osync" },
      { atMs: 5, kind: "osync" },
    ]);
    const { instantsMs, lost } = sweepCrashes(timeline, "power");
    const at = (t: number) => lost[instantsMs.indexOf(t)];
    expect(at(0)).toBe(1);
    expect(at(5)).toBe(2);
    expect(lost.at(-1)).toBe(0);
  });

  it("a guest crash spares what has left the guest", () => {
    const timeline = run({ mode: "writeback", barriers: false }, [{ atMs: 0, kind: "odirect" }]);
    const { lost } = sweepCrashes(timeline, "guest");
    expect(Math.max(...lost)).toBe(1);
    expect(lost.at(-1)).toBe(0);
  });
});

describe("sweepEach", () => {
  it("sweeps all four failures at once, agreeing at every instant with the preview", () => {
    for (const mode of ["writeback", "none", "writethrough"] as const) {
      const timeline = run({ mode, barriers: true }, randomOps(120, 40_000));
      const { instantsMs, lost } = sweepEach(timeline, FAILURE_KINDS, { ackedOnly: true });
      FAILURE_KINDS.forEach((kind, k) => {
        instantsMs.forEach((tMs, i) => {
          const preview = lossesAt(timeline.ops, "volatile", kind, tMs);
          expect(lost[k]?.[i], `${mode}, ${kind} at ${String(tMs)} ms`).toBe(
            preview.returned.length,
          );
        });
      });
    }
  });
});

describe("worstMoment", () => {
  it("none without barriers: an O_SYNC write is exposed from its ack until it is destaged", () => {
    const timeline = run({ mode: "none", barriers: false }, ["osync"]);
    const op = opOf(timeline);
    const worst = worstMoment(timeline, "power", timeline.endMs);
    // The earliest instant of the window: the ack, in the disk's volatile cache.
    expect(worst).toEqual({ atMs: op.ackedAtMs, exposed: 1 });
    // Striking there loses a write the guest was told was written.
    const struck = run({ mode: "none", barriers: false }, ["osync"], {
      atMs: worst?.atMs ?? NaN,
      kind: "power",
    });
    expect(opOf(struck).survives).toBe(false);
  });

  it("only what has been played counts", () => {
    const timeline = run({ mode: "none", barriers: false }, ["osync"]);
    expect(worstMoment(timeline, "power", 0.05)).toBeNull();
  });

  it("a write lost before it was acknowledged does not count", () => {
    // writethrough: at risk only before the call returns, never after.
    const timeline = run({ mode: "writethrough", barriers: false }, ["osync", "osync"]);
    expect(worstMoment(timeline, "power", timeline.endMs)).toBeNull();
  });

  it("picks the instant with the most exposed writes, the earliest on a tie", () => {
    const timeline = run({ mode: "writeback", barriers: false }, [
      { atMs: 0, kind: "osync" },
      { atMs: 10, kind: "osync" },
      { atMs: 20, kind: "osync" },
    ]);
    const worst = worstMoment(timeline, "power", timeline.endMs);
    expect(worst?.exposed).toBe(3);
    expect(worst?.atMs).toBe(opOf(timeline, 2).ackedAtMs);
  });

  it("agrees with simulating the crash at that instant", () => {
    const config = run({ mode: "unsafe", barriers: true }, []).config;
    const ops = [
      { atMs: 0, kind: "normal" as const },
      { atMs: 3, kind: "osync" as const },
      { atMs: 4, kind: "barrier" as const },
    ];
    const timeline = simulate({ config, ops });
    const worst = worstMoment(timeline, "power", timeline.endMs);
    if (!worst) throw new Error("nothing exposed");
    const struck = simulate({ config, ops, crash: { atMs: worst.atMs, kind: "power" } });
    const lostAcked = struck.ops.filter(
      (o) => o.survives === false && o.ackedAtMs !== null && o.ackedAtMs <= worst.atMs,
    );
    expect(lostAcked).toHaveLength(worst.exposed);
  });
});
