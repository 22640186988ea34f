/**
 * The app's state, in a zustand vanilla store (design.md): what the user chose (configuration,
 * writes, the power cut) apart from where playback is (the playhead, playing, speed). Everything
 * derived from the document (the timeline, the clock, the tokens' hops, the events) is computed
 * here once per change, never per frame.
 *
 * The playhead is a mutable object the animation loop advances every frame without notifying
 * anyone (zustand's transient updates); `tMs` is the playhead committed at discrete events, which
 * is what React renders.
 */
import { createStore } from "zustand/vanilla";
import { worstMoment } from "../model/sweep";
import type { Crash, FailureKind, OpKind } from "../model/timeline";
import { presentationClock, type PresentationClock } from "../geometry/clock";
import type { BoxId } from "../geometry/layout";
import { tokenHops, type TokenHop } from "../geometry/tokens";
import { sessionEvents, type SessionEvent } from "./events";
import {
  DEFAULT_CONFIG,
  simulateSession,
  type IssuedOp,
  type SessionConfig,
  type SessionTimeline,
} from "./session";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

interface Derived {
  readonly timeline: SessionTimeline;
  readonly clock: PresentationClock;
  readonly tokens: readonly (readonly TokenHop[])[];
  readonly events: readonly SessionEvent[];
  /** Screen second at which each op's call returns (NaN if it never does): fixed per clock. */
  readonly ackScreenS: readonly number[];
  /**
   * Where each op's "ack" leaves from: where the call returned (`ackedIn`), or for a barrier,
   * where its flush stopped or completed (docs/model.md §3).
   */
  readonly ackFrom: readonly (BoxId | null)[];
  /** Where playback ends: the failure's instant, or the last event. */
  readonly endMs: number;
}

export interface DiagramState extends Derived {
  readonly config: SessionConfig;
  readonly ops: readonly IssuedOp[];
  /** The failure the user caused, at the playhead's time; null while the machine runs. */
  readonly failure: FailureKind | null;
  /** Model time committed at the last discrete event (what React shows). */
  readonly tMs: number;
  /** The live playhead, advanced by the animation loop in place. */
  readonly playhead: { tMs: number; screenS: number };
  readonly playing: boolean;
  readonly speed: Speed;
  /** Shown after a configuration change while writes were still in flight. */
  readonly configNote: string | null;
  /** After a strike at the worst moment: when it was, and what it exposed. */
  readonly strikeNote: string | null;
}

export interface DiagramActions {
  readonly setConfig: (change: Partial<SessionConfig>) => void;
  readonly issue: (kind: OpKind) => void;
  /** Strikes the stack with a failure now (docs/model.md §4): a power loss, a host crash, … */
  readonly fail: (kind: FailureKind) => void;
  /**
   * Strikes at the worst moment played so far: the instant with the most acknowledged but not
   * yet durable writes in layers this failure wipes (ties: the earliest; docs/model.md §8). With
   * none exposed so far, strikes now.
   */
  readonly failAtWorst: (kind: FailureKind) => void;
  readonly reset: () => void;
  readonly setPlaying: (playing: boolean) => void;
  readonly setSpeed: (speed: Speed) => void;
  /** Pauses and moves the playhead to the next (1) or previous (-1) instant where anything happens. */
  readonly step: (direction: 1 | -1) => void;
  /** Called by the animation loop when the playhead crosses an event or stops. */
  readonly commit: () => void;
}

export type DiagramStore = ReturnType<typeof createDiagramStore>;

function derive(ops: readonly IssuedOp[], crash: Crash | null): Derived {
  const timeline = simulateSession(ops, crash);
  const fsOf = (i: number) => ops[i]?.config.guestFs ?? "ext4";
  const events = sessionEvents(timeline, fsOf);
  // The pace of the presentation clock is the one the writes had before the failure: striking
  // moves nothing on screen, and a token cut short stays exactly where the failure found it.
  const calm = crash ? simulateSession(ops, null) : timeline;
  const clock = crash
    ? presentationClock(sessionEvents(calm, fsOf).map((e) => e.tMs))
    : presentationClock(events.map((e) => e.tMs));
  const tokens = timeline.ops.map((op, i) =>
    tokenHops(
      op,
      ops[i]?.config.diskCache === "battery" ? "disk-cache" : "platters",
      calm.ops[i]?.flush?.doneAtMs ?? null,
      crash?.atMs ?? null,
    ),
  );
  const ackScreenS = timeline.ops.map((op) =>
    op.ackedAtMs === null ? NaN : clock.toScreen(op.ackedAtMs),
  );
  const ackFrom = timeline.ops.map((op, i) =>
    op.kind === "barrier" ? (tokens[i]?.at(-1)?.to ?? null) : op.ackedIn,
  );
  const endMs = crash ? crash.atMs : clock.endMs;
  return { timeline, clock, tokens, events, ackScreenS, ackFrom, endMs };
}

