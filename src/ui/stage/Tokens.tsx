/**
 * The moving marks, in their own SVG layer: a token per operation (its kind's shape, a neutral
 * fill and a halo so it reads over any arrow, its number inside) and an "ack" mark per operation
 * that rises from where the call returned to the application. React renders each once (memoized, in
 * chunks, on what they show); the animation loop writes their transforms (one owner per DOM node).
 */
import { memo, type RefObject } from "react";
import { OP_KINDS, type OpKind, type OpResult } from "../../model/timeline";
import { REST_SLOTS, TYPE } from "../../geometry/layout";
import type { Surface } from "../../anim/loop";
import { ACK_PILL, LOST_CROSS, STROKE, tokenFace, type TokenFace } from "../../geometry/shapes";
import { opNumber } from "../../text/vocabulary";

/**
 * Above this many tokens, the diagram paints them on a canvas instead (src/anim/canvas.ts):
 * bench:ui holds the idle frame rate with 200 SVG tokens playing, not with 1 000 or more.
 */
export const CANVAS_FROM = 200;

interface TokensProps {
  readonly ops: readonly OpResult[];
  /** The loop's surface: the ref callbacks register each node on it. */
  readonly surface: RefObject<Surface>;
  /** Whether the playhead is at or past the failure: only then are lost writes marked. */
  readonly struck: boolean;
  /** A tour step's write to draw attention to. */
  readonly highlight: number | null;
  /** With reordering, how many journal commit blocks travel too (after the ops' tokens). */
  readonly journal: number;
}

/**
 * Marks are rendered in chunks memoized on what their marks show (kinds and lost marks, as short
 * strings): a new write re-renders the last chunk only, and React compares a few dozen props
 * instead of thousands of marks.
 */
const CHUNK = 64;

export function Tokens({ ops, surface, struck, highlight, journal }: TokensProps) {
  // Numbers inside tokens tie them to the ledger's rows, while there are few enough to read.
  const labelled = ops.length <= REST_SLOTS * 2;
  const chunks: { start: number; kinds: string; lost: string }[] = [];
  for (let start = 0; start < ops.length; start += CHUNK) {
    const slice = ops.slice(start, start + CHUNK);
    chunks.push({
      start,
      kinds: slice.map((op) => String(OP_KINDS.indexOf(op.kind))).join(""),
      lost: slice.map((op) => (struck && op.survives === false ? "1" : "0")).join(""),
    });
  }
  return (
    <>
      <g className="tokens">
        {chunks.map((c) => (
          <TokenChunk
            key={c.start}
            {...c}
            labelled={labelled}
            surface={surface}
            highlight={
              highlight !== null && highlight >= c.start && highlight < c.start + CHUNK
                ? highlight - c.start
                : -1
            }
          />
        ))}
      </g>
      {journal > 0 ? (
        <g className="journal-tokens">
          {Array.from({ length: journal }, (_, k) => (
            <JournalToken key={k} index={ops.length + k} surface={surface} />
          ))}
        </g>
      ) : null}
      <g className="acks">
        {chunks.map((c) => (
          <AckChunk key={c.start} start={c.start} count={c.kinds.length} surface={surface} />
        ))}
      </g>
    </>
  );
}

interface ChunkProps {
  readonly start: number;
  /** Stable for the diagram's life: the ref callbacks register each node on it. */
  readonly surface: RefObject<Surface>;
}

const TokenChunk = memo(function TokenChunk({
  start,
  kinds,
  lost,
  labelled,
  surface,
  highlight,
}: ChunkProps & {
  readonly kinds: string;
  readonly lost: string;
  readonly labelled: boolean;
  /** The index in this chunk of the highlighted token, or -1. */
  readonly highlight: number;
}) {
  return Array.from({ length: kinds.length }, (_, i) => (
    <Token
      key={start + i}
      index={start + i}
      kind={OP_KINDS[Number(kinds[i])] ?? "normal"}
      lost={lost[i] === "1"}
      labelled={labelled}
      highlighted={highlight === i}
      surface={surface}
    />
  ));
});

const AckChunk = memo(function AckChunk({
  start,
  count,
  surface,
}: ChunkProps & { readonly count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <Ack key={start + i} index={start + i} surface={surface} />
  ));
});

/** Hands a mark's node to the loop, which alone writes its transform. */
function register(
  surface: RefObject<Surface>,
  marks: "tokens" | "acks",
  index: number,
  el: SVGGElement | null,
): void {
  surface.current[marks][index] = el;
}

interface MarkProps {
  readonly index: number;
  readonly surface: RefObject<Surface>;
}

function Token({
  index,
  kind,
  lost,
  labelled,
  highlighted,
  surface,
}: MarkProps & {
  readonly kind: OpKind;
  readonly lost: boolean;
  readonly labelled: boolean;
  readonly highlighted: boolean;
}) {
  return (
    <g
      className="token"
      data-op={index}
      data-kind={kind}
      data-lost={lost ? "true" : undefined}
      data-highlight={highlighted ? "true" : undefined}
      ref={(el) => {
        register(surface, "tokens", index, el);
      }}
    >
      <Face
        face={tokenFace(kind, { label: labelled ? opNumber(index) : null, lost, highlighted })}
      />
    </g>
  );
}

/** A face as SVG (the canvas and the export draw the same description, src/anim/canvas.ts). */
function Face({ face }: { readonly face: TokenFace }) {
  return (
    <>
      <path className="halo" d={face.shape} strokeWidth={face.haloWidth} />
      <path className="body" d={face.shape} strokeWidth={STROKE.outline} />
      {face.label ? (
        <text className="token-index" y={face.label.y} textAnchor="middle" fontSize={TYPE.token}>
          {face.label.text}
        </text>
      ) : null}
      {face.lost ? <path className="lost-mark" d={LOST_CROSS} strokeWidth={STROKE.lost} /> : null}
    </>
  );
}

const JOURNAL_FACE = tokenFace("journal", { label: null, lost: false, highlighted: false });

/**
 * A journal commit block (docs/model.md §8.14): a flat bar with a "J", unlike any write's shape,
 * so reordering shows as a J reaching the platters ahead of the data it records.
 */
function JournalToken({ index, surface }: MarkProps) {
  return (
    <g
      className="journal-token"
      data-journal={index}
      ref={(el) => {
        register(surface, "tokens", index, el);
      }}
    >
      <Face face={JOURNAL_FACE} />
    </g>
  );
}

function Ack({ index, surface }: MarkProps) {
  return (
    <g
      className="ack"
      data-ack="true"
      data-op={index}
      ref={(el) => {
        register(surface, "acks", index, el);
      }}
      style={{ visibility: "hidden" }}
    >
      <rect
        x={ACK_PILL.x}
        y={ACK_PILL.y}
        width={ACK_PILL.width}
        height={ACK_PILL.height}
        rx={ACK_PILL.rx}
        strokeWidth={STROKE.ack}
      />
      <text y={ACK_PILL.textY} textAnchor="middle" fontSize={TYPE.token}>
        {ACK_PILL.text}
      </text>
    </g>
  );
}
