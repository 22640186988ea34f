/**
 * The timeline under the diagram: a slider named "Time" with a mark for every issue,
 * acknowledgement, durable point, flush, journal commit and the failure, and above it the
 * exposure strip — how many acknowledged writes each failure would destroy at each instant, the
 * window of vulnerability as a picture. Dragging or clicking seeks (every token moves in the same
 * frame); the keyboard steps from event to event, Home/End go to either end, PageUp/PageDown jump a
 * tenth of the way. The thumb is moved by the animation loop, not by React.
 */
import { useMemo, type KeyboardEvent, type PointerEvent } from "react";
import { FAILURE_KINDS } from "../model/timeline";
import { sweepCrashes } from "../model/sweep";
import {
  exposureSteps,
  MARK_KINDS,
  timelineMarks,
  timelineT,
  timelineX,
  type MarkKind,
} from "../geometry/timeline";
import { formatModelTime } from "../anim/loop";
import { useDiagram } from "./useDiagram";

const MARK_ROW: Readonly<Record<MarkKind, number>> = {
  issued: 0,
  acknowledged: 1,
  durable: 2,
  flush: 3,
  commit: 4,
  failure: 5,
};

const MARK_WORDS: Readonly<Record<MarkKind, string>> = {
  issued: "issued",
  acknowledged: "acked",
  durable: "durable",
  flush: "flush",
  commit: "commit",
  failure: "failure",
};

/** The marks strip: 6 rows of ticks, in viewBox units (stretched to the track's width). */
const ROW_H = 4;
/** The exposure strip's height in viewBox units. */
const STRIP_H = 36;

/** `thumb` registers the thumb's node with the animation loop, which places it. */
export function Timeline({ thumb }: { readonly thumb: (el: HTMLDivElement | null) => void }) {
  const timeline = useDiagram((s) => s.timeline);
  const calm = useDiagram((s) => s.calm);
  const clock = useDiagram((s) => s.clock);
  const endMs = useDiagram((s) => s.endMs);
  const tMs = useDiagram((s) => s.tMs);
  const seek = useDiagram((s) => s.seek);
  const step = useDiagram((s) => s.step);
  const setPlaying = useDiagram((s) => s.setPlaying);

  // One path per kind of mark (a tick per mark): thousands of marks stay six DOM nodes.
  const marks = useMemo(() => {
    const d = new Map<MarkKind, string[]>();
    for (const m of timelineMarks(timeline, clock, endMs)) {
      const x = (m.x * 1000).toFixed(1);
      const top = String(MARK_ROW[m.kind] * ROW_H);
      const list = d.get(m.kind) ?? [];
      list.push(`M${x},${top}v${String(ROW_H)}`);
      d.set(m.kind, list);
    }
    return MARK_KINDS.map((kind) => ({ kind, d: (d.get(kind) ?? []).join("") }));
  }, [timeline, clock, endMs]);
  const exposure = useMemo(() => {
    const steps = FAILURE_KINDS.map((kind) => ({
      kind,
      points: exposureSteps(sweepCrashes(calm, kind, { ackedOnly: true }), clock, endMs),
    }));
    const max = Math.max(1, ...steps.flatMap((s) => s.points.map(([, n]) => n)));
    const worst = Math.max(
      0,
      ...(steps.find((s) => s.kind === "power")?.points.map(([, n]) => n) ?? []),
    );
    return { steps, max, worst };
  }, [calm, clock, endMs]);

  const seekTo = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    seek(timelineT(clock, endMs, r.width > 0 ? (e.clientX - r.left) / r.width : 0));
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const jump = (by: number) => {
      seek(timelineT(clock, endMs, timelineX(clock, endMs, tMs) + by));
    };
    const keys: Record<string, () => void> = {
      ArrowRight: () => {
        step(1);
      },
      ArrowUp: () => {
        step(1);
      },
      ArrowLeft: () => {
        step(-1);
      },
      ArrowDown: () => {
        step(-1);
      },
      Home: () => {
        seek(0);
      },
      End: () => {
        seek(endMs);
      },
      PageUp: () => {
        jump(0.1);
      },
      PageDown: () => {
        jump(-0.1);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    setPlaying(false);
    action();
  };

  const path = (points: readonly [number, number][]) =>
    points
      .map(
        ([x, n], i) =>
          `${i === 0 ? "M" : "L"}${(x * 1000).toFixed(1)},${(STRIP_H - (n / exposure.max) * (STRIP_H - 4)).toFixed(1)}`,
      )
      .join("");

  return (
    <div className="timeline">
      <svg
        className="exposure"
        role="img"
        aria-label={`Exposure: at most ${String(exposure.worst)} acknowledged ${exposure.worst === 1 ? "write" : "writes"} a power cut would destroy at one instant; the shaded area shows when.`}
        viewBox={`0 0 1000 ${String(STRIP_H)}`}
        preserveAspectRatio="none"
      >
        {exposure.steps.map(({ kind, points }) => (
          <path
            key={kind}
            className={`exposure-${kind}`}
            d={
              kind === "power"
                ? `${path(points)}L1000,${String(STRIP_H)}L0,${String(STRIP_H)}Z`
                : path(points)
            }
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      <div
        className="track"
        role="slider"
        tabIndex={0}
        aria-label="Time"
        aria-valuemin={0}
        aria-valuemax={endMs}
        aria-valuenow={tMs}
        aria-valuetext={formatModelTime(tMs)}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          setPlaying(false);
          seekTo(e);
        }}
        onPointerMove={(e) => {
          if (e.currentTarget.hasPointerCapture(e.pointerId)) seekTo(e);
        }}
        onKeyDown={onKey}
      >
        <svg
          className="marks"
          viewBox={`0 0 1000 ${String(ROW_H * 6)}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          {marks.map(({ kind, d }) => (
            <path
              key={kind}
              className={`mark mark-${kind}`}
              d={d}
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        <div className="thumb" ref={thumb} />
      </div>
      <p className="timeline-key" aria-hidden="true">
        {MARK_KINDS.map((kind) => (
          <span key={kind} className={`key key-${kind}`}>
            {MARK_WORDS[kind]}
          </span>
        ))}
        <span className="key key-exposure">
          at risk: power loss (fill), host crash (dashes), QEMU killed (dots)
        </span>
      </p>
    </div>
  );
}
