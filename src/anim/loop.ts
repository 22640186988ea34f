/**
 * The one animation loop (design.md "anim/"): a requestAnimationFrame loop outside React that
 * advances the playhead in screen time, maps it to model time through the presentation clock,
 * and writes token transforms straight onto pooled SVG nodes. React never renders per frame: the
 * loop commits time to the store only when the playhead crosses a discrete event.
 *
 * It runs only while there is something to show: playing, the tab visible, the diagram on
 * screen, and the playhead short of the last event.
 */
import { isArrow } from "../model/timeline";
import { restPoint } from "../geometry/layout";
import { tokenPlace } from "../geometry/tokens";
import type { DiagramState, DiagramStore } from "../store/store";

/** The DOM nodes the loop writes to, registered by the diagram's ref callbacks. */
export interface Surface {
  readonly tokens: (SVGGElement | null)[];
  readonly acks: (SVGGElement | null)[];
  readout: HTMLElement | null;
}

/** Screen seconds an ack mark takes to travel back up to the application. */
const ACK_TRAVEL_S = 0.8;
/** The longest frame gap the loop accounts for (a stalled tab must not jump the playhead). */
const MAX_FRAME_MS = 100;

/** Model time with microseconds always visible (steps 1 µs apart must read differently). */
export function formatModelTime(tMs: number): string {
  if (tMs < 1) return `${(tMs * 1000).toFixed(0)} µs`;
  if (tMs < 1000) return `${tMs.toFixed(3)} ms`;
  return `${(tMs / 1000).toFixed(6)} s`;
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
  let nextEvent = 0;
  // Last values written, so unchanged attributes are not written again.
  const written: { transform: string; layer: string; path: string; hidden: boolean }[] = [];
  const ackHidden: boolean[] = [];
  let readoutText = "";

  const syncNextEvent = (state: DiagramState) => {
    const t = state.playhead.tMs;
    nextEvent = state.events.findIndex((e) => e.tMs > t);
    if (nextEvent === -1) nextEvent = state.events.length;
  };

  /**
   * Playback runs on past the last event until the last ack mark has travelled home; after a
   * failure it ends at the failure's instant, since a crash stops the world.
   */
  const endS = (state: DiagramState) =>
    state.failure ? state.clock.toScreen(state.endMs) : state.clock.totalS + ACK_TRAVEL_S;

  const shouldRun = () => {
    const state = store.getState();
    return state.playing && visible && onScreen && state.playhead.screenS < endS(state);
  };

  const draw = (state: DiagramState) => {
    const { tMs, screenS } = state.playhead;
    state.tokens.forEach((hops, i) => {
      const el = surface.tokens[i];
      if (!el) return;
      const was = (written[i] ??= { transform: "", layer: "", path: "", hidden: false });
      const place = tokenPlace(hops, i, tMs, state.clock, travel);
      const hidden = place === null;
      if (hidden !== was.hidden) {
        el.style.visibility = hidden ? "hidden" : "";
        was.hidden = hidden;
      }
      if (!place) return;
      const transform = `translate(${place.x.toFixed(2)} ${place.y.toFixed(2)})`;
      if (transform !== was.transform) {
        el.setAttribute("transform", transform);
        was.transform = transform;
      }
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
    });
    state.timeline.ops.forEach((op, i) => {
      const el = surface.acks[i];
      if (!el || op.ackedAtMs === null || op.ackedIn === null) return;
      const since = screenS - (state.ackScreenS[i] ?? NaN);
      // After a failure nothing returns to the application any more.
      const show = state.failure === null && op.ackedAtMs <= tMs && since <= ACK_TRAVEL_S;
      if (show) {
        // The ack rises from where the call returned: the data's layer then, or where a
        // barrier's flush stopped or completed (the guest block layer, QEMU or stable storage).
        const fromBox = state.ackFrom[i] ?? op.ackedIn;
        const from = restPoint(fromBox, i);
        if (el.dataset.layer !== fromBox) el.dataset.layer = fromBox;
        const to = restPoint("guest-app", i);
        const f = travel ? Math.min(1, since / ACK_TRAVEL_S) : 1;
        el.setAttribute(
          "transform",
          `translate(${(from.x + (to.x - from.x) * f).toFixed(2)} ${(from.y + (to.y - from.y) * f - 10).toFixed(2)})`,
        );
      }
      if (ackHidden[i] !== !show) {
        el.style.visibility = show ? "" : "hidden";
        ackHidden[i] = !show;
      }
    });
    const text = formatModelTime(tMs);
    if (surface.readout && text !== readoutText) {
      surface.readout.textContent = text;
      readoutText = text;
    }
  };

  const frame = (nowMs: number) => {
    raf = 0;
    const state = store.getState();
    const dtS = lastFrameMs ? Math.min(nowMs - lastFrameMs, MAX_FRAME_MS) / 1000 : 0;
    lastFrameMs = nowMs;
    const { playhead, clock } = state;
    playhead.screenS = Math.min(endS(state), playhead.screenS + dtS * state.speed);
    playhead.tMs = clock.toModel(playhead.screenS);
    draw(state);
    const crossed =
      nextEvent < state.events.length && (state.events[nextEvent]?.tMs ?? Infinity) <= playhead.tMs;
    if (crossed) syncNextEvent(state);
    const atEnd = playhead.screenS >= endS(state);
    if (crossed || atEnd) state.commit();
    // Nothing is left to happen: playback stops, and Play will replay from the start.
    if (atEnd) state.setPlaying(false);
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
    // A step (a commit while paused) moved the playhead: show the new instant.
    const stepped = !state.playing && state.tMs !== prev.tMs;
    // Time moved from outside the loop (a step, a replay, a rebuild): find the next event anew.
    if (state.clock !== prev.clock || state.tMs !== prev.tMs) syncNextEvent(state);
    if (
      stepped ||
      state.clock !== prev.clock ||
      state.playing !== prev.playing ||
      state.speed !== prev.speed
    ) {
      if (!state.playing) stop();
      draw(state);
      schedule();
    }
  });

  syncNextEvent(store.getState());

  return {
    redraw() {
      // React may have replaced the nodes: forget what was written to the old ones.
      written.length = 0;
      ackHidden.length = 0;
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
