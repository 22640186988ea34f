/**
 * Lane polylines: the arrows tokens travel along. What a user sees is that a token moves along the
 * drawn arrow, and that an arrow which skips a layer (gray skips the host page cache, blue skips
 * both host caches) visibly passes beside it instead of through it.
 */
import { describe, expect, it } from "vitest";
import { BOXES, LANE_X, type Box, type BoxId, type LaneId } from "./layout";
import { laneD, lanePath, pointAlong, polyline, type Point, type Polyline } from "./lanes";

/** Points every `step` units along `p`, both ends included. */
function samples(p: Polyline, step = 0.5): Point[] {
  const out: Point[] = [];
  for (let d = 0; d < p.length; d += step) out.push(pointAlong(p, d));
  out.push(pointAlong(p, p.length));
  return out;
}

/** Strictly inside: touching an edge (entering or leaving a box) does not count. */
function inside(box: Box, p: Point): boolean {
  return p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height;
}

describe("polyline", () => {
  it("measures the cumulative length of its segments", () => {
    const p = polyline([
      { x: 0, y: 0 },
      { x: 3, y: 4 },
      { x: 3, y: 10 },
    ]);
    expect(p.lengths).toEqual([0, 5, 11]);
    expect(p.length).toBe(11);
  });

  it("has length 0 with one point or none", () => {
    expect(polyline([{ x: 7, y: 7 }]).length).toBe(0);
    expect(polyline([]).length).toBe(0);
  });

  it("counts a repeated point as a segment of length 0", () => {
    const p = polyline([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
      { x: 0, y: 2 },
    ]);
    expect(p.lengths).toEqual([0, 0, 2]);
  });
});

describe("pointAlong", () => {
  const p = polyline([
    { x: 0, y: 0 },
    { x: 10, y: 0 },
    { x: 10, y: 20 },
  ]);

  it("starts at the first point", () => {
    expect(pointAlong(p, 0)).toEqual({ x: 0, y: 0 });
  });

  it("interpolates within a segment", () => {
    expect(pointAlong(p, 5)).toEqual({ x: 5, y: 0 });
    expect(pointAlong(p, 20)).toEqual({ x: 10, y: 10 });
  });

  it("lands on a corner exactly", () => {
    expect(pointAlong(p, 10)).toEqual({ x: 10, y: 0 });
  });

  it("at half the length is half way along the path, not half way between the ends", () => {
    expect(pointAlong(p, p.length / 2)).toEqual({ x: 10, y: 5 });
  });

  it("ends at the last point", () => {
    expect(pointAlong(p, p.length)).toEqual({ x: 10, y: 20 });
  });

  it("clamps beyond either end", () => {
    expect(pointAlong(p, -3)).toEqual({ x: 0, y: 0 });
    expect(pointAlong(p, p.length + 100)).toEqual({ x: 10, y: 20 });
  });

  it("never jumps: nearby distances give nearby points", () => {
    const pts = samples(p, 0.25);
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1] ?? { x: NaN, y: NaN };
      const b = pts[i] ?? { x: NaN, y: NaN };
      expect(Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThanOrEqual(0.25 + 1e-9);
    }
  });
});

