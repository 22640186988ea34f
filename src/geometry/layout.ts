/**
 * Where everything sits, in viewBox units: the article's stack drawn top to bottom, the guest
 * above the host, and one vertical lane per arrow to the right of the boxes so that a lane that
 * skips a layer visibly passes it by (gray bypasses the host page cache; blue goes all the way
 * down). Pure data: no DOM, testable in Node.
 */
import type { LayerId, Route } from "../model/timeline";

export const VIEW = { width: 360, height: 584 } as const;

/** The layers where data rests, plus the guest block layer (where barriers are issued or dropped) and QEMU. */
export type BoxId = LayerId | "guest-block-layer" | "qemu";

export interface Box {
  readonly id: BoxId;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

const BOX_X = 30;
const BOX_WIDTH = 180;
const BOX_HEIGHT = 52;

function box(id: BoxId, title: string, y: number): Box {
  return { id, x: BOX_X, y, width: BOX_WIDTH, height: BOX_HEIGHT, title };
}

export const BOXES: Readonly<Record<BoxId, Box>> = {
  "guest-app": box("guest-app", "Guest application", 28),
  "guest-page-cache": box("guest-page-cache", "Guest page cache", 94),
  "guest-block-layer": box("guest-block-layer", "Guest FS / block layer", 160),
  "virtual-disk": box("virtual-disk", "Virtual disk", 226),
  qemu: box("qemu", "QEMU block layer", 312),
  "host-page-cache": box("host-page-cache", "Host page cache", 378),
  "disk-cache": box("disk-cache", "Disk write cache", 444),
  platters: box("platters", "Platters", 510),
};

/** The two machines, drawn as frames around their boxes. */
export const FRAMES = [
  { id: "guest", label: "Guest (virtual machine)", x: 4, y: 4, width: 352, height: 282 },
  { id: "host", label: "Host", x: 4, y: 292, width: 352, height: 284 },
] as const;

const CENTER_X = BOX_X + BOX_WIDTH / 2;

/**
 * The x of each lane. Coloured lanes run right of the boxes; the in-guest and background lanes
 * run through the boxes (a request passes the layers between), except the O_DIRECT bypass, which
 * runs left of the guest page cache it skips.
 */
export const LANE_X = {
  red: 232,
  gray: 258,
  blue: 284,
  green: 310,
  "in-guest": CENTER_X - 30,
  "in-guest-bypass": 14,
  "guest-writeback": CENTER_X + 30,
  "host-writeback": CENTER_X - 30,
  destage: CENTER_X + 30,
} as const satisfies Record<Route | "in-guest-bypass", number>;

export type LaneId = keyof typeof LANE_X;

/**
 * Lanes beside the boxes leave and enter a box at staggered heights, so arrows that start at the
 * same box (red, gray and blue all leave the virtual disk) do not draw over each other.
 */
export const LANE_DY: Readonly<Partial<Record<LaneId, number>>> = {
  red: -12,
  gray: -4,
  blue: 4,
  green: 12,
};

/** Where tokens resting in a box sit: a row along its bottom, one slot per op, wrapping. */
export const REST_SLOTS = 16;

export function restPoint(id: BoxId, slot: number): { x: number; y: number } {
  const b = BOXES[id];
  const spacing = (b.width - 20) / (REST_SLOTS - 1);
  return { x: b.x + 10 + (slot % REST_SLOTS) * spacing, y: b.y + b.height - 11 };
}