/** Whether any issued write still has something to do after `tMs`. */
function inFlight(state: DiagramState, tMs: number): boolean {
  return state.tokens.some((hops) => hops.some((h) => h.endMs > tMs));
}

export function createDiagramStore(config: SessionConfig = DEFAULT_CONFIG) {
  return createStore<DiagramState & DiagramActions>()((set, get) => {
    const rebuild = (ops: readonly IssuedOp[], failure: FailureKind | null, atMs: number) => {
      const derived = derive(ops, failure ? { atMs, kind: failure } : null);
      const playhead = get().playhead;
      playhead.tMs = atMs;
      playhead.screenS = derived.clock.toScreen(atMs);
      return { ...derived, ops, failure, tMs: atMs };
    };
    return {
      ...derive([], null),
      config,
      ops: [],
      failure: null,
      tMs: 0,
      playhead: { tMs: 0, screenS: 0 },
      playing: false,
      speed: 1,
      configNote: null,
      strikeNote: null,

      setConfig: (change) => {
        const state = get();
        const next = { ...state.config, ...change };
        const busy = state.ops.length > 0 && !state.failure && inFlight(state, state.playhead.tMs);
        set({
          config: next,
          configNote: state.failure
            ? "The writes shown ran under the configuration they were issued with; press Reset to try the new one."
            : busy
              ? "The new configuration applies to new writes; writes already in flight keep the one they were issued under."
              : null,
        });
      },

      issue: (kind) => {
        const state = get();
        if (state.failure) return;
        const atMs = state.playhead.tMs;
        set(rebuild([...state.ops, { atMs, kind, config: state.config }], null, atMs));
      },

      fail: (kind) => {
        const state = get();
        if (state.failure) return;
        set({ ...rebuild(state.ops, kind, state.playhead.tMs), playing: false, strikeNote: null });
      },

      failAtWorst: (kind) => {
        const state = get();
        if (state.failure) return;
        const worst = worstMoment(
          {
            ops: state.timeline.ops,
            diskCacheOf: (i) => state.ops[i]?.config.diskCache ?? "volatile",
          },
          kind,
          state.playhead.tMs,
        );
        const atMs = worst?.atMs ?? state.playhead.tMs;
        set({
          ...rebuild(state.ops, kind, atMs),
          playing: false,
          strikeNote: worst
            ? "(At the worst moment so far.)"
            : "(Now: no acknowledged write was at risk so far.)",
        });
      },

      reset: () => {
        set({ ...rebuild([], null, 0), playing: false, configNote: null, strikeNote: null });
      },

      setPlaying: (playing) => {
        const { playhead, clock, failure } = get();
        // Play at the end replays from the start (a classroom runs the same writes again).
        if (playing && !failure && clock.endMs > 0 && playhead.tMs >= get().endMs) {
          playhead.tMs = 0;
          playhead.screenS = 0;
          set({ playing, tMs: 0 });
          return;
        }
        set({ playing });
      },

      setSpeed: (speed) => {
        set({ speed });
      },

      step: (direction) => {
        const { events, clock, playhead } = get();
        const now = playhead.tMs;
        // Events are sorted: the first one after now, or the last one before it.
        const target =
          direction === 1
            ? events.find((e) => e.tMs > now)?.tMs
            : events.findLast((e) => e.tMs < now)?.tMs;
        if (target === undefined) return;
        playhead.tMs = target;
        playhead.screenS = clock.toScreen(target);
        set({ tMs: target, playing: false });
      },

      commit: () => {
        const { playhead, tMs } = get();
        if (playhead.tMs !== tMs) set({ tMs: playhead.tMs });
      },
    };
  });
}
