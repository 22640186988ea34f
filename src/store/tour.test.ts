/**
 * A tour drives the diagram's own store: each step is its scenario run to its moment; a
 * prediction step holds the failure back until Reveal. Driven with the real tours and model.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateTour, type TourDoc } from "../tours/schema";
import { createDiagramStore, struck, type DiagramStore } from "./store";
import { createTourStore, predictable, scenarioBeforeReveal } from "./tour";
import { predictionTour } from "../text/teach";
import { tourProblemLine } from "../text/scenario";

function tour(id: string): TourDoc {
  const result = validateTour(
    JSON.parse(readFileSync(new URL(`../tours/${id}.json`, import.meta.url), "utf8")),
  );
  if (!result.ok) throw new Error(tourProblemLine(result.problem));
  return result.tour;
}

/** Plays the diagram as the animation loop would, until it pauses by itself. */
function playOut(diagram: DiagramStore): void {
  for (let frame = 0; frame < 100_000 && diagram.getState().playing; frame++) {
    diagram.getState().advance(1 / 60);
  }
}

/** The article tour opened at its prediction step (the Debian 6 guest without barriers). */
function atPrediction() {
  const doc = tour("article");
  const index = doc.steps.findIndex((s) => s.predict);
  const diagram = createDiagramStore();
  const tours = createTourStore(diagram);
  tours.getState().open(doc, index);
  return { doc, index, diagram, tours };
}

