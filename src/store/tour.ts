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

export interface TourState {
  readonly tour: TourDoc | null;
  /** 0-based; the page shows it 1-based ("Step 2 of 7", `step=2` in a link). */
  readonly step: number;
  /** Write index → predicted to survive; a write not in it is predicted lost. */
  readonly guesses: ReadonlyMap<number, boolean>;
  readonly revealed: boolean;
}

export interface TourActions {
  /** Opens a tour at a step (clamped) and runs that step. */
  readonly open: (tour: TourDoc, step?: number) => void;
  readonly goTo: (step: number) => void;
  /** Next and previous step; false at either end (a presenter's clicker then does nothing). */
  readonly next: () => boolean;
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

export function createTourStore(diagram: DiagramStore) {
  return createStore<TourState & TourActions>()((set, get) => {
    const run = (step: TourStep) => {
      const d = diagram.getState();
      d.load(scenarioBeforeReveal(step), 0);
      diagram.getState().playUntil(step.at);
    };
    const goTo = (index: number): boolean => {
      const { tour } = get();
      if (!tour) return false;
      const step = Math.max(0, Math.min(index, tour.steps.length - 1));
      const target = tour.steps[step];
      if (!target) return false;
      set({ step, guesses: new Map(), revealed: false });
      run(target);
      return true;
    };
    return {
      tour: null,
      step: 0,
      guesses: new Map(),
      revealed: false,

      open: (tour, step = 0) => {
        set({ tour });
        goTo(step);
      },
      goTo: (step) => {
        goTo(step);
      },
      next: () => {
        const { tour, step } = get();
        return tour !== null && step < tour.steps.length - 1 && goTo(step + 1);
      },
      previous: () => {
        const { tour, step } = get();
        return tour !== null && step > 0 && goTo(step - 1);
      },
      close: () => {
        set({ tour: null, step: 0, guesses: new Map(), revealed: false });
      },
      guess: (write, survives) => {
        const guesses = new Map(get().guesses);
        guesses.set(write, survives);
        set({ guesses });
      },
      reveal: () => {
        const { tour, step, revealed } = get();
        const current = tour?.steps[step];
        const crash = current?.scenario.crash;
        if (!current || !crash || revealed) return;
        const d = diagram.getState();
        d.seek(crash.at);
        d.fail(crash.kind);
        set({ revealed: true });
      },
    };
  });
}

/** The writes a prediction asks about: the data-carrying ones (a barrier carries none). */
export function predictable(scenario: ScenarioDoc): number[] {
  return scenario.ops.flatMap((op, index) => (op.kind === "barrier" ? [] : [index]));
}
