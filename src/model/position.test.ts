import { describe, expect, it } from "vitest";
import { positionAt } from "./position";
import { opOf, run } from "./testing";

describe("positionAt", () => {
  const op = opOf(run({ mode: "writethrough", barriers: true }, [{ atMs: 10, kind: "odirect" }]));
  const [toDisk, blue] = op.hops;

  it("is null before the op is issued, and for a barrier", () => {
    expect(positionAt(op, 9.99)).toBeNull();
    expect(positionAt(opOf(run({ mode: "none", barriers: true }, ["barrier"])), 1)).toBeNull();
  });

  it("names the layer a hop leaves, and how far along it is", () => {
    if (!blue || !toDisk) throw new Error("expected two hops");
    const mid = (blue.startMs + blue.endMs) / 2;
    expect(positionAt(op, mid)).toMatchObject({ layer: "virtual-disk", hop: blue });
    expect(positionAt(op, mid)?.progress).toBeCloseTo(0.5);
    expect(positionAt(op, 10)).toMatchObject({ layer: "guest-app", hop: toDisk, progress: 0 });
  });

  it("rests in the layer a hop enters once it ends", () => {
    expect(positionAt(op, 1_000)).toEqual({ layer: "platters", hop: null, progress: 0 });
  });
});
