/**
 * The one animation loop (docs/architecture.md, `src/anim/`): a requestAnimationFrame loop
 * outside React whose only write is `advance(dt)` on the store, and which draws every change of
 * the playhead (its own, a seek, a step) by writing token transforms straight onto pooled SVG
 * nodes. React never renders per frame: the store commits time for React only when it crosses
 * an event.
 *
 * It runs only while there is something to show: playing, the tab visible, the diagram on
 * screen, and the playhead short of the last event.
 */
import { isArrow, type OpKind } from "../model/timeline";
import { restPoint, type BoxId } from "../geometry/layout";
import { tokenPlace } from "../geometry/tokens";
import type { PaintedAck, PaintedToken, TokenCanvas } from "./canvas";
import { formatModelTime } from "../text/clock";
import {
  ACK_TRAVEL_S,
  playbackEndS,
  struck,
  type DiagramState,
  type DiagramStore,
} from "../store/store";

/** The DOM nodes the loop writes to, registered by the diagram's ref callbacks. */
export interface Surface {
  readonly tokens: (SVGGElement | null)[];
  readonly acks: (SVGGElement | null)[];
  /** With many tokens, the canvas they are painted on instead of nodes (./canvas.ts). */
  canvas: TokenCanvas | null;
  /** A tour step's write to draw attention to (the canvas paints it; SVG nodes carry it). */
  highlight: number | null;
  readout: HTMLElement | null;
  /** The timeline's thumb, placed along the track in fractions of its width. */
  thumb: HTMLElement | null;
}

/** A surface with nothing registered on it yet. */
export function createSurface(): Surface {
  return { tokens: [], acks: [], canvas: null, highlight: null, readout: null, thumb: null };
}

/** The longest frame gap the loop accounts for (a stalled tab must not jump the playhead). */
const MAX_FRAME_MS = 100;

/** Where op `slot`'s ack mark is, `since` screen seconds after its call returned from `from`. */
function ackPlace(from: BoxId, slot: number, since: number, travel: boolean) {
  const a = restPoint(from, slot);
  const b = restPoint("guest-app", slot);
  const f = travel ? Math.min(1, since / ACK_TRAVEL_S) : 1;
  return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f - 10 };
}

export interface Loop {
  /** Draw the current playhead once (after React rendered new tokens, or a seek). */
  redraw(): void;
  setVisible(visible: boolean): void;
  setOnScreen(onScreen: boolean): void;
  setReducedMotion(reduced: boolean): void;
  /** Whether a frame is scheduled: for tests and the benchmark. */
  readonly running: boolean;
  destroy(): void;
}

