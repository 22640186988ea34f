/**
 * The moving marks, in their own SVG layer: a token per operation (its kind's shape, a neutral
 * fill and a halo so it reads over any arrow, its number inside) and an "ack" mark per operation
 * that rises from where the call returned to the application. React renders them once; the
 * animation loop writes their transforms (one owner per DOM node).
 */
import type { RefObject } from "react";
import type { OpResult } from "../../model/timeline";
import { REST_SLOTS, TYPE } from "../../geometry/layout";
import type { Surface } from "../../anim/loop";
import { TOKEN_SHAPE } from "../shapes";

interface TokensProps {
  readonly ops: readonly OpResult[];
  /** The loop's surface: the ref callbacks register each node on it. */
  readonly surface: RefObject<Surface>;
  /** Whether the playhead is at or past the failure: only then are lost writes marked. */
  readonly struck: boolean;
}

export function Tokens({ ops, surface, struck }: TokensProps) {
  // Numbers inside tokens tie them to the ledger's rows, while there are few enough to read.
  const labelled = ops.length <= REST_SLOTS * 2;
  return (
    <>
      <g className="tokens">
        {ops.map((op) => (
          <g
            key={op.index}
            className="token"
            data-op={op.index}
            data-kind={op.kind}
            data-lost={struck && op.survives === false ? "true" : undefined}
            ref={(el) => void (surface.current.tokens[op.index] = el)}
          >
            <path className="halo" d={TOKEN_SHAPE[op.kind]} />
            <path className="body" d={TOKEN_SHAPE[op.kind]} />
            {labelled ? (
              <text
                className="token-index"
                y={op.kind === "odirect" ? -1 : 5}
                textAnchor="middle"
                fontSize={TYPE.token}
              >
                {op.index}
              </text>
            ) : null}
            {struck && op.survives === false ? (
              <path className="lost-mark" d="M -13 -13 L 13 13 M 13 -13 L -13 13" />
            ) : null}
          </g>
        ))}
      </g>
      <g className="acks">
        {ops.map((op) => (
          <g
            key={op.index}
            className="ack"
            data-ack="true"
            data-op={op.index}
            ref={(el) => void (surface.current.acks[op.index] = el)}
            style={{ visibility: "hidden" }}
          >
            <rect x="-22" y="-11" width="44" height="22" rx="11" />
            <text y="5" textAnchor="middle" fontSize={TYPE.token}>
              ack
            </text>
          </g>
        ))}
      </g>
    </>
  );
}
