/**
 * The storage stack, drawn as SVG: React renders the structure, d3-shape computes the arrow
 * paths (src/geometry), and the animation loop (src/anim) moves the tokens by writing their
 * transforms directly — one owner per DOM node (design.md).
 */
import { useEffect, useLayoutEffect, useRef } from "react";
import { MODE_SWITCHES } from "../model/config";
import { flushOutcome, writeArrow } from "../model/rules";
import type { Arrow } from "../model/timeline";
import { BOXES, FRAMES, LANE_X, REST_SLOTS, VIEW, type BoxId } from "../geometry/layout";
import { laneD } from "../geometry/lanes";
import { createLoop, type Loop, type Surface } from "../anim/loop";
import type { SessionConfig } from "../store/session";
import type { FailureKind } from "../model/timeline";
import { TOKEN_SHAPE } from "./shapes";
import { useDiagram, useDiagramStore } from "./useDiagram";

interface ArrowSpec {
  readonly arrow: Arrow;
  readonly from: BoxId;
  readonly to: BoxId;
  readonly label: string;
}

const FAILED_WORDS: Readonly<Record<FailureKind, string>> = {
  power: "power lost",
  host: "host crashed",
  qemu: "QEMU killed",
  guest: "guest crashed",
};

/** The article's four arrows, each drawn over its whole reach. */
const ARROWS: readonly ArrowSpec[] = [
  { arrow: "red", from: "virtual-disk", to: "host-page-cache", label: "red: to host page cache" },
  { arrow: "gray", from: "virtual-disk", to: "disk-cache", label: "gray: bypass to disk cache" },
  { arrow: "blue", from: "virtual-disk", to: "platters", label: "blue: write-through" },
  { arrow: "green", from: "guest-block-layer", to: "platters", label: "green: flush passed" },
];

/** The neutral hops: in the guest, and the three background movements. */
const NEUTRAL = [
  { lane: "in-guest", from: "guest-app", to: "virtual-disk", label: "" },
  { lane: "in-guest-bypass", from: "guest-app", to: "virtual-disk", label: "O_DIRECT" },
  {
    lane: "guest-writeback",
    from: "guest-page-cache",
    to: "virtual-disk",
    label: "writeback (30 s)",
  },
  { lane: "host-writeback", from: "host-page-cache", to: "disk-cache", label: "writeback (30 s)" },
  { lane: "destage", from: "disk-cache", to: "platters", label: "destage (est.)" },
] as const;

/** A neutral lane's label: in the gap below the box it leaves, or along the bypass lane. */
function neutralLabelAt(lane: (typeof NEUTRAL)[number]["lane"], from: BoxId): string {
  const x = LANE_X[lane];
  if (lane === "in-guest-bypass") {
    const b = BOXES["guest-page-cache"];
    return `translate(${String(x + 11)} ${String(b.y + b.height / 2)}) rotate(-90)`;
  }
  const b = BOXES[from];
  return `translate(${String(x + 4)} ${String(b.y + b.height + 10)})`;
}

function activeArrows(config: SessionConfig): Record<Arrow, boolean> {
  const s = MODE_SWITCHES[config.mode];
  const used = writeArrow(s);
  return {
    red: used === "red",
    gray: used === "gray",
    blue: used === "blue",
    green: flushOutcome(config.guestBarriers, s) === "passed",
  };
}

/** Where and why a flush stops when it does not pass (docs/model.md §2–§3). */
function flushStop(config: SessionConfig): { box: BoxId; label: string; refused: boolean } | null {
  switch (flushOutcome(config.guestBarriers, MODE_SWITCHES[config.mode])) {
    case "no-guest-barriers":
      return {
        box: "guest-block-layer",
        label: "green: dropped — guest sends no barriers",
        refused: true,
      };
    case "no-write-cache":
      return {
        box: "guest-block-layer",
        label: "green: no flush needed — no write cache",
        refused: false,
      };
    case "ignored-by-qemu":
      return { box: "qemu", label: "green: ignored (cache=unsafe)", refused: true };
    case "passed":
      return null;
  }
}