describe("a tour", () => {
  it("runs every step of every tour to its moment, and pauses there", () => {
    for (const id of ["article", "beyond"]) {
      const doc = tour(id);
      const diagram = createDiagramStore();
      const tours = createTourStore(diagram);
      tours.getState().open(doc);
      doc.steps.forEach((step, index) => {
        // A prediction step's first "next" reveals; the second moves on.
        if (index > 0 && doc.steps[index - 1]?.predict) {
          expect(tours.getState().next()).toBe(true);
          expect(tours.getState().step).toBe(index - 1);
          expect(tours.getState().revealed).toBe(true);
        }
        if (index > 0) expect(tours.getState().next()).toBe(true);
        expect(tours.getState().step).toBe(index);
        expect(diagram.getState().toScenario().ops).toEqual(step.scenario.ops);
        expect(diagram.getState().playing).toBe(true);
        playOut(diagram);
        expect(diagram.getState().playing).toBe(false);
        // Exactly there: a step run to its failure shows the world stopped.
        expect(diagram.getState().tMs).toBe(step.at);
        if (step.scenario.crash && !step.predict) expect(struck(diagram.getState())).toBe(true);
      });
      expect(tours.getState().next()).toBe(false);
    }
  });

  it("goes back a step and shows it as it ended, not run again; stops at the first", () => {
    const doc = tour("article");
    const diagram = createDiagramStore();
    const tours = createTourStore(diagram);
    tours.getState().open(doc, 2);
    playOut(diagram);
    expect(tours.getState().previous()).toBe(true);
    expect(tours.getState().step).toBe(1);
    // At its moment at once, paused, its failure struck: a 19 s step is not played again.
    expect(diagram.getState().tMs).toBe(doc.steps[1]?.at);
    expect(diagram.getState().playing).toBe(false);
    expect(struck(diagram.getState())).toBe(true);
    expect(tours.getState().previous()).toBe(true);
    expect(tours.getState().previous()).toBe(false);
    expect(tours.getState().step).toBe(0);
    // Forward again plays the step from its start.
    expect(tours.getState().next()).toBe(true);
    expect(diagram.getState().tMs).toBe(0);
    expect(diagram.getState().playing).toBe(true);
  });

  it("opens a deep link at its step, clamped to the tour", () => {
    const doc = tour("article");
    const tours = createTourStore(createDiagramStore());
    tours.getState().open(doc, 99);
    expect(tours.getState().step).toBe(doc.steps.length - 1);
    tours.getState().open(doc, -3);
    expect(tours.getState().step).toBe(0);
  });

  it("holds a prediction step's failure back until Reveal, then strikes it at the moment", () => {
    const doc = tour("article");
    const index = doc.steps.findIndex((s) => s.predict);
    const step = doc.steps[index];
    if (!step?.scenario.crash) throw new Error("the article tour has a prediction step");
    const diagram = createDiagramStore();
    const tours = createTourStore(diagram);
    tours.getState().open(doc, index);
    playOut(diagram);
    // Before Reveal: no failure, so nothing on the page can say what survived.
    expect(diagram.getState().failure).toBeNull();
    expect(diagram.getState().timeline.ops.every((op) => op.survives === null)).toBe(true);
    tours.getState().guess(0, true);
    tours.getState().reveal();
    expect(tours.getState().revealed).toBe(true);
    expect(diagram.getState().failure).toEqual({
      atMs: step.scenario.crash.at,
      kind: step.scenario.crash.kind,
    });
    expect(diagram.getState().timeline.ops.every((op) => op.survives !== null)).toBe(true);
    // The next step starts unanswered.
    tours.getState().next();
    expect(tours.getState().step).toBe(index + 1);
    expect(tours.getState().guesses.size).toBe(0);
    expect(tours.getState().revealed).toBe(false);
  });

  it("on a prediction step, next reveals first and moves on second", () => {
    const { index, diagram, tours } = atPrediction();
    tours.getState().guess(1, true);
    expect(tours.getState().next()).toBe(true);
    expect(tours.getState().step).toBe(index);
    expect(tours.getState().revealed).toBe(true);
    expect(diagram.getState().failure).not.toBeNull();
    expect(tours.getState().next()).toBe(true);
    expect(tours.getState().step).toBe(index + 1);
  });

  it("keeps the answers when going back, and shows the revealed step as it ended", () => {
    const { doc, index, diagram, tours } = atPrediction();
    const step = doc.steps[index];
    tours.getState().guess(0, true);
    tours.getState().guess(2, true);
    tours.getState().next(); // reveals
    tours.getState().next(); // moves on
    expect(tours.getState().previous()).toBe(true);
    expect(tours.getState().step).toBe(index);
    expect(tours.getState().revealed).toBe(true);
    expect([...tours.getState().guesses]).toEqual([
      [0, true],
      [2, true],
    ]);
    expect(diagram.getState().tMs).toBe(step?.at);
    expect(diagram.getState().failure).not.toBeNull();
    expect(diagram.getState().timeline.ops.every((op) => op.survives === false)).toBe(true);
    // Revealed, the answer stands: a late tick changes nothing, and next moves on at once.
    tours.getState().guess(1, true);
    expect(tours.getState().guesses.has(1)).toBe(false);
    expect(tours.getState().next()).toBe(true);
    expect(tours.getState().step).toBe(index + 1);
  });

  it("keeps ticks made before Reveal when going back and forth, and forgets them on close", () => {
    const { doc, index, diagram, tours } = atPrediction();
    tours.getState().guess(1, true);
    tours.getState().previous();
    expect(tours.getState().guesses.size).toBe(0);
    tours.getState().goTo(index);
    expect(tours.getState().guesses.get(1)).toBe(true);
    expect(tours.getState().revealed).toBe(false);
    // Unrevealed, the failure is still held back.
    expect(diagram.getState().failure).toBeNull();
    tours.getState().close();
    tours.getState().open(doc, index);
    expect(tours.getState().guesses.size).toBe(0);
  });

  it("asks about data-carrying writes only, and leaves other steps' scenarios as they are", () => {
    const doc = tour("article");
    for (const step of doc.steps) {
      expect(predictable(step.scenario)).toEqual(
        step.scenario.ops.flatMap((op, i) => (op.kind === "barrier" ? [] : [i])),
      );
      if (!step.predict) expect(scenarioBeforeReveal(step)).toBe(step.scenario);
      else expect(scenarioBeforeReveal(step).crash).toBeUndefined();
    }
  });
});

describe("a prediction of the free view", () => {
  it("is a valid one-step tour: the page's writes, the failure at the playhead, a prediction", () => {
    const diagram = createDiagramStore();
    diagram.getState().issue("osync");
    diagram.getState().issue("normal");
    const doc = predictionTour(diagram.getState().toScenario(), "host", 3);
    const result = validateTour(doc);
    expect(result.ok).toBe(true);
    expect(doc.steps[0]?.scenario.crash).toEqual({ at: 3, kind: "host" });
    expect(doc.steps[0]?.predict).toBe(true);
    const tours = createTourStore(diagram);
    tours.getState().open(doc);
    playOut(diagram);
    expect(diagram.getState().failure).toBeNull();
    tours.getState().reveal();
    expect(diagram.getState().failure).toEqual({ atMs: 3, kind: "host" });
  });
});
