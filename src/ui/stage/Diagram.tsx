/**
 * The storage stack, drawn as SVG: React renders the structure (stack, arrows, marks, tokens),
 * src/geometry computes where everything goes, and the animation loop (src/anim) moves the
 * tokens by writing their transforms directly — one owner per DOM node (docs/architecture.md, src/anim/).
 */
import {
  useCallback,
  lazy,
  Suspense,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { COMPACT_VIEW, VIEW } from "../../geometry/layout";
import { createLoop, createSurface, type Loop, type Surface } from "../../anim/loop";
import type { TokenCanvas } from "../../anim/canvas";
import { Arrows, NeutralLanes } from "./Arrows";
import { DoneMarks } from "./Marks";
import { Stack } from "./Stack";
import { CANVAS_FROM, Tokens } from "./Tokens";
import { struck } from "../../store/store";
import { stageFacts } from "../../store/stage";
import { formatModelTime } from "../../text/clock";
import { arrowLabel, STAGE } from "../../text/stage";
import { useDiagram, useDiagramStore } from "../app/useDiagram";
import { useTour } from "../app/useTour";
import { usePhone } from "../app/usePhone";

const MARKERS = ["red", "gray", "blue", "green", "neutral"] as const;

// Arrives a moment after the drawing, into a placeholder of its own height (nothing moves).
const Timeline = lazy(() => import("../time/Timeline").then((m) => ({ default: m.Timeline })));

type Painter = (canvas: HTMLCanvasElement, view: { width: number; height: number }) => TokenCanvas;

/**
 * The canvas painter (src/anim/canvas.ts), loaded once a diagram nears CANVAS_FROM tokens: it is
 * not part of the first view's code. Until it arrives the tokens stay SVG nodes.
 */
function useCanvasPainter(wanted: boolean): Painter | null {
  const [painter, setPainter] = useState<Painter | null>(null);
  useEffect(() => {
    if (!wanted || painter) return;
    let live = true;
    void import("../../anim/canvas").then((m) => {
      if (live) setPainter(() => m.createTokenCanvas);
    });
    return () => {
      live = false;
    };
  }, [wanted, painter]);
  return painter;
}

interface DiagramProps {
  /** The timeline under the drawing; presenter mode leaves it out (its keys step through time). */
  readonly timeline?: boolean;
}

export function Diagram({ timeline = true }: DiagramProps) {
  const store = useDiagramStore();
  const config = useDiagram((s) => s.config);
  const setConfig = useDiagram((s) => s.setConfig);
  const ops = useDiagram((s) => s.timeline.ops);
  // With reordering, the journal commit blocks that travel too (docs/model.md §8.14).
  const journal = useDiagram((s) => s.tokens.length - s.timeline.ops.length);
  const failure = useDiagram((s) => (struck(s) ? s.failure : null));
  const surface = useRef<Surface>(createSurface());
  const loop = useRef<Loop | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const facts = useMemo(() => stageFacts(config), [config]);
  // What the tour's step points at, if a tour is open.
  const highlight = useTour(
    (t) => (t.tour ? t.tour.steps[t.step]?.highlight : undefined),
    undefined,
  );
  const compact = usePhone();
  // Unique per diagram, so two on one page (compare view, embeds) never share a marker.
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  // Stable, so the memoized drawing (lanes, arrows) is not redrawn for each new write.
  const markerId = useCallback((name: string) => `${uid}-head-${name}`, [uid]);

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

  // Stable, so React hands the node over once, not on every render (each redraw places every token).
  const thumb = useCallback((el: HTMLDivElement | null) => {
    surface.current.thumb = el;
    // Place the thumb at once; the loop keeps it placed from then on.
    loop.current?.redraw();
  }, []);

  const highlightedWrite = highlight && "write" in highlight ? highlight.write : null;
  // Past CANVAS_FROM tokens, one canvas instead of a node each (src/anim/canvas.ts).
  const painter = useCanvasPainter(ops.length + journal > CANVAS_FROM / 2);
  const painted = painter !== null && ops.length + journal > CANVAS_FROM;
  // New tokens exist only after React commits them: draw them before the browser paints
  // (and all of them again when they move from SVG nodes to the canvas).
  useLayoutEffect(() => {
    surface.current.tokens.length = ops.length + journal;
    surface.current.acks.length = ops.length;
    surface.current.highlight = highlightedWrite;
    loop.current?.redraw();
  }, [ops, journal, highlightedWrite, painted]);

  const view = compact ? COMPACT_VIEW : VIEW;
  // Handed to the loop when React mounts the canvas (before the layout effect above draws).
  const tokenCanvas = useCallback(
    (el: HTMLCanvasElement) => {
      if (!painter) return;
      const canvas = painter(el, view);
      surface.current.canvas = canvas;
      // A new canvas (the phone's drawing, say) starts blank: paint the playhead on it.
      loop.current?.redraw();
      return () => {
        canvas.destroy();
        if (surface.current.canvas === canvas) surface.current.canvas = null;
      };
    },
    [painter, view],
  );
  const viewBox = `0 0 ${String(view.width)} ${String(view.height)}`;
  return (
    <figure className="diagram">
      <div className="stack-wrap">
        <svg
          ref={svg}
          role="group"
          aria-label={STAGE.name(config)}
          viewBox={viewBox}
          className="stack"
        >
          <defs>
            {MARKERS.map((name) => (
              <marker
                key={name}
                id={markerId(name)}
                viewBox="0 0 10 10"
                refX="9"
                refY="5"
                markerUnits="userSpaceOnUse"
                markerWidth="13"
                markerHeight="13"
                orient="auto-start-reverse"
              >
                <path d="M 0 0 L 10 5 L 0 10 z" className={`head head-${name}`} />
              </marker>
            ))}
          </defs>
          <NeutralLanes fs={config.guestFs} markerId={markerId} />
          <Stack
            config={config}
            facts={facts}
            onConfig={setConfig}
            compact={compact}
            wipedBy={failure?.kind ?? null}
            highlight={highlight && "layer" in highlight ? highlight.layer : null}
          />
          <Arrows
            facts={facts}
            markerId={markerId}
            labels={!compact}
            highlight={highlight && "arrow" in highlight ? highlight.arrow : null}
          />
          <DoneMarks done={facts.done} stable={facts.stable} />
        </svg>
        {/* Tokens live in their own layer: moving them repaints this layer only, never the
            dashed arrows and labels underneath (bench:ui measured the difference). */}
        {painted ? (
          <canvas ref={tokenCanvas} className="stack-tokens" aria-hidden="true" />
        ) : (
          <svg className="stack-tokens" aria-hidden="true" viewBox={viewBox}>
            <Tokens
              ops={ops}
              surface={surface}
              struck={failure !== null}
              highlight={highlightedWrite}
              journal={journal}
            />
          </svg>
        )}
      </div>
      {compact ? (
        // The label column's words, under the drawing: the arrows that speak, then the others.
        <p className="lane-key">
          {(["red", "gray", "blue", "green"] as const)
            .filter((a) => facts.active[a] || (a === "green" && facts.stop !== null))
            .map((a) => (
              <span key={a} className={`lane-key-${a}`}>
                {arrowLabel(a, facts)}
              </span>
            ))}
        </p>
      ) : null}
      {timeline ? (
        <Suspense fallback={<div className="timeline" />}>
          <Timeline thumb={thumb} />
        </Suspense>
      ) : null}
      <figcaption className="readout">
        {STAGE.clock}{" "}
        <span className="clock" ref={(el) => void (surface.current.readout = el)}>
          {formatModelTime(0)}
        </span>
        {failure ? <strong className="failed">{STAGE.struck(failure.kind)}</strong> : null}
      </figcaption>
    </figure>
  );
}
