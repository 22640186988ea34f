/**
 * The article's four arrows (red, gray, blue, green) with their labels at their heads, QEMU's
 * switch on each lane, the mark where a refused flush stops, and the neutral lanes (in the guest,
 * background writeback, destaging) under the boxes. Geometry comes from src/geometry; this only
 * draws it.
 */
import { memo } from "react";
import type { Arrow } from "../../model/timeline";
import { arrowDrawings, qemuSwitch, stopMark } from "../../geometry/arrows";
import { BOXES, LANE_X, TYPE, type BoxId, type LaneId } from "../../geometry/layout";
import { laneD } from "../../geometry/lanes";
import type { GuestFs } from "../../model/config";
import type { StageFacts } from "../../store/stage";
import { arrowLabel, laneLabel } from "../../text/stage";

const ARROWS = ["red", "gray", "blue", "green"] as const;

/** The neutral hops: in the guest, and the three background movements (docs/model.md §3). */
const NEUTRAL_LANES = [
  { lane: "in-guest", from: "guest-app", to: "virtual-disk" },
  { lane: "in-guest-bypass", from: "guest-app", to: "virtual-disk" },
  { lane: "guest-writeback", from: "guest-page-cache", to: "virtual-disk" },
  { lane: "host-writeback", from: "host-page-cache", to: "disk-cache" },
  { lane: "destage", from: "disk-cache", to: "platters" },
] as const satisfies readonly { lane: LaneId; from: BoxId; to: BoxId }[];

interface ArrowsProps {
  readonly facts: StageFacts;
  readonly fs: GuestFs;
  /** Marker ids are unique per diagram: two diagrams on one page must not share them. */
  readonly markerId: (name: string) => string;
  /** The phone's drawing has no label column: its labels are written under it. */
  readonly labels: boolean;
  /** A tour step's arrow to draw attention to. */
  readonly highlight: Arrow | null;
}

/** The neutral lanes, drawn under the boxes: a request passes the layers in between. */
export const NeutralLanes = memo(function NeutralLanes({
  fs,
  markerId,
}: Pick<ArrowsProps, "fs" | "markerId">) {
  return (
    <g className="neutral-lanes">
      {NEUTRAL_LANES.map((n) => {
        const label = laneLabel(n.lane, fs);
        return (
          <g key={n.lane} className="neutral">
            <path d={laneD(n.lane, n.from, n.to)} markerEnd={`url(#${markerId("neutral")})`} />
            {label ? (
              // In the gap below the box the lane leaves, left of the lane.
              <text
                x={LANE_X[n.lane] - 6}
                y={BOXES[n.from].y + BOXES[n.from].height + 10}
                textAnchor="end"
                fontSize={TYPE.detail}
                dominantBaseline="middle"
              >
                {label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});

export const Arrows = memo(function Arrows({
  facts,
  markerId,
  labels,
  highlight,
}: Omit<ArrowsProps, "fs">) {
  const drawings = arrowDrawings(facts.reach, facts.labelAt);
  return (
    <g className="arrows">
      {ARROWS.map((arrow: Arrow) => {
        const d = drawings[arrow];
        const active = facts.active[arrow];
        // A refused flush is news too: its label speaks at full strength where it stops.
        const speaks = active || (arrow === "green" && facts.stop !== null);
        return (
          <g
            key={arrow}
            className={`arrow arrow-${arrow}`}
            data-highlight={highlight === arrow ? "true" : undefined}
          >
            <path
              d={d.d}
              data-path={arrow}
              data-active={String(active)}
              markerEnd={`url(#${markerId(arrow)})`}
            />
            {labels ? (
              <text
                className="arrow-label"
                x={d.label.x}
                y={d.label.y}
                fontSize={TYPE.label}
                data-active={String(speaks)}
              >
                {arrowLabel(arrow, facts)}
              </text>
            ) : null}
          </g>
        );
      })}
      <QemuSwitch facts={facts} />
      {facts.stop ? <StopMark box={facts.stop.box} refused={facts.stop.refused} /> : null}
    </g>
  );
});

/**
 * QEMU's switch: on each lane through the QEMU box, two contacts; the mode's lane has them
 * joined (closed), the others open. The green lane's switch is closed when flushes pass.
 */
function QemuSwitch({ facts }: { readonly facts: StageFacts }) {
  return (
    <g className="qemu-switch" aria-hidden="true">
      {ARROWS.map((arrow) => {
        const { top, bottom } = qemuSwitch(arrow);
        const closed = facts.active[arrow];
        return (
          <g key={arrow} className={`switch switch-${arrow}`} data-closed={String(closed)}>
            {/* Breaks the lane between the contacts; the lever bridges it when closed. */}
            <rect
              x={top.x - 5}
              y={top.y}
              width="10"
              height={bottom.y - top.y}
              className="switch-gap"
            />
            <line
              x1={bottom.x}
              y1={bottom.y}
              x2={closed ? top.x : top.x - 11}
              y2={closed ? top.y : top.y + 3}
              className="switch-lever"
            />
            <circle cx={top.x} cy={top.y} r="3" />
            <circle cx={bottom.x} cy={bottom.y} r="3" />
          </g>
        );
      })}
    </g>
  );
}

function StopMark({ box, refused }: { readonly box: BoxId; readonly refused: boolean }) {
  const p = stopMark(box);
  return (
    <g className="flush-stop" transform={`translate(${String(p.x)} ${String(p.y)})`}>
      <circle r="9" />
      <path d={refused ? "M -4.5 -4.5 L 4.5 4.5 M 4.5 -4.5 L -4.5 4.5" : "M -5 0 H 5"} />
    </g>
  );
}
