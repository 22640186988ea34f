/**
 * Where everything sits, in viewBox units: the article's stack drawn top to bottom, the guest
 * above the host. Pure data, computed from ordered lists rather than hand-placed numbers; no DOM,
 * testable in Node.
 *
 *   x: 0 ─ gutter ─ 60 ─────── boxes ─────── 360 ─ lanes (red gray blue green) ─ 474 ─ labels ─ 660
 *
 * - The gutter holds the "done" flag and the danger zone beside the layers they mark.
 * - Each box has its title and detail on the left and, on the right, a tray where tokens rest,
 *   so a resting token never covers a title.
 * - The O_DIRECT lane passes the guest page cache by just right of the boxes, entering the
 *   virtual disk near its top, above where the coloured arrows leave it.
 * - The coloured lanes run right of the boxes, each at its own x, so a lane that skips a layer
 *   visibly passes it by (gray skips the host page cache, blue both host caches). The QEMU box
 *   is wide enough for all four lanes to pass through it: that is where the mode decides.
 * - Arrow labels stand horizontally in the column right of the lanes, at the row of each head.
 *
 * Type sizes are chosen for a 1024×768 projector, where the drawing renders at about 0.93–1.0
 * px per unit: titles 20 (≥ 18 px), arrow labels 16 (≥ 14 px), tokens 24 (≥ 20 px), nothing
 * under 14 (≥ 12 px).
 */
import { scaleBand } from "d3-scale";
import type { FlushOutcome, LayerId, Route } from "../model/timeline";

export const VIEW = { width: 660, height: 600 } as const;

/**
 * On a phone the drawing drops the label column (the labels move under it, in HTML) so that
 * what remains draws about 1.4 times larger: the stack and its lanes, up to the green lane.
 */
export const COMPACT_VIEW = { width: 486, height: VIEW.height } as const;

/** Font sizes in viewBox units (see the header for the pixels they make on a projector). */
export const TYPE = { title: 20, label: 16, detail: 14, token: 14, frame: 14 } as const;

/** The layers where data rests, plus the guest filesystem (where barriers are issued or dropped) and QEMU. */
export type BoxId = LayerId | "guest-block-layer" | "qemu";

/**
 * The layer whose fate each box shares (docs/model.md §1, §4): the guest filesystem's box is
 * guest RAM, and QEMU's box holds the requests in flight of the virtual disk, so a QEMU kill
 * wipes it. The one box→layer map: the stage's volatile marks and a failure's wiped marks ask here.
 */
export const LAYER_OF_BOX: Readonly<Record<BoxId, LayerId>> = {
  "guest-app": "guest-app",
  "guest-page-cache": "guest-page-cache",
  "guest-block-layer": "guest-page-cache",
  "virtual-disk": "virtual-disk",
  qemu: "virtual-disk",
  "host-page-cache": "host-page-cache",
  "disk-cache": "disk-cache",
  platters: "platters",
};

/**
 * Where a flush ends (docs/model.md §2–§4): on stable storage when it passes; in QEMU when
 * cache=unsafe ignores it; in the guest filesystem when the guest sends none (no barriers) or
 * needs none (no write cache); in the drive's volatile cache under a fault (§4). The one place that decides it: the tokens and the stage ask here.
 */
export function flushEnd(outcome: FlushOutcome, stable: BoxId): BoxId {
  switch (outcome) {
    case "passed":
      return stable;
    case "ignored-by-qemu":
      return "qemu";
    case "no-guest-barriers":
    case "no-write-cache":
      return "guest-block-layer";
    case "no-host-barriers":
    case "ignored-by-drive":
      return "disk-cache";
  }
}

