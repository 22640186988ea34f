/**
 * The app's state, in a zustand vanilla store (docs/architecture.md): the document (a scenario: the
 * configuration, the writes, the failure) apart from where playback is (the playhead, playing,
 * speed). Everything derived from the document (the timeline, the clock, the tokens' hops, the
 * instants where anything happens) is computed here once per change, never per frame.
 *
 * Playback has one writer per piece of state, and state is replaced, never mutated (as zustand's
 * own `vanilla.ts`): `seek`, `advance` (the animation loop's only call), `step`, `setPlaying`,
 * `setSpeed`. `playhead` changes every frame while playing, and no React component reads it;
 * `tMs` is the playhead committed at discrete events, which is what React renders.
 */
import { createStore } from "zustand/vanilla";
import { stableLayer } from "../model/failure";
import type { Crash, FailureKind, OpKind, Timeline } from "../model/timeline";
import { presentationClock, type PresentationClock } from "../geometry/clock";
import type { BoxId } from "../geometry/layout";
import { blockHops, tokenHops, type TokenHop } from "../geometry/tokens";
import type { ScenarioDoc } from "../scenario/schema";
import { writesLeft } from "../scenario/limit";
import { eventInstants, nextInstant, previousInstant } from "./instants";
import {
  DEFAULT_CONFIG,
  fromScenarioDoc,
  simulateSession,
  toScenarioDoc,
  type SessionConfig,
  type SessionDoc,
} from "../scenario/session";

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Screen seconds an ack mark takes to travel back up to the application. */
export const ACK_TRAVEL_S = 0.8;