describe("lanePath", () => {
  it("is memoized: the same arguments give the same object", () => {
    const a = lanePath("gray", "virtual-disk", "disk-cache");
    expect(lanePath("gray", "virtual-disk", "disk-cache")).toBe(a);
    expect(lanePath("red", "virtual-disk", "host-page-cache")).not.toBe(a);
    expect(lanePath("gray", "virtual-disk", "platters")).not.toBe(a);
  });

  it("starts on the edge of the box it leaves and ends on the edge of the box it enters", () => {
    const onEdge = (box: Box, q: Point) =>
      ((q.x === box.x || q.x === box.x + box.width) && q.y >= box.y && q.y <= box.y + box.height) ||
      ((q.y === box.y || q.y === box.y + box.height) && q.x >= box.x && q.x <= box.x + box.width);
    const cases: [LaneId, BoxId, BoxId][] = [
      ["in-guest", "guest-app", "guest-page-cache"],
      ["in-guest-bypass", "guest-app", "virtual-disk"],
      ["red", "virtual-disk", "host-page-cache"],
      ["gray", "virtual-disk", "disk-cache"],
      ["blue", "virtual-disk", "platters"],
      ["green", "guest-block-layer", "platters"],
      ["host-writeback", "host-page-cache", "disk-cache"],
      ["destage", "disk-cache", "platters"],
    ];
    for (const [lane, from, to] of cases) {
      const p = lanePath(lane, from, to);
      expect(onEdge(BOXES[from], p.points[0] ?? { x: NaN, y: NaN }), `${lane} start`).toBe(true);
      expect(onEdge(BOXES[to], p.points.at(-1) ?? { x: NaN, y: NaN }), `${lane} end`).toBe(true);
    }
  });

  it("runs at its lane's x between the boxes", () => {
    const p = lanePath("gray", "virtual-disk", "disk-cache");
    const midway = pointAlong(p, p.length / 2);
    expect(midway.x).toBe(LANE_X.gray);
  });

  it("the gray lane from the virtual disk to the disk cache passes beside the host page cache", () => {
    const p = lanePath("gray", "virtual-disk", "disk-cache");
    const host = BOXES["host-page-cache"];
    const pts = samples(p);
    expect(pts.some((q) => inside(host, q))).toBe(false);
    // Passes it on the right: where the lane is level with the box, it is right of it.
    const level = pts.filter((q) => q.y >= host.y && q.y <= host.y + host.height);
    expect(level.length).toBeGreaterThan(0);
    expect(level.every((q) => q.x > host.x + host.width)).toBe(true);
  });

  it("skipping lanes never cross the boxes they skip", () => {
    const cases: [LaneId, BoxId, BoxId, BoxId[]][] = [
      ["gray", "virtual-disk", "disk-cache", ["host-page-cache"]],
      ["blue", "virtual-disk", "platters", ["host-page-cache", "disk-cache"]],
      ["green", "guest-block-layer", "platters", ["virtual-disk", "host-page-cache", "disk-cache"]],
      ["green", "host-page-cache", "platters", ["disk-cache"]],
      ["in-guest-bypass", "guest-app", "virtual-disk", ["guest-page-cache", "guest-block-layer"]],
    ];
    for (const [lane, from, to, skipped] of cases) {
      const pts = samples(lanePath(lane, from, to));
      for (const id of skipped) {
        expect(
          pts.some((q) => inside(BOXES[id], q)),
          `${lane} ${from}→${to} enters ${id}`,
        ).toBe(false);
      }
    }
  });

  it("every coloured arrow passes through the QEMU box, where the cache mode decides", () => {
    const cases = [
      ["red", "virtual-disk", "host-page-cache"],
      ["gray", "virtual-disk", "disk-cache"],
      ["blue", "virtual-disk", "platters"],
      ["green", "guest-block-layer", "platters"],
    ] as const;
    for (const [lane, from, to] of cases) {
      const pts = samples(lanePath(lane, from, to));
      expect(
        pts.some((q) => inside(BOXES.qemu, q)),
        lane,
      ).toBe(true);
    }
  });

  it("the red, gray and blue arrows leave the virtual disk at different heights", () => {
    const starts = (["red", "gray", "blue"] as const).map(
      (lane) => lanePath(lane, "virtual-disk", "platters").points[0]?.y,
    );
    expect(new Set(starts).size).toBe(3);
  });
});

describe("laneD", () => {
  it("is a non-empty SVG path starting with a move-to", () => {
    const d = laneD("gray", "virtual-disk", "disk-cache");
    expect(d.length).toBeGreaterThan(0);
    expect(d.startsWith("M")).toBe(true);
  });

  it("draws exactly the polyline tokens travel along", () => {
    const p = lanePath("blue", "virtual-disk", "platters");
    const d = laneD("blue", "virtual-disk", "platters");
    const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(numbers).toEqual(p.points.flatMap((q) => [q.x, q.y]));
  });
});