/** Where an arrow's label starts: beside its first leg, or past the mark where a flush stops. */
function labelStartY(a: ArrowSpec, stop: ReturnType<typeof flushStop>): number {
  const from = BOXES[a.from];
  if (a.arrow === "green" && stop) return stopMarkY(stop.box) + 12;
  return from.y + from.height / 2 + 6;
}

/** The y of the mark on the green lane where a refused flush stops. */
function stopMarkY(box: BoxId): number {
  const b = BOXES[box];
  return b.y + b.height / 2 + 12;
}

function boxDetail(id: BoxId, config: SessionConfig): string {
  const s = MODE_SWITCHES[config.mode];
  switch (id) {
    case "guest-app":
      return "write(), O_SYNC, fsync";
    case "guest-page-cache":
      return "guest RAM";
    case "guest-block-layer":
      if (!config.guestBarriers) return "issues no barriers";
      return s.guestSeesWriteCache ? "issues barriers (flushes)" : "barriers on; none needed";
    case "virtual-disk":
      return s.guestSeesWriteCache ? "reports a write cache" : "reports no write cache";
    case "qemu":
      return `cache=${config.mode}`;
    case "host-page-cache":
      return s.hostCacheBypassed ? "bypassed (O_DIRECT)" : "host RAM";
    case "disk-cache":
      return { volatile: "volatile", off: "off (hdparm -W0)", battery: "battery-backed" }[
        config.diskCache
      ];
    case "platters":
      return "permanent";
  }
}

