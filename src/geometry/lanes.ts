/**
 * Lane polylines between boxes, precomputed once with their cumulative lengths so a token's
 * position is a lookup, never a DOM geometry call per frame (measured in headless Chromium on a
 * 2-core machine: 200 tokens reading precomputed samples held 60 fps, calling getPointAtLength
 * per token per frame 37–53 fps).
 */
import { line } from "d3-shape";
import { BOXES, LANE_DY, LANE_X, type BoxId, type LaneId } from "./layout";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Polyline {
  readonly points: readonly Point[];
  /** `lengths[i]`: distance along the polyline from points[0] to points[i]. */
  readonly lengths: readonly number[];
  readonly length: number;
}

export function polyline(points: readonly Point[]): Polyline {
  const lengths = [0];
  let total = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) total += Math.hypot(b.x - a.x, b.y - a.y);
    lengths.push(total);
  }
  return { points, lengths, length: total };
}

/** The point `distance` along `p` (clamped to its ends). */
export function pointAlong(p: Polyline, distance: number): Point {
  const first = p.points[0] ?? { x: 0, y: 0 };
  if (distance <= 0) return first;
  for (let i = 1; i < p.points.length; i++) {
    const end = p.lengths[i] ?? 0;
    if (distance <= end) {
      const start = p.lengths[i - 1] ?? 0;
      const a = p.points[i - 1] ?? first;
      const b = p.points[i] ?? first;
      const f = end > start ? (distance - start) / (end - start) : 1;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
    }
  }
  return p.points[p.points.length - 1] ?? first;
}

/**
 * The path of lane `lane` from box `from` to box `to`.
 * - A neutral lane crossing the boxes (in the guest, background writeback) runs from the bottom
 *   edge of one box to the top edge of the next: the request passes the layers in between.
 * - A lane beside the boxes (the coloured arrows, the O_DIRECT bypass) leaves and enters through
 *   the nearer side edge at the box's middle, offset by LANE_DY so arrows sharing a box do not
 *   overlap. In a box the lane runs through (QEMU spans the lanes), it stops on the lane itself.
 */
function lanePoints(lane: LaneId, from: BoxId, to: BoxId): Point[] {
  const x = LANE_X[lane];
  const a = BOXES[from];
  const b = BOXES[to];
  const down = b.y >= a.y;
  const dy = LANE_DY[lane];
  const within = (box: typeof a) => x > box.x && x < box.x + box.width;
  if (dy === undefined && within(a) && within(b)) {
    return [
      { x, y: down ? a.y + a.height : a.y },
      { x, y: down ? b.y : b.y + b.height },
    ];
  }
  const edge = (box: typeof a) => (x > box.x ? box.x + box.width : box.x);
  const ay = a.y + a.height / 2 + (dy ?? 0);
  const by = b.y + b.height / 2 + (dy ?? 0);
  return [
    ...(within(a) ? [] : [{ x: edge(a), y: ay }]),
    { x, y: ay },
    { x, y: by },
    ...(within(b) ? [] : [{ x: edge(b), y: by }]),
  ];
}

const cache = new Map<string, Polyline>();

/** The precomputed polyline of a lane between two boxes (memoized: a handful of distinct ones). */
export function lanePath(lane: LaneId, from: BoxId, to: BoxId): Polyline {
  const key = `${lane}|${from}|${to}`;
  let path = cache.get(key);
  if (!path) {
    path = polyline(lanePoints(lane, from, to));
    cache.set(key, path);
  }
  return path;
}

/**
 * SVG path data for a polyline, "Mx,yLx,y…": d3-shape's line generator with its default linear
 * curve joins the points with straight segments (the lanes are axis-aligned runs), as visx's
 * LinePath has d3 compute `d` and React draw the `<path>`. d3 rounds to 3 decimals, finer than
 * any lane coordinate (whole and half units).
 */
const toD = line<Point>(
  (p) => p.x,
  (p) => p.y,
);

/** SVG path data for a lane between two boxes, for drawing the arrow itself. */
export function laneD(lane: LaneId, from: BoxId, to: BoxId): string {
  return toD(lanePath(lane, from, to).points) ?? "";
}
