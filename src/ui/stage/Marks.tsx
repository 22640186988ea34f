/**
 * Where "done" is said: a flag beside the layer where an O_SYNC call returns under the current
 * configuration, and the danger zone from there to stable storage. The gap between the two is
 * what the article warns about.
 */
import { memo } from "react";
import { BOX_TITLE, STAGE } from "../../text/stage";
import { TYPE, type BoxId } from "../../geometry/layout";
import { doneMarks } from "../../geometry/marks";

export const DoneMarks = memo(function DoneMarks({
  done,
  stable,
}: {
  readonly done: BoxId;
  readonly stable: BoxId;
}) {
  const { flag, danger } = doneMarks(done, stable);
  return (
    <g className="done-marks">
      {danger ? (
        <g className="danger-zone" data-danger-zone="true">
          <rect x={danger.x} y={danger.y} width={danger.width} height={danger.height} rx="3" />
        </g>
      ) : null}
      <g className="done-flag" data-done-flag="true" data-layer={done}>
        <title>{STAGE.doneTitle(BOX_TITLE[done])}</title>
        <line x1={flag.x} y1={flag.foot} x2={flag.x} y2={flag.top} />
        <path d={`M ${String(flag.x)} ${String(flag.top)} h 22 l -6 7 l 6 7 h -22 Z`} />
        <text x={flag.x + 2} y={flag.foot + 16} fontSize={TYPE.detail} textAnchor="middle">
          {STAGE.done}
        </text>
      </g>
    </g>
  );
});