export function Diagram() {
  const store = useDiagramStore();
  const config = useDiagram((s) => s.config);
  const ops = useDiagram((s) => s.timeline.ops);
  const failure = useDiagram((s) => s.failure);
  const surface = useRef<Surface>({ tokens: [], acks: [], readout: null });
  const loop = useRef<Loop | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  useEffect(() => {
    const created = createLoop(store, surface.current);
    loop.current = created;
    const onVisibility = () => {
      created.setVisible(document.visibilityState === "visible");
    };
    document.addEventListener("visibilitychange", onVisibility);
    const motion = window.matchMedia("(prefers-reduced-motion: reduce)");
    const onMotion = () => {
      created.setReducedMotion(motion.matches);
    };
    onMotion();
    motion.addEventListener("change", onMotion);
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) created.setOnScreen(entry.isIntersecting);
    });
    if (svg.current) observer.observe(svg.current);
    created.redraw();
    return () => {
      observer.disconnect();
      motion.removeEventListener("change", onMotion);
      document.removeEventListener("visibilitychange", onVisibility);
      created.destroy();
      loop.current = null;
    };
  }, [store]);

  // New tokens exist only after React commits them: draw them before the browser paints.
  useLayoutEffect(() => {
    surface.current.tokens.length = ops.length;
    surface.current.acks.length = ops.length;
    loop.current?.redraw();
  }, [ops]);

  const active = activeArrows(config);
  // Numbers next to tokens tie them to the ledger's rows, while there are few enough to read.
  const labelled = ops.length <= REST_SLOTS;
  const stop = flushStop(config);

  return (
    <figure className="diagram">
      <p className="readout">
        Model time:{" "}
        <span className="clock" ref={(el) => void (surface.current.readout = el)}>
          0 µs
        </span>
        {failure ? <strong className="failed"> — {FAILED_WORDS[failure]}</strong> : null}
      </p>
      <div className="stack-wrap">
        <svg
          ref={svg}
          role="img"
          aria-label={`Storage stack of a KVM guest under cache=${config.mode}, guest barriers ${config.guestBarriers ? "on" : "off"}, disk write cache ${config.diskCache}: guest application, guest page cache, guest block layer, virtual disk, QEMU, host page cache, disk write cache and platters, with the red, gray, blue and green arrows.`}
          viewBox={`0 0 ${String(VIEW.width)} ${String(VIEW.height)}`}
          className="stack"
        >
          <defs>
            {(["red", "gray", "blue", "green", "neutral"] as const).map((name) => (
              <marker
                key={name}
                id={`head-${name}`}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="11"
                markerHeight="11"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className={`head head-${name}`} />
              </marker>
            ))}
          </defs>
          {FRAMES.map((f) => (
            <g key={f.id} className="frame">
              <rect x={f.x} y={f.y} width={f.width} height={f.height} rx="8" />
              <text x={f.x + f.width - 8} y={f.y + 14} textAnchor="end">
                {f.label}
              </text>
            </g>
          ))}
          {/* Drawn under the boxes: a request passes the layers between, shown as arrows between boxes. */}
          {NEUTRAL.map((n) => (
            <g key={n.lane} className="neutral">
              <path d={laneD(n.lane, n.from, n.to)} markerEnd="url(#head-neutral)" />
              {n.label ? (
                <text
                  transform={neutralLabelAt(n.lane, n.from)}
                  textAnchor={n.lane === "in-guest-bypass" ? "middle" : "start"}
                >
                  {n.label}
                </text>
              ) : null}
            </g>
          ))}
          {Object.values(BOXES).map((b) => (
            <g key={b.id} data-layer={b.id} className={`box box-${b.id}`}>
              <rect x={b.x} y={b.y} width={b.width} height={b.height} rx="6" />
              <text x={b.x + 8} y={b.y + 17} className="box-title">
                {b.title}
              </text>
              <text x={b.x + 8} y={b.y + 31} className="box-detail">
                {boxDetail(b.id, config)}
              </text>
            </g>
          ))}
          {ARROWS.map((a) => (
            <g key={a.arrow} className={`arrow arrow-${a.arrow}`}>
              <path
                d={laneD(a.arrow, a.from, a.to)}
                data-path={a.arrow}
                data-active={String(active[a.arrow])}
                markerEnd={`url(#head-${a.arrow})`}
              />
              <text
                className="arrow-label"
                transform={`translate(${String(LANE_X[a.arrow] + 4)} ${String(labelStartY(a, stop))}) rotate(90)`}
                data-active={String(active[a.arrow] || (a.arrow === "green" && stop !== null))}
              >
                {a.arrow === "green" && stop ? stop.label : a.label}
              </text>
            </g>
          ))}
          {stop ? (
            <g
              className="flush-stop"
              transform={`translate(${String(LANE_X.green)} ${String(stopMarkY(stop.box))})`}
            >
              <circle r="7" />
              <path
                d={stop.refused ? "M -3.5 -3.5 L 3.5 3.5 M 3.5 -3.5 L -3.5 3.5" : "M -4 0 H 4"}
              />
            </g>
          ) : null}
        </svg>
        {/* Tokens live in their own layer: moving them repaints this layer only, never the
            dashed arrows and labels underneath (bench:ui measured the difference). */}
        <svg
          className="stack-tokens"
          aria-hidden="true"
          viewBox={`0 0 ${String(VIEW.width)} ${String(VIEW.height)}`}
        >
          <g className="tokens">
            {ops.map((op) => (
              <g
                key={op.index}
                className="token"
                data-op={op.index}
                data-kind={op.kind}
                data-lost={op.survives === false ? "true" : undefined}
                ref={(el) => void (surface.current.tokens[op.index] = el)}
              >
                <path d={TOKEN_SHAPE[op.kind]} />
                {labelled ? (
                  <text className="token-index" x="0" y="17" textAnchor="middle">
                    {op.index}
                  </text>
                ) : null}
                {op.survives === false ? (
                  <path className="lost-mark" d="M -7 -7 L 7 7 M 7 -7 L -7 7" />
                ) : null}
              </g>
            ))}
          </g>
          <g className="acks">
            {ops.map((op) => (
              <g
                key={op.index}
                className="ack"
                ref={(el) => void (surface.current.acks[op.index] = el)}
                style={{ visibility: "hidden" }}
              >
                <rect x="-14" y="-7" width="28" height="13" rx="6" />
                <text y="3" textAnchor="middle">
                  ack
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
    </figure>
  );
}
