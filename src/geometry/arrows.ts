/**
 * The article's four arrows as drawn: each one's path, where its label stands, where QEMU's
 * switch sits on it, and where a refused flush is marked. The drawing components only draw what
 * this returns (xyflow's `getStraightPath` returns the label's place with the path, for the same
 * reason: no label arithmetic in components).
 */
import type { Arrow } from "../model/timeline";
import { BOXES, LABEL_X, LANE_X, TYPE, type BoxId } from "./layout";
import { laneD, type Point } from "./lanes";

/** Where each arrow starts and ends under a configuration. */
export interface Reach {
  readonly from: BoxId;
  readonly to: BoxId;
}

/**
 * The boxes each arrow joins. red, gray and blue leave the virtual disk; green leaves the guest
 * filesystem, where barriers are issued. gray ends in the disk (its cache, or the platters with
 * the cache off); blue and green end on stable storage (the platters, or a battery-backed cache).
 */
export function arrowReach(arrow: Arrow, ends: { disk: BoxId; stable: BoxId }): Reach {
  switch (arrow) {
    case "red":
      return { from: "virtual-disk", to: "host-page-cache" };
    case "gray":
      return { from: "virtual-disk", to: ends.disk };
    case "blue":
      return { from: "virtual-disk", to: ends.stable };
    case "green":
      return { from: "guest-block-layer", to: ends.stable };
  }
}

export interface ArrowDrawing {
  readonly arrow: Arrow;
  /** SVG path data along the arrow's lane. */
  readonly d: string;
  /** The label's start (text-anchor start, baseline). */
  readonly label: Point;
}

const middle = (box: BoxId) => BOXES[box].y + BOXES[box].height / 2;

/** Labels standing at one row are this far apart (the label type is 16 units). */
const LABEL_LEADING = 18;

/**
 * Every arrow's path and label. A label stands at the row of its head (`labelAt`: the head, or
 * where a refused flush stops), right of the lanes; labels sharing a row are stacked around the
 * row's middle so they never overlap.
 */
export function arrowDrawings(
  reach: Readonly<Record<Arrow, Reach>>,
  labelAt: Readonly<Record<Arrow, BoxId>>,
): Record<Arrow, ArrowDrawing> {
  const arrows = ["red", "gray", "blue", "green"] as const;
  const rows = new Map<BoxId, Arrow[]>();
  for (const arrow of arrows)
    rows.set(labelAt[arrow], [...(rows.get(labelAt[arrow]) ?? []), arrow]);
  const out = {} as Record<Arrow, ArrowDrawing>;
  for (const arrow of arrows) {
    const row = rows.get(labelAt[arrow]) ?? [arrow];
    const offset = (row.indexOf(arrow) - (row.length - 1) / 2) * LABEL_LEADING;
    // A baseline about a third of the type size below the row's middle centres the text on it.
    const baseline = middle(labelAt[arrow]) + offset + TYPE.label / 3;
    const { from, to } = reach[arrow];
    out[arrow] = { arrow, d: laneD(arrow, from, to), label: { x: LABEL_X, y: baseline } };
  }
  return out;
}

/** Where a refused flush is marked: on the green lane, at the middle of the box it stops in. */
export function stopMark(box: BoxId): Point {
  return { x: LANE_X.green, y: middle(box) };
}

/** QEMU's switch on a lane: the two contacts where the lane crosses the middle of the QEMU box. */
export function qemuSwitch(arrow: Arrow): { readonly top: Point; readonly bottom: Point } {
  const x = LANE_X[arrow];
  const y = middle("qemu");
  return { top: { x, y: y - 9 }, bottom: { x, y: y + 9 } };
}
