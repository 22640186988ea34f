/**
 * The open guided tour (src/store/tour.ts): where it stands, the step's narration, Previous and
 * Next, the chapter list and, on a prediction step, one checkbox per write and Reveal (then the
 * answer and the step's explanation). Loaded
 * when a tour is opened. Contract (e2e tests rely on it): a region named "Tour" with buttons
 * "Next" and "Previous" and the text "Step n of m"; a prediction step has checkboxes
 * "#<n> survives" and a button "Reveal".
 */
import { useCallback } from "react";
import { predictable } from "../../store/tour";
import { useDiagram } from "../app/useDiagram";
import { useTourStore } from "../app/useTour";
import { useStore } from "zustand";
import type { TourActions, TourState } from "../../store/tour";
import { PAGE } from "../../text/page";
import { answer, PREDICT, TOUR } from "../../text/teach";
import { KIND_NAME } from "../../text/vocabulary";
import type { OpResult } from "../../model/timeline";
import { tally } from "../../model/tally";

/** A slice of the open tour (this panel exists only while one is). */
function useOpenTour<T>(selector: (state: TourState & TourActions) => T): T {
  return useStore(useTourStore(), selector);
}

export default function TourPanel() {
  const tour = useOpenTour((t) => t.tour);
  const index = useOpenTour((t) => t.step);
  const next = useOpenTour((t) => t.next);
  const previous = useOpenTour((t) => t.previous);
  const goTo = useOpenTour((t) => t.goTo);
  const close = useOpenTour((t) => t.close);
  const step = tour?.steps[index];
  if (!tour || !step) return null;
  const last = tour.steps.length - 1;
  return (
    <section className="tour" aria-label={PAGE.tour}>
      <div className="tour-head">
        <h2 className="tour-title">{TOUR.title(tour.title)}</h2>
        <button type="button" className="tour-close" onClick={close}>
          {TOUR.close}
        </button>
      </div>
      <p className="tour-position">
        {TOUR.position(index + 1, tour.steps.length)}
        <strong>{step.title}</strong>
      </p>
      {/* Presenter mode shows the step's caption on the stage instead; this is in the notes. */}
      <p className="tour-narration" aria-live="polite">
        {step.narration}
      </p>
      {step.predict ? <Predict key={`${tour.id}-${String(index)}`} /> : null}
      <div className="buttons tour-steps" role="group" aria-label={TOUR.steps}>
        <button
          type="button"
          disabled={index === 0}
          title={index === 0 ? TOUR.atFirst : undefined}
          onClick={() => void previous()}
        >
          {TOUR.previous}
        </button>
        <button
          type="button"
          disabled={index === last}
          title={index === last ? TOUR.atLast : undefined}
          onClick={() => void next()}
        >
          {TOUR.next}
        </button>
      </div>
      <details className="tour-chapters">
        <summary>{TOUR.chapters}</summary>
        <ol>
          {tour.steps.map((s, i) => (
            <li key={s.title}>
              <button
                type="button"
                className="link-button"
                aria-current={i === index ? "step" : undefined}
                onClick={() => {
                  goTo(i);
                }}
              >
                {s.title}
              </button>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** Ask which writes survive, then strike the failure and say how many the learner got right. */
function Predict() {
  const tour = useOpenTour((t) => t.tour);
  const index = useOpenTour((t) => t.step);
  const guesses = useOpenTour((t) => t.guesses);
  const revealed = useOpenTour((t) => t.revealed);
  const guess = useOpenTour((t) => t.guess);
  const reveal = useOpenTour((t) => t.reveal);
  const ops = useDiagram((s) => s.timeline.ops);
  // Until the answer is out, the page hides what would give it away (app.css, `data-predicting`:
  // the stage's "done" flag and danger zone, the timeline's exposure).
  const predicting = useCallback(
    (el: HTMLDivElement | null) => {
      const page = el?.closest("main");
      if (!page) return;
      page.toggleAttribute("data-predicting", !revealed);
      return () => {
        page.removeAttribute("data-predicting");
      };
    },
    [revealed],
  );
  const step = tour?.steps[index];
  const crash = step?.scenario.crash;
  if (!step || !crash) return null;
  const writes = predictable(step.scenario);
  return (
    <div className="predict" ref={predicting}>
      {/* The answer first once it is out: the punchline, where the eye already is. */}
      {revealed ? <Answer writes={writes} ops={ops} guesses={guesses} atMs={crash.at} /> : null}
      {revealed && step.reveal ? <p className="tour-reveal">{step.reveal}</p> : null}
      <fieldset disabled={revealed}>
        <legend>{PREDICT.question(crash.kind)}</legend>
        {writes.map((write) => {
          const kind = step.scenario.ops[write]?.kind ?? "normal";
          return (
            <label key={write} className="check">
              <input
                type="checkbox"
                checked={guesses.get(write) ?? false}
                aria-label={PREDICT.survives(write)}
                onChange={(e) => {
                  guess(write, e.currentTarget.checked);
                }}
              />
              {PREDICT.survives(write)} <span className="hint">({KIND_NAME[kind]})</span>
            </label>
          );
        })}
        <button type="button" onClick={reveal}>
          {PREDICT.reveal}
        </button>
      </fieldset>
    </div>
  );
}

interface AnswerProps {
  readonly writes: readonly number[];
  readonly ops: readonly OpResult[];
  readonly guesses: ReadonlyMap<number, boolean>;
  readonly atMs: number;
}

/**
 * The answer, large enough for the back of the room. Writes promised durable (src/model/tally.ts)
 * are counted apart from those whose call merely returned.
 */
function Answer({ writes, ops, guesses, atMs }: AnswerProps) {
  // In a column that scrolls (presenter mode), bring it into view.
  const shown = useCallback((el: HTMLDivElement | null) => {
    el?.scrollIntoView({ block: "nearest" });
  }, []);
  const gone = tally(
    ops,
    writes.filter((w) => ops[w]?.survives === false),
    atMs,
  );
  const lost = gone.lost;
  const promised = gone.promised.length;
  const otherAcked = gone.returned.filter((w) => !gone.promised.includes(w)).length;
  const right = writes.filter((w) => (guesses.get(w) ?? false) === (ops[w]?.survives === true));
  const said = answer(lost.length, promised, otherAcked);
  return (
    <div className="answer" role="status" ref={shown}>
      <p className="answer-headline">{said.headline}</p>
      <p>{said.score(right.length, writes.length)}</p>
    </div>
  );
}
