/**
 * Where a guided tour stands (src/tours): which tour, which step, and on a prediction step what
 * the learner predicted and whether the answer is out. The tour owns only that; every step is a
 * scenario loaded into the diagram's store and run to its moment, through the store's own
 * actions (`load`, `playUntil`, `fail`), so a tour is the page driven, not a second mechanism.
 *
 * A prediction step runs its writes to the failure's instant without the failure: the ledger
 * cannot say what survived before the learner has answered. Reveal strikes it there.
 */
import { createStore } from "zustand/vanilla";
import type { ScenarioDoc } from "../scenario/schema";
import type { TourDoc, TourStep } from "../tours/schema";
import type { DiagramStore } from "./store";

/** What the class answered on a prediction step, kept while the tour is open. */
export interface Answer {
  /** Write index → predicted to survive; a write not in it is predicted lost. */
  readonly guesses: ReadonlyMap<number, boolean>;
  readonly revealed: boolean;
}

export interface TourState {
  readonly tour: TourDoc | null;
  /** 0-based; the page shows it 1-based ("Step 2 of 7", `step=2` in a link). */
  readonly step: number;
  /** The open step's answer (the same as `answers`' entry for it, or none given yet). */
  readonly guesses: ReadonlyMap<number, boolean>;
  readonly revealed: boolean;
  /** Every prediction step's answer so far, by step: going back shows it again. */
  readonly answers: ReadonlyMap<number, Answer>;
}

export interface TourActions {
  /** Opens a tour at a step (clamped) and runs that step. */
  readonly open: (tour: TourDoc, step?: number) => void;
  readonly goTo: (step: number) => void;
  /**
   * A presenter's "next": on a prediction step not yet revealed, Reveal; else the next step.
   * False at the end (a presenter's clicker then does nothing).
   */
  readonly next: () => boolean;
  /**
   * The previous step, shown as it ends (its answer too, if given) rather than run again from
   * the start: going back is for looking again. False at the first step.
   */
  readonly previous: () => boolean;
  readonly close: () => void;
  readonly guess: (write: number, survives: boolean) => void;
  /** Strikes the step's failure at its moment and shows the answer. */
  readonly reveal: () => void;
}

export type TourStore = ReturnType<typeof createTourStore>;

/** A prediction step's scenario until the answer is out: the same writes, no failure yet. */
export function scenarioBeforeReveal(step: TourStep): ScenarioDoc {
  if (!step.predict) return step.scenario;
  const { version, config, ops } = step.scenario;
  return { version, config, ops };
}

const UNANSWERED: Answer = { guesses: new Map(), revealed: false };

/** How a step is shown: played from the start to its moment, or at its moment at once. */
type Arrival = "play" | "end";

export function createTourStore(diagram: DiagramStore) {
  return createStore<TourState & TourActions>()((set, get) => {
    const run = (step: TourStep, arrival: Arrival, revealed: boolean) => {
      const scenario = revealed ? step.scenario : scenarioBeforeReveal(step);
      if (arrival === "end") {
        diagram.getState().load(scenario, step.at);
        return;
      }
      diagram.getState().load(scenario, 0);
      diagram.getState().playUntil(step.at);
    };
    const goTo = (index: number, arrival: Arrival): boolean => {
      const { tour, answers } = get();
      if (!tour) return false;
      const step = Math.max(0, Math.min(index, tour.steps.length - 1));
      const target = tour.steps[step];
      if (!target) return false;
      const answer = answers.get(step) ?? UNANSWERED;
      set({ step, guesses: answer.guesses, revealed: answer.revealed });
      run(target, arrival, answer.revealed);
      return true;
    };
    /** The open step's answer changed: kept for the step too. */
    const answered = (answer: Answer) => {
      const answers = new Map(get().answers);
      answers.set(get().step, answer);
      set({ ...answer, answers });
    };
    const reveal = (): boolean => {
      const { tour, step, revealed, guesses } = get();
      const crash = tour?.steps[step]?.scenario.crash;
      if (!tour?.steps[step]?.predict || !crash || revealed) return false;
      const d = diagram.getState();
      d.seek(crash.at);
      d.fail(crash.kind);
      answered({ guesses, revealed: true });
      return true;
    };
    return {
      tour: null,
      step: 0,
      guesses: UNANSWERED.guesses,
      revealed: false,
      answers: new Map(),

      open: (tour, step = 0) => {
        set({ tour, answers: new Map() });
        goTo(step, "play");
      },
      goTo: (step) => {
        goTo(step, "play");
      },
      next: () => {
        const { tour, step } = get();
        if (!tour) return false;
        return reveal() || (step < tour.steps.length - 1 && goTo(step + 1, "play"));
      },
      previous: () => {
        const { tour, step } = get();
        return tour !== null && step > 0 && goTo(step - 1, "end");
      },
      close: () => {
        set({ tour: null, step: 0, ...UNANSWERED, answers: new Map() });
      },
      guess: (write, survives) => {
        const { guesses, revealed } = get();
        if (revealed) return;
        answered({ guesses: new Map(guesses).set(write, survives), revealed });
      },
      reveal: () => {
        reveal();
      },
    };
  });
}

/** The writes a prediction asks about: the data-carrying ones (a barrier carries none). */
export function predictable(scenario: ScenarioDoc): number[] {
  return scenario.ops.flatMap((op, index) => (op.kind === "barrier" ? [] : [index]));
}