export function createLoop(store: DiagramStore, surface: Surface): Loop {
  let raf = 0;
  let lastFrameMs = 0;
  let visible = true;
  let onScreen = true;
  let travel = true;
  // Last values written, so unchanged attributes are not written again.
  const written: {
    el: SVGGElement;
    transform: string;
    layer: string;
    path: string;
    hidden: boolean;
  }[] = [];
  /** Per ack: the node last written to, and whether it was hidden (React renders it hidden). */
  const ackWritten: { el: SVGGElement; hidden: boolean }[] = [];
  let readoutText = "";
  let thumbLeft = "";

  const shouldRun = () => {
    const state = store.getState();
    return state.playing && visible && onScreen && state.playhead.screenS < playbackEndS(state);
  };

  const draw = (state: DiagramState) => {
    const { tMs, screenS } = state.playhead;
    // A token exactly under a later one of the same kind and mark (same place, same shape, both
    // opaque) shows no pixel: it is hidden rather than moved, so thousands of writes issued
    // together cost the browser a few tokens' worth of style and paint. Later tokens are drawn
    // on top, so the walk goes from the last one down.
    const shown = new Set<string>();
    const marksLost = struck(state);
    const { canvas } = surface;
    const painted: PaintedToken[] = [];
    const opCount = state.timeline.ops.length;
    for (let i = state.tokens.length - 1; i >= 0; i--) {
      const hops = state.tokens[i];
      const el = surface.tokens[i];
      if (!hops || (!el && !canvas)) continue;
      // A journal block's place counts among the journal blocks, so a new write never moves it.
      const slot = i < opCount ? i : i - opCount;
      const place = tokenPlace(hops, slot, tMs, state.clock, travel);
      const transform = place ? `translate(${place.x.toFixed(2)} ${place.y.toFixed(2)})` : "";
      // The token's face: its kind's shape, and whether it is marked lost (struck(), as React).
      const op = state.timeline.ops[i];
      const lost = op?.survives === false && marksLost;
      const highlighted = i === surface.highlight;
      const face = `${op?.kind ?? ""}${lost ? "✘" : ""}${highlighted ? "!" : ""}${transform}`;
      const covered = place !== null && shown.has(face);
      shown.add(face);
      if (canvas) {
        if (place && !covered) {
          const kind: OpKind | "journal" = i < opCount ? (op?.kind ?? "normal") : "journal";
          painted.push({ index: i, x: place.x, y: place.y, kind, lost, highlighted });
        }
        continue;
      }
      if (!el) continue;
      // What was written to this very node: a new node (React replaced it) starts afresh.
      let was = written[i];
      if (was?.el !== el) {
        was = { el, transform: "", layer: "", path: "", hidden: false };
        written[i] = was;
      }
      const hidden = place === null || covered;
      if (hidden !== was.hidden) {
        el.style.visibility = hidden ? "hidden" : "";
        was.hidden = hidden;
      }
      if (!place) continue;
      if (!covered && transform !== was.transform) {
        el.setAttribute("transform", transform);
        was.transform = transform;
      }
      // Where the token is stays readable on every node, hidden or not (tests and tools ask).
      if (place.box !== was.layer) {
        el.dataset.layer = place.box;
        was.layer = place.box;
      }
      const path = place.route && isArrow(place.route) ? place.route : "";
      if (path !== was.path) {
        if (path) el.dataset.path = path;
        else delete el.dataset.path;
        was.path = path;
      }
    }
    const acks: PaintedAck[] = [];
    state.timeline.ops.forEach((op, i) => {
      const el = surface.acks[i];
      if ((!el && !canvas) || op.ackedAtMs === null || op.ackedIn === null) return;
      const since = screenS - (state.ackScreenS[i] ?? NaN);
      // After a failure nothing returns to the application any more.
      const show =
        (state.failure === null || tMs < state.failure.atMs) &&
        op.ackedAtMs <= tMs &&
        since <= ACK_TRAVEL_S;
      // The ack rises from where the call returned: the data's layer then, or where a
      // barrier's flush stopped or completed (the guest block layer, QEMU or stable storage).
      const fromBox = state.ackFrom[i] ?? op.ackedIn;
      const place = show ? ackPlace(fromBox, i, since, travel) : null;
      if (!el) {
        if (place) acks.push({ index: i, ...place });
        return;
      }
      if (place) {
        if (el.dataset.layer !== fromBox) el.dataset.layer = fromBox;
        el.setAttribute("transform", `translate(${place.x.toFixed(2)} ${place.y.toFixed(2)})`);
      }
      let was = ackWritten[i];
      if (was?.el !== el) {
        was = { el, hidden: true };
        ackWritten[i] = was;
      }
      if (was.hidden !== !show) {
        el.style.visibility = show ? "" : "hidden";
        was.hidden = !show;
      }
    });
    // Painted in the SVG layer's order: the first write at the bottom, the ack marks on top.
    canvas?.paint(painted.reverse(), acks);
    if (surface.thumb) {
      const endS = state.clock.toScreen(state.endMs);
      const left = `${((endS > 0 ? Math.min(1, screenS / endS) : 0) * 100).toFixed(3)}%`;
      if (left !== thumbLeft) {
        surface.thumb.style.left = left;
        thumbLeft = left;
      }
    }
    const text = formatModelTime(tMs);
    if (surface.readout && text !== readoutText) {
      surface.readout.textContent = text;
      readoutText = text;
    }
  };

  const frame = (nowMs: number) => {
    raf = 0;
    const dtS = lastFrameMs ? Math.min(nowMs - lastFrameMs, MAX_FRAME_MS) / 1000 : 0;
    lastFrameMs = nowMs;
    // The store moves the playhead (and stops playback at the end); the subscription draws it.
    store.getState().advance(dtS);
    schedule();
  };

  const schedule = () => {
    if (raf !== 0) return;
    if (shouldRun()) {
      raf = requestAnimationFrame(frame);
    } else {
      lastFrameMs = 0;
    }
  };

  const stop = () => {
    if (raf !== 0) cancelAnimationFrame(raf);
    raf = 0;
    lastFrameMs = 0;
  };

  const unsubscribe = store.subscribe((state, prev) => {
    // Any new instant (a frame, a seek, a step) is drawn at once, in the same frame as the change
    // that caused it. A new document is drawn once React has rendered its nodes (the diagram
    // calls redraw before the browser paints): drawing here too would place every token twice.
    if (state.playhead !== prev.playhead && state.timeline === prev.timeline) draw(state);
    if (state.playing !== prev.playing || state.speed !== prev.speed) {
      if (!state.playing) stop();
      schedule();
    }
  });

  return {
    redraw() {
      // Nodes React replaced are noticed by identity in draw(): nothing written is forgotten, so
      // a new write costs its own token, not a rewrite of every other one.
      written.length = store.getState().tokens.length;
      ackWritten.length = written.length;
      draw(store.getState());
      schedule();
    },
    setVisible(v) {
      visible = v;
      if (v) schedule();
      else stop();
    },
    setOnScreen(v) {
      onScreen = v;
      if (v) schedule();
      else stop();
    },
    setReducedMotion(reduced) {
      travel = !reduced;
      draw(store.getState());
    },
    get running() {
      return raf !== 0;
    },
    destroy() {
      stop();
      unsubscribe();
    },
  };
}
