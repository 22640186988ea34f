/**
 * The stack itself: the two machines' frames and a box per layer, each marked volatile (⚡, a
 * power cut wipes it) or stable. Two boxes are also controls (direct manipulation, keyboard
 * too): QEMU chooses the cache mode, the guest filesystem toggles barriers.
 */
import { memo, type KeyboardEvent } from "react";
import { CACHE_MODES } from "../../model/config";
import { wipes } from "../../model/failure";
import type { FailureKind, LayerId } from "../../model/timeline";
import { BOXES, FRAMES, LAYER_OF_BOX, TAG_X, TYPE, type Box } from "../../geometry/layout";
import type { SessionConfig } from "../../scenario/session";
import type { StageFacts } from "../../store/stage";
import { BOX_TITLE, boxDetail, FRAME_LABEL, STAGE } from "../../text/stage";

/** The next cache mode in QEMU's order, wrapping around. */
function nextMode(config: SessionConfig) {
  const i = CACHE_MODES.indexOf(config.mode);
  return CACHE_MODES[(i + 1) % CACHE_MODES.length] ?? "writeback";
}

function activate(handler: () => void) {
  return {
    onClick: handler,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        handler();
      }
    },
  };
}

interface BoxProps {
  readonly box: Box;
  readonly title: string;
  readonly detail: string;
  readonly volatile: boolean;
  readonly stable: boolean;
}

function BoxShape({ box, title, detail, volatile, stable }: BoxProps) {
  return (
    <>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx="6" />
      <text x={box.x + 12} y={box.y + 24} className="box-title" fontSize={TYPE.title}>
        {title}
      </text>
      <text x={box.x + 12} y={box.y + 45} className="box-detail" fontSize={TYPE.detail}>
        {detail}
      </text>
      {volatile ? (
        <text x={TAG_X} y={box.y + 16} className="volatile-tag" fontSize={TYPE.detail}>
          {STAGE.volatile}
        </text>
      ) : null}
      {stable ? (
        <text x={TAG_X} y={box.y + 16} className="stable-tag" fontSize={TYPE.detail}>
          {STAGE.stable}
        </text>
      ) : null}
    </>
  );
}

interface StackProps {
  readonly config: SessionConfig;
  /** The phone's drawing: frames end at the green lane. */
  readonly compact: boolean;
  readonly facts: StageFacts;
  readonly onConfig: (change: Partial<SessionConfig>) => void;
  /** The failure the playhead stands at or past: the layers it wiped are marked (and flash). */
  readonly wipedBy: FailureKind | null;
  /** A tour step's layer to draw attention to. */
  readonly highlight: LayerId | null;
}

export const Stack = memo(function Stack({
  config,
  facts,
  onConfig,
  compact,
  wipedBy,
  highlight,
}: StackProps) {
  const next = nextMode(config);
  return (
    <g className="stack-boxes">
      {FRAMES.map((f) => {
        const width = compact ? f.compactWidth : f.width;
        return (
          <g key={f.id} className="frame">
            <rect x={f.x} y={f.y} width={width} height={f.height} rx="8" />
            <text x={f.x + width - 8} y={f.y + 16} textAnchor="end" fontSize={TYPE.frame}>
              {compact && f.id === "guest" ? STAGE.guestShort : FRAME_LABEL[f.id]}
            </text>
          </g>
        );
      })}
      {Object.values(BOXES).map((b) => {
        const volatile = facts.volatile[b.id];
        const wiped = wipedBy !== null && wipes(wipedBy, LAYER_OF_BOX[b.id], config.diskCache);
        const common = {
          "data-layer": b.id,
          "data-volatile": String(volatile),
          "data-wiped": wiped ? "true" : undefined,
          "data-highlight": highlight === b.id ? "true" : undefined,
          className: `box box-${b.id}${volatile ? " volatile" : ""}${b.id === facts.stable ? " stable" : ""}`,
        };
        const shape = (
          <BoxShape
            box={b}
            title={b.id === "qemu" ? STAGE.qemuTitle(config) : BOX_TITLE[b.id]}
            detail={boxDetail(b.id, config)}
            volatile={volatile && b.id !== "qemu"}
            stable={b.id === facts.stable}
          />
        );
        if (b.id === "qemu") {
          return (
            <g
              key={b.id}
              {...common}
              role="button"
              tabIndex={0}
              aria-label={STAGE.qemuControl(config, next)}
              {...activate(() => {
                onConfig({ mode: next });
              })}
            >
              {shape}
            </g>
          );
        }
        if (b.id === "guest-block-layer") {
          return (
            <g
              key={b.id}
              {...common}
              role="button"
              tabIndex={0}
              aria-label={STAGE.fsControl(config)}
              {...activate(() => {
                onConfig({ guestBarriers: !config.guestBarriers });
              })}
            >
              {shape}
            </g>
          );
        }
        return (
          <g key={b.id} {...common}>
            {shape}
          </g>
        );
      })}
    </g>
  );
});
