/**
 * The timeline under the diagram: a slider named "Time" with a mark for every issue,
 * acknowledgement, durable point, flush, journal commit and the failure, and above it the
 * exposure strip — how many acknowledged writes each failure would destroy at each instant, the
 * window of vulnerability as a picture. Dragging or clicking seeks (every token moves in the same
 * frame); the keyboard steps from event to event, Home/End go to either end, PageUp/PageDown jump a
 * tenth of the way. The thumb is moved by the animation loop, not by React.
 */
import { memo, useDeferredValue, useMemo, type KeyboardEvent, type PointerEvent } from "react";
import { FAILURE_KINDS, type Timeline as TimelineResult } from "../../model/timeline";
import type { PresentationClock } from "../../geometry/clock";
import { sweepEach } from "../../model/sweep";
import {
  columnOf,
  COLUMNS,
  EXPOSURE_H,
  exposureD,
  exposureSteps,
  MARK_KINDS,
  timelineMarks,
  timelineT,
  timelineX,
  type MarkKind,
} from "../../geometry/timeline";
import { formatModelTime } from "../../text/clock";
import { TIMELINE } from "../../text/timeline";
import { useDiagram } from "../app/useDiagram";

const MARK_ROW: Readonly<Record<MarkKind, number>> = {
  issued: 0,
  acknowledged: 1,
  durable: 2,
  flush: 3,
  commit: 4,
  failure: 5,
};

/** The marks strip: 6 rows of ticks, in viewBox units (stretched to the track's width). */
const ROW_H = 4;

/** `thumb` registers the thumb's node with the animation loop, which places it. */
export function Timeline({ thumb }: { readonly thumb: (el: HTMLDivElement | null) => void }) {
  const timeline = useDiagram((s) => s.timeline);
  const clock = useDiagram((s) => s.clock);
  const endMs = useDiagram((s) => s.endMs);
  const calm = useDiagram((s) => s.calm);
  // The marks and the strip follow a new document in a render of their own, just after the one
  // that paints the new write (React's deferred value): the click that issued it is not kept
  // waiting for a sweep of every instant. Deferred together, the four stay consistent.
  const drawn = {
    timeline: useDeferredValue(timeline),
    calm: useDeferredValue(calm),
    clock: useDeferredValue(clock),
    endMs: useDeferredValue(endMs),
  };
  const tMs = useDiagram((s) => s.tMs);
  const seek = useDiagram((s) => s.seek);
  const step = useDiagram((s) => s.step);
  const setPlaying = useDiagram((s) => s.setPlaying);

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

  return (
    <div className="timeline">
      <Exposure calm={drawn.calm} clock={drawn.clock} endMs={drawn.endMs} />
      <div
        className="track"
        role="slider"
        tabIndex={0}
        aria-label={TIMELINE.name}
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
        <Marks timeline={drawn.timeline} clock={drawn.clock} endMs={drawn.endMs} />
        <div className="thumb" ref={thumb} />
      </div>
      <p className="timeline-key" aria-hidden="true">
        {MARK_KINDS.map((kind) => (
          <span key={kind} className={`key key-${kind}`}>
            {TIMELINE.mark[kind]}
          </span>
        ))}
        <span className="key key-exposure">{TIMELINE.exposureKey}</span>
      </p>
    </div>
  );
}

interface Drawn {
  readonly clock: PresentationClock;
  readonly endMs: number;
}

/** A tick per mark, one path per kind, at most a tick per column: thousands stay six DOM nodes. */
const Marks = memo(function Marks({
  timeline,
  clock,
  endMs,
}: Drawn & { timeline: TimelineResult }) {
  const marks = useMemo(() => {
    const columns = new Map<MarkKind, Set<number>>(MARK_KINDS.map((kind) => [kind, new Set()]));
    for (const m of timelineMarks(timeline, clock, endMs)) columns.get(m.kind)?.add(columnOf(m.x));
    return MARK_KINDS.map((kind) => {
      const top = String(MARK_ROW[kind] * ROW_H);
      const d = [...(columns.get(kind) ?? [])].map(
        (c) => `M${String(c + 0.5)},${top}v${String(ROW_H)}`,
      );
      return { kind, d: d.join("") };
    });
  }, [timeline, clock, endMs]);
  return (
    <svg
      className="marks"
      viewBox={`0 0 ${String(COLUMNS)} ${String(ROW_H * 6)}`}
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      {marks.map(({ kind, d }) => (
        <path key={kind} className={`mark mark-${kind}`} d={d} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
});

/** The exposure strip: per failure, how many acknowledged writes it would destroy over time. */
const Exposure = memo(function Exposure({ calm, clock, endMs }: Drawn & { calm: TimelineResult }) {
  const exposure = useMemo(() => {
    // One pass for all four failures: the strip is redrawn on every change of the document.
    const sweeps = sweepEach(calm, FAILURE_KINDS, { ackedOnly: true });
    const steps = FAILURE_KINDS.map((kind, k) => ({
      kind,
      points: exposureSteps(
        { instantsMs: sweeps.instantsMs, lost: sweeps.lost[k] ?? new Uint32Array() },
        clock,
        endMs,
      ),
    }));
    const max = Math.max(1, ...steps.flatMap((s) => s.points.map(([, n]) => n)));
    const worst = Math.max(
      0,
      ...(steps.find((s) => s.kind === "power")?.points.map(([, n]) => n) ?? []),
    );
    // The power cut's window is shaded; the other failures are outlines over it.
    const paths = steps.map(({ kind, points }) => ({
      kind,
      d: exposureD(points, max, kind === "power"),
    }));
    return { paths, worst };
  }, [calm, clock, endMs]);
  return (
    <svg
      className="exposure"
      role="img"
      aria-label={TIMELINE.exposure(exposure.worst)}
      viewBox={`0 0 ${String(COLUMNS)} ${String(EXPOSURE_H)}`}
      preserveAspectRatio="none"
    >
      {exposure.paths.map(({ kind, d }) => (
        <path key={kind} className={`exposure-${kind}`} d={d} vectorEffect="non-scaling-stroke" />
      ))}
    </svg>
  );
});
