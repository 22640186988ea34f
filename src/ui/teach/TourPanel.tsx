/**
 * The open guided tour (src/store/tour.ts): where it stands, the step's narration, Previous and
 * Next, the chapter list and, on a prediction step, one checkbox per write and Reveal. Loaded
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
import { FAILURE_NAME, KIND_NAME } from "../../text/vocabulary";
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
    <section className="tour" aria-label="Tour">
      <div className="tour-head">
        <h2 className="tour-title">Tour: {tour.title}</h2>
        <button type="button" className="tour-close" onClick={close}>
          Close tour
        </button>
      </div>
      <p className="tour-position">
        Step {index + 1} of {tour.steps.length}: <strong>{step.title}</strong>
      </p>
      <p className="tour-narration" aria-live="polite">
        {step.narration}
      </p>
      {step.predict ? <Predict key={`${tour.id}-${String(index)}`} /> : null}
      <div className="buttons tour-steps" role="group" aria-label="Tour steps">
        <button type="button" disabled={index === 0} onClick={() => void previous()}>
          Previous
        </button>
        <button type="button" disabled={index === last} onClick={() => void next()}>
          Next
        </button>
      </div>
      <details className="tour-chapters">
        <summary>Chapters</summary>
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
  const step = tour?.steps[index];
  const crash = step?.scenario.crash;
  if (!step || !crash) return null;
  const writes = predictable(step.scenario);
  return (
    <div className="predict">
      {/* The answer first once it is out: the punchline, where the eye already is. */}
      {revealed ? <Answer writes={writes} ops={ops} guesses={guesses} atMs={crash.at} /> : null}
      <fieldset disabled={revealed}>
        <legend>Which writes survive the {FAILURE_NAME[crash.kind].toLowerCase()}?</legend>
        {writes.map((write) => {
          const kind = step.scenario.ops[write]?.kind ?? "normal";
          return (
            <label key={write} className="check">
              <input
                type="checkbox"
                checked={guesses.get(write) ?? false}
                aria-label={`#${String(write)} survives`}
                onChange={(e) => {
                  guess(write, e.currentTarget.checked);
                }}
              />
              #{write} survives <span className="hint">({KIND_NAME[kind]})</span>
            </label>
          );
        })}
        <button type="button" onClick={reveal}>
          Reveal
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

const writesWord = (n: number) => `${String(n)} write${n === 1 ? "" : "s"}`;

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
  let headline: string;
  if (lost.length === 0) headline = "Every write survived.";
  else if (promised > 0)
    headline = `${writesWord(promised)} the application was told ${promised === 1 ? "was" : "were"} safe ${promised === 1 ? "is" : "are"} gone.`;
  else headline = `${writesWord(lost.length)} ${lost.length === 1 ? "is" : "are"} gone.`;
  const more =
    promised > 0 && lost.length > promised
      ? ` Also gone: ${writesWord(lost.length - promised)}${otherAcked > 0 ? `, ${String(otherAcked)} of them acknowledged but never promised durable` : ""}.`
      : promised === 0 && otherAcked > 0
        ? ` ${String(otherAcked)} of them had returned, though their calls never promised durability.`
        : "";
  return (
    <div className="answer" role="status" ref={shown}>
      <p className="answer-headline">{headline}</p>
      <p>
        {more.trim() === "" ? null : `${more.trim()} `}You got {right.length} of {writes.length}{" "}
        right.
      </p>
    </div>
  );
}