export interface Box {
  readonly id: BoxId;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The gutter left of the boxes (flag, danger zone). */
const GUTTER = 60;
const BOX_WIDTH = 300;
const BOX_HEIGHT = 56;
/** Vertical space between boxes of one machine. */
const GAP = 12;
/** Where the first box of each machine starts below its frame's top (room for the frame label). */
const FRAME_PAD_TOP = 22;
const FRAME_PAD_BOTTOM = 10;
/** Space between the two machines' frames. */
const FRAME_GAP = 8;
const FRAME_MARGIN = 4;

const BOXES_RIGHT = GUTTER + BOX_WIDTH;

/** One vertical lane per coloured arrow, right of the boxes, 26 units apart. */
const ARROW_LANE_X = { red: 382, gray: 408, blue: 434, green: 460 } as const;

/** Where the arrow labels start: right of the last lane. */
export const LABEL_X = ARROW_LANE_X.green + 14;

/** The stack, machine by machine, top to bottom (docs/model.md §1); their words: src/text/stage.ts. */
const MACHINES = [
  {
    id: "guest",
    boxes: ["guest-app", "guest-page-cache", "guest-block-layer", "virtual-disk"],
  },
  {
    id: "host",
    boxes: ["qemu", "host-page-cache", "disk-cache", "platters"],
  },
] as const satisfies readonly { id: string; boxes: readonly BoxId[] }[];

export interface Frame {
  readonly id: "guest" | "host";
  /** The frame's right edge and label in the compact drawing. */
  readonly compactWidth: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A box and the gap under it: the stack's rhythm within a machine. */
const STEP = BOX_HEIGHT + GAP;

/**
 * Frames and boxes from the ordered list, top to bottom. Within a machine the boxes are the
 * bands of d3's band scale: its range is the frame's inside (below the frame's label), n boxes
 * with n − 1 gaps; the inner padding, the gap as a fraction of the step, leaves each band
 * BOX_HEIGHT tall. The frame closes FRAME_PAD_BOTTOM below its last box, and the next machine's
 * frame starts FRAME_GAP below.
 */
function stack(): { boxes: Record<BoxId, Box>; frames: Frame[] } {
  const boxes = {} as Record<BoxId, Box>;
  const frames: Frame[] = [];
  let top = FRAME_MARGIN;
  for (const machine of MACHINES) {
    const first = top + FRAME_PAD_TOP;
    const last = first + machine.boxes.length * STEP - GAP;
    const rows = scaleBand<BoxId>()
      .domain(machine.boxes)
      .range([first, last])
      .paddingInner(GAP / STEP);
    for (const id of machine.boxes) {
      // QEMU spans the lanes: the write's arrows pass through it, where the mode is decided.
      const width = id === "qemu" ? LABEL_X - GUTTER : BOX_WIDTH;
      boxes[id] = { id, x: GUTTER, y: rows(id) ?? first, width, height: rows.bandwidth() };
    }
    const bottom = last + FRAME_PAD_BOTTOM;
    frames.push({
      id: machine.id,
      x: FRAME_MARGIN,
      y: top,
      width: VIEW.width - 2 * FRAME_MARGIN,
      compactWidth: COMPACT_VIEW.width - 2 * FRAME_MARGIN,
      height: bottom - top,
    });
    top = bottom + FRAME_GAP;
  }
  return { boxes, frames };
}

const built = stack();

export const BOXES: Readonly<Record<BoxId, Box>> = built.boxes;

/** The two machines, drawn as frames around their boxes. */
export const FRAMES: readonly Frame[] = built.frames;

const TRAY_SLOTS = 3;
/** Distance between resting tokens (a token is 24 wide). */
const TRAY_STEP = 26;

/**
 * The x of each lane. Coloured lanes run right of the boxes. The in-guest and background lanes
 * cross the boxes in their trays (right of the titles), since a request passes the layers in
 * between; the O_DIRECT lane runs just right of the guest page cache it skips, so a token on it
 * never crosses a title.
 */
export const LANE_X = {
  ...ARROW_LANE_X,
  "in-guest": BOXES_RIGHT - 16 - TRAY_STEP * 2,
  "in-guest-bypass": BOXES_RIGHT + 10,
  "guest-writeback": BOXES_RIGHT - 16,
  "host-writeback": BOXES_RIGHT - 16 - TRAY_STEP * 2,
  destage: BOXES_RIGHT - 16,
} as const satisfies Record<Route | "in-guest-bypass", number>;

export type LaneId = keyof typeof LANE_X;

/**
 * Lanes beside the boxes leave and enter a box at staggered heights, so arrows that start at the
 * same box (red, gray and blue all leave the virtual disk) do not draw over each other.
 */
export const LANE_DY: Readonly<Partial<Record<LaneId, number>>> = {
  "in-guest-bypass": -22,
  red: -15,
  gray: -5,
  blue: 5,
  green: 15,
};

/** Tokens a tray holds before the next ones are tucked in between (and numbers are dropped). */
export const REST_SLOTS = TRAY_SLOTS * 2;

/**
 * Where the token of op `slot` rests in a box: in the tray at the box's right, filled from the
 * right; the next three tuck in between the first three, slightly lower, and so on.
 */
export function restPoint(id: BoxId, slot: number): { x: number; y: number } {
  const b = BOXES[id];
  const right = BOXES_RIGHT - 16;
  const page = Math.floor(slot / TRAY_SLOTS) % 2;
  return {
    x: right - (slot % TRAY_SLOTS) * TRAY_STEP - page * (TRAY_STEP / 2),
    y: b.y + 31 + page * 4,
  };
}

/** Where a box's ⚡ volatile / ▣ stable tag ends (text-anchor end), top right, above the tray. */
export const TAG_X = BOXES_RIGHT - 8;

/** The gutter's two marks: the danger band's x range and the flag's anchor. */
export const GUTTER_MARKS = {
  band: { x: 4, width: 10 },
  flag: { x: 34 },
} as const;
