/**
 * The words of teaching (src/ui/teach/): the tour launcher, the open tour, a prediction and its
 * answer, presenter mode's keys, and the free view's "predict before a failure" as a one-step
 * tour. The tours' own narration is in src/tours/*.json. Loaded with the first tour opened.
 */
import type { FailureKind } from "../model/timeline";
import type { ScenarioDoc } from "../scenario/schema";
import type { TourDoc } from "../tours/schema";
import { count, NOUN } from "./format";
import { FAILURE, opName, PROMISE } from "./vocabulary";

/** The launcher in the top bar (src/ui/teach/Teach.tsx). */
export const TEACH = {
  group: "Teach",
  /** The button that lists the tours. */
  tours: "Tours",
  tour: (title: string) => `Tour: ${title}`,
  present: "Presenter mode",
  compare: "Compare",
  predictFirst: "Predict before a failure",
} as const;

/** The open tour (src/ui/teach/TourPanel.tsx); its region's name is PAGE.tour. */
export const TOUR = {
  title: (title: string) => `Tour: ${title}`,
  close: "Close tour",
  /** "Step 2 of 7: " before the step's title. */
  position: (step: number, steps: number) => `Step ${String(step)} of ${String(steps)}: `,
  steps: "Tour steps",
  previous: "Previous",
  next: "Next",
  /** Why Previous or Next is off, said on the button (issue 17: off buttons say why). */
  atFirst: "This is the tour's first step.",
  atLast: "This is the tour's last step: Close tour, or pick a chapter.",
  chapters: "Chapters",
} as const;

/** A prediction step: which writes survive, then the answer. */
export const PREDICT = {
  question: (kind: FailureKind) => `Which writes survive ${FAILURE[kind].survive}?`,
  /** "#2 survives": a checkbox's name (its visible label adds the kind of write). */
  survives: (write: number) => `${opName(write)} survives`,
  reveal: "Reveal",
} as const;

/**
 * The answer, from what the run destroyed: `lost` writes in all, `promised` of them synced
 * (promised stable storage, docs/model.md §3), `otherAcked` returned without that promise.
 */
export function answer(lost: number, promised: number, otherAcked: number) {
  const writes = (n: number) => count(n, NOUN.write);
  let headline: string;
  if (lost === 0) headline = "Every write survived.";
  else if (promised > 0)
    headline = `${writes(promised)} ${PROMISE.promised} ${promised === 1 ? "is" : "are"} gone.`;
  else headline = `${writes(lost)} ${lost === 1 ? "is" : "are"} gone.`;
  const more =
    promised > 0 && lost > promised
      ? `Also gone: ${writes(lost - promised)}${otherAcked > 0 ? `, ${String(otherAcked)} of them returned but never promised durable` : ""}. `
      : promised === 0 && otherAcked > 0
        ? `${String(otherAcked)} of them had returned, though their calls never promised durability. `
        : "";
  return {
    headline,
    /** "You got 3 of 4 right.", after what else was lost. */
    score: (right: number, of: number) => `${more}You got ${String(right)} of ${String(of)} right.`,
  };
}

/**
 * Presenter mode's keys (src/ui/teach/presenterKeys.ts): what to press, and what it does. A
 * clicker sends PageDown, PageUp, "b" or "." (its black-screen button) and F5 (its slideshow
 * button); the letters are for a keyboard, or a clicker that can be programmed to send them.
 */
export const PRESENTER = {
  exit: "Exit presenter mode",
  keys: "Keys (?)",
  notes: "Speaker notes (N)",
  /** Said when the browser refused to open the notes window (a pop-up blocker). */
  notesBlocked: "The browser blocked the notes window: allow pop-ups for this page.",
  keyList: [
    ["PageDown, →, Space", "next step; on a question, Reveal first"],
    ["PageUp, ←", "previous step, as it ended, with its answers"],
    ["B, .", "play or pause (a clicker's black-screen button)"],
    ["W, S, F, D", "issue a normal write, an O_SYNC write, a barrier, an O_DIRECT write"],
    ["X, F5", "power loss now (F5: a clicker's slideshow button)"],
    ["+, −", "faster, slower"],
    ["N", "open the speaker notes in a second window"],
    ["?", "show or hide these keys"],
    ["Escape", "leave presenter mode"],
  ],
} as const;

/** The speaker notes window (src/ui/teach/Notes.tsx), following the presenter's step. */
export const NOTES = {
  title: "Speaker notes",
  waiting: "Waiting for the presenting window: open the notes from presenter mode (N).",
  noTour: "No tour is open in the presenting window.",
  caption: "On screen",
  afterReveal: "After Reveal",
  next: (title: string) => `Next: ${title}`,
  last: "Last step.",
  /** The keys pressed here move the presenting window. */
  keys: "The clicker's keys work here too: they move the presenting window.",
} as const;

/**
 * The free view's "predict before a failure": the page's own scenario, with the failure at the
 * playhead, as a one-step tour asking which writes survive (the same mechanism as a tour's
 * prediction; its id is not a tour's, so no link carries it).
 */
export function predictionTour(doc: ScenarioDoc, kind: FailureKind, atMs: number): TourDoc {
  const { version, config, ops } = doc;
  return {
    id: "prediction",
    title: "Your prediction",
    steps: [
      {
        title: "Which writes survive?",
        caption: `Which writes survive ${FAILURE[kind].survive} now?`,
        narration: `The same writes run again up to this moment. Which of them survive ${FAILURE[kind].survive} now? Mark the ones you expect to survive, then Reveal.`,
        scenario: { version, config, ops, crash: { at: atMs, kind } },
        at: atMs,
        predict: true,
      },
    ],
  };
}