interface Derived {
  readonly timeline: Timeline;
  /** The same writes without the failure: what "if it failed now" and the exposure strip ask. */
  readonly calm: Timeline;
  readonly clock: PresentationClock;
  /**
   * Every token's hops: one per op (by index), then, with reordering, one per journal commit
   * block written (docs/model.md §8.14), in commit order.
   */
  readonly tokens: readonly (readonly TokenHop[])[];
  /** Every instant where anything happens (src/store/instants.ts): sorted, distinct. */
  readonly instants: Float64Array;
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

export interface Playhead {
  readonly tMs: number;
  readonly screenS: number;
}

/** The same writes were run again under a new configuration. */
export type ConfigNote = "rerun";
/** Where "at the worst moment" struck: at the worst instant so far, or now, none being at risk. */
export type StrikeNote = "worst-so-far" | "none-at-risk";

export interface DiagramState extends Derived {
  readonly config: SessionConfig;
  readonly ops: SessionDoc["ops"];
  /** The failure struck, a point in time; null while the machine runs. */
  readonly failure: Crash | null;
  /** Model time committed at the last discrete event (what React shows). */
  readonly tMs: number;
  /** The live playhead, replaced by `advance` every frame while playing. */
  readonly playhead: Playhead;
  readonly playing: boolean;
  /** Where playback pauses by itself before its end (a tour step's moment); null: at the end. */
  readonly stopMs: number | null;
  readonly speed: Speed;
  /** Said once after the configuration changed under existing writes (src/text/page.ts words it). */
  readonly configNote: ConfigNote | null;
  /** After a strike at the worst moment: whether one was found so far, or it struck now. */
  readonly strikeNote: StrikeNote | null;
}

export interface DiagramActions {
  /** Runs the same writes again under the changed configuration; the playhead stays. */
  readonly setConfig: (change: Partial<SessionConfig>) => void;
  /**
   * Issues a write at the playhead: in the past too ("what if I had written here?"). Refused
   * when the scenario holds MAX_WRITES already (src/scenario/limit.ts): it could not be kept.
   */
  readonly issue: (kind: OpKind) => void;
  /**
   * Issues `count` writes as one thread would: the first at the playhead, each next one when the
   * previous call returned (so their latencies add up, as the article's benchmarks did). Refused
   * whole when `count` more would not fit under MAX_WRITES: part of a burst would time a
   * different thread than the one asked for.
   */
  readonly burst: (kind: OpKind, count: number) => void;
  /** Strikes the stack with a failure at the playhead (docs/model.md §4); a second strike moves it. */
  readonly fail: (kind: FailureKind) => void;
  /**
   * Strikes at the worst moment played so far: the instant with the most acknowledged but not
   * yet durable writes in layers this failure wipes (ties: the earliest; docs/model.md §8). With
   * none exposed so far, strikes now. Pauses at once; the strike follows when the crash sweep
   * has loaded (it is not part of the first view's code).
   */
  readonly failAtWorst: (kind: FailureKind) => Promise<void>;
  /** Removes the failure and keeps the writes. */
  readonly undoFailure: () => void;
  readonly reset: () => void;
  /** Replaces the document (a permalink, a scenario file) and moves the playhead to `atMs`. */
  readonly load: (doc: ScenarioDoc, atMs?: number) => void;
  /** The document as a scenario (`npm run scenario` reads it). */
  readonly toScenario: () => ScenarioDoc;
  /** Moves the playhead to `tMs` (clamped to what can be shown). */
  readonly seek: (tMs: number) => void;
  /**
   * Moves the playhead to `tMs` as another diagram's playback goes (compare view): the playhead
   * every frame, the committed time only when an instant is crossed, as `advance` does.
   */
  readonly follow: (tMs: number) => void;
  /** The animation loop's call: moves the playhead on by `dtS` screen seconds at the current speed. */
  readonly advance: (dtS: number) => void;
  /** Pauses and moves to the next (1) or previous (-1) instant where anything happens. */
  readonly step: (direction: 1 | -1) => void;
  readonly setPlaying: (playing: boolean) => void;
  /** Plays from the playhead and pauses at `tMs` (or the end, if sooner): "run to this moment". */
  readonly playUntil: (tMs: number) => void;
  readonly setSpeed: (speed: Speed) => void;
}

export type DiagramStore = ReturnType<typeof createDiagramStore>;
type Store = DiagramState & DiagramActions;

function derive(doc: SessionDoc): Derived {
  const timeline = simulateSession(doc);
  const instants = eventInstants(timeline);
  // The pace of the presentation clock is the one the writes had without the failure: striking
  // moves nothing on screen, and a token cut short stays exactly where the failure found it.
  const calm = doc.crash ? simulateSession({ ...doc, crash: null }) : timeline;
  const clock = presentationClock(doc.crash ? eventInstants(calm) : instants);
  const stable: BoxId = stableLayer(doc.config.diskCache);
  const opTokens = timeline.ops.map((op, i) =>
    tokenHops(op, stable, calm.ops[i]?.flush?.doneAtMs ?? null, doc.crash?.atMs ?? null),
  );
  const journalTokens = timeline.journalCommits.flatMap((c) =>
    c.block ? [blockHops(c.block.hops)] : [],
  );
  const tokens = journalTokens.length > 0 ? [...opTokens, ...journalTokens] : opTokens;
  const ackScreenS = timeline.ops.map((op) =>
    op.ackedAtMs === null ? NaN : clock.toScreen(op.ackedAtMs),
  );
  const ackFrom = timeline.ops.map((op, i) =>
    op.kind === "barrier" ? (tokens[i]?.at(-1)?.to ?? null) : op.ackedIn,
  );
  const endMs = doc.crash ? doc.crash.atMs : clock.endMs;
  return { timeline, calm, clock, tokens, instants, ackScreenS, ackFrom, endMs };
}

/**
 * Where playback ends on screen: past the last event until the last ack mark has travelled home;
 * with a failure, at its instant, since a crash stops the world.
 */
export function playbackEndS(state: DiagramState): number {
  if (state.stopMs !== null && state.stopMs < state.endMs)
    return state.clock.toScreen(state.stopMs);
  return state.failure ? state.clock.toScreen(state.endMs) : state.clock.totalS + ACK_TRAVEL_S;
}

/** Whether the playhead stands at or past the failure: the world has stopped there. */
export function struck(state: Pick<DiagramState, "failure" | "tMs">): boolean {
  return state.failure !== null && state.tMs >= state.failure.atMs;
}

function playheadAt(clock: PresentationClock, tMs: number): Playhead {
  return { tMs, screenS: clock.toScreen(tMs) };
}

export function createDiagramStore(config: SessionConfig = DEFAULT_CONFIG) {
  return createStore<Store>()((set, get) => {
    /** A new document: derived state recomputed, the playhead kept at `atMs` (clamped). */
    const rebuild = (doc: SessionDoc, atMs: number): Partial<DiagramState> => {
      const derived = derive(doc);
      const tMs = Math.max(0, Math.min(atMs, derived.endMs));
      return {
        ...derived,
        config: doc.config,
        ops: doc.ops,
        failure: doc.crash,
        tMs,
        playhead: playheadAt(derived.clock, tMs),
      };
    };
    const docOf = (s: DiagramState): SessionDoc => ({
      config: s.config,
      ops: s.ops,
      crash: s.failure,
    });
    /** Past the failure nothing happens any more: no write, no second strike there. */
    const afterFailure = (s: DiagramState) => s.failure !== null && s.tMs >= s.failure.atMs;

    return {
      ...derive({ config, ops: [], crash: null }),
      config,
      ops: [],
      failure: null,
      tMs: 0,
      playhead: { tMs: 0, screenS: 0 },
      playing: false,
      stopMs: null,
      speed: 1,
      configNote: null,
      strikeNote: null,

      setConfig: (change) => {
        const state = get();
        const next = { ...state.config, ...change };
        set({
          ...rebuild({ ...docOf(state), config: next }, state.playhead.tMs),
          configNote: state.ops.length > 0 ? "rerun" : null,
        });
      },

      issue: (kind) => {
        const state = get();
        if (afterFailure(state) || writesLeft(state.ops.length) < 1) return;
        const atMs = state.playhead.tMs;
        set({
          ...rebuild({ ...docOf(state), ops: [...state.ops, { atMs, kind }] }, atMs),
          configNote: null,
        });
      },

      burst: (kind, count) => {
        const state = get();
        if (afterFailure(state) || writesLeft(state.ops.length) < count) return;
        const failsAtMs = state.failure?.atMs ?? Infinity;
        const ops = [...state.ops];
        let atMs = state.playhead.tMs;
        for (let i = 0; i < count && atMs < failsAtMs; i++) {
          ops.push({ atMs, kind });
          if (i === count - 1) break;
          // When this one returns, without any failure: the thread's next write starts then.
          const returned = simulateSession({ ...docOf(state), ops, crash: null }).ops.at(-1);
          if (returned?.ackedAtMs == null) break;
          atMs = returned.ackedAtMs;
        }
        set({
          ...rebuild({ ...docOf(state), ops }, state.playhead.tMs),
          configNote: null,
        });
      },

      fail: (kind) => {
        const state = get();
        const atMs = state.playhead.tMs;
        set({
          ...rebuild({ ...docOf(state), crash: { atMs, kind } }, atMs),
          playing: false,
          strikeNote: null,
        });
      },

      failAtWorst: async (kind) => {
        const untilMs = get().playhead.tMs;
        set({ playing: false });
        const { worstMoment } = await import("../model/sweep");
        const state = get();
        const worst = worstMoment(state.calm, kind, untilMs);
        const atMs = worst?.atMs ?? untilMs;
        set({
          ...rebuild({ ...docOf(state), crash: { atMs, kind } }, atMs),
          playing: false,
          strikeNote: worst ? "worst-so-far" : "none-at-risk",
        });
      },

      undoFailure: () => {
        const state = get();
        if (!state.failure) return;
        set({ ...rebuild({ ...docOf(state), crash: null }, state.playhead.tMs), strikeNote: null });
      },

      reset: () => {
        set({
          ...rebuild({ config: get().config, ops: [], crash: null }, 0),
          playing: false,
          configNote: null,
          strikeNote: null,
        });
      },

      load: (doc, atMs = 0) => {
        set({
          ...rebuild(fromScenarioDoc(doc), atMs),
          playing: false,
          stopMs: null,
          configNote: null,
          strikeNote: null,
        });
      },

      toScenario: () => toScenarioDoc(docOf(get())),

      seek: (tMs) => {
        const { clock, endMs } = get();
        const t = Math.max(0, Math.min(tMs, endMs));
        set({ tMs: t, playhead: playheadAt(clock, t) });
      },

      follow: (tMs) => {
        const state = get();
        const t = Math.max(0, Math.min(tMs, state.endMs));
        const lo = Math.min(state.tMs, t);
        const next = nextInstant(state.instants, lo);
        const crossed = (next !== undefined && next <= Math.max(state.tMs, t)) || t === 0;
        set({ playhead: playheadAt(state.clock, t), ...(crossed ? { tMs: t } : {}) });
      },

      advance: (dtS) => {
        const state = get();
        const endS = playbackEndS(state);
        const screenS = Math.min(endS, state.playhead.screenS + dtS * state.speed);
        const limitMs = Math.min(state.endMs, state.stopMs ?? Infinity);
        const atEnd = screenS >= endS;
        // At the end, exactly there: the clock's round trip may land a hair short of a failure's
        // instant, and the world would not have stopped on screen.
        const tMs = atEnd ? limitMs : Math.min(state.clock.toModel(screenS), limitMs);
        // React hears of time only when it crosses an event, or playback ends.
        const next = nextInstant(state.instants, state.tMs);
        const crossed = next !== undefined && next <= tMs;
        set({
          playhead: { tMs, screenS },
          ...(crossed || atEnd ? { tMs } : {}),
          ...(atEnd ? { playing: false, stopMs: null } : {}),
        });
      },

      step: (direction) => {
        const { instants, tMs } = get();
        const target =
          direction === 1 ? nextInstant(instants, tMs) : previousInstant(instants, tMs);
        if (target === undefined) return;
        get().seek(target);
        set({ playing: false });
      },

      setPlaying: (playing) => {
        const state = get();
        // Play at the end replays from the start (a classroom runs the same writes again).
        if (playing && !state.failure && state.endMs > 0 && state.tMs >= state.endMs) {
          set({ playing, stopMs: null, tMs: 0, playhead: { tMs: 0, screenS: 0 } });
          return;
        }
        if (playing && afterFailure(state)) return;
        set({ playing, stopMs: null });
      },

      playUntil: (tMs) => {
        const state = get();
        if (tMs <= state.tMs || afterFailure(state)) {
          get().seek(tMs);
          set({ playing: false, stopMs: null });
          return;
        }
        set({ playing: true, stopMs: tMs });
      },

      setSpeed: (speed) => {
        set({ speed });
      },
    };
  });
}
