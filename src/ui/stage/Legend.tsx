/** The key: each arrow's colour, dash pattern and meaning, and each token's shape. */
import type { DiskCache } from "../../model/config";
import { OP_KINDS } from "../../model/timeline";
import { useDiagram } from "../app/useDiagram";
import { KIND_NAME } from "../../text/vocabulary";
import { LEGEND } from "../../text/panels";
import { STROKE, TOKEN_SHAPE } from "../../geometry/shapes";

const ARROWS = ["red", "gray", "blue", "green"] as const;

/**
 * Half the token key's viewBox: the largest shape reaches 14 units from its centre, its outline
 * half a stroke more; drawn whole (issue 17: a 16-unit box cut every shape but the circle's sides).
 */
const KEY_HALF = 16;
const KEY_BOX = `${String(-KEY_HALF)} ${String(-KEY_HALF)} ${String(2 * KEY_HALF)} ${String(2 * KEY_HALF)}`;

/** The key for a drive cache: where gray ends follows it (docs/model.md §8.11). */
export function LegendView({ diskCache }: { readonly diskCache: DiskCache }) {
  const meaning = LEGEND.arrow(diskCache);
  return (
    <div className="legend">
      <ul aria-label={LEGEND.arrows}>
        {ARROWS.map((arrow) => (
          <li key={arrow}>
            <svg width="36" height="10" aria-hidden="true" className={`arrow arrow-${arrow}`}>
              <path d="M 2 5 H 34" data-active="true" />
            </svg>{" "}
            <strong>{arrow}</strong>: {meaning[arrow]}
          </li>
        ))}
      </ul>
      <ul aria-label={LEGEND.tokens}>
        {OP_KINDS.map((kind) => (
          <li key={kind}>
            <svg width="20" height="20" viewBox={KEY_BOX} aria-hidden="true" className="token-key">
              <path d={TOKEN_SHAPE[kind]} strokeWidth={STROKE.outline} />
            </svg>{" "}
            {KIND_NAME[kind]}
          </li>
        ))}
        <li>
          <span className="ack-key" aria-hidden="true">
            {LEGEND.ack}
          </span>{" "}
          {LEGEND.ackMeaning}
        </li>
      </ul>
      <p className="clock-note">{LEGEND.clock}</p>
    </div>
  );
}

/** The key for the configuration in the diagram store. */
export function Legend() {
  const diskCache = useDiagram((s) => s.config.diskCache);
  return <LegendView diskCache={diskCache} />;
}
