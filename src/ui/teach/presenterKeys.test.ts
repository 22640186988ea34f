/**
 * Presenter mode's keys, as a clicker and a keyboard send them, driving the real diagram and tour
 * stores: the clicker pages and reveals, plays, cuts the power; the keyboard issues writes and
 * changes the speed; the browser's own shortcuts stay the browser's. And what the speaker notes
 * window is told of the open step.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDiagramStore, struck } from "../../store/store";
import { createTourStore } from "../../store/tour";
import { validateTour, type TourDoc } from "../../tours/schema";
import { notesOf, notesUrl } from "./notesChannel";
import { act, presenterAction } from "./presenterKeys";

function article(): TourDoc {
  const url = new URL("../../tours/article.json", import.meta.url);
  const result = validateTour(JSON.parse(readFileSync(url, "utf8")));
  if (!result.ok) throw new Error("the article tour validates");
  return result.tour;
}

const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {}) =>
  presenterAction({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

/** Presses `k` in presenter mode on `diagram` (and its tour, if any). */
function press(k: string, diagram = createDiagramStore(), tours = createTourStore(diagram)) {
  const action = key(k);
  if (!action) throw new Error(`${k} is not a presenter key`);
  act(action, diagram, tours, null);
  return { diagram, tours };
}

describe("presenter keys", () => {
  it("leave the browser's shortcuts alone and ignore the letters' case", () => {
    expect(key("r", { ctrlKey: true })).toBeNull();
    expect(key("Tab")).toBeNull();
    expect(key("W")).toEqual(key("w"));
    expect(key("F5")).toEqual({ does: "power" });
    expect(key("Escape")).toEqual({ does: "exit" });
  });

  it("issue each kind of write", () => {
    const { diagram, tours } = press("w");
    for (const k of ["s", "f", "d"]) press(k, diagram, tours);
    expect(diagram.getState().ops.map((op) => op.kind)).toEqual([
      "normal",
      "osync",
      "barrier",
      "odirect",
    ]);
  });

  it("play and pause from the clicker's black-screen button, b or .", () => {
    const { diagram, tours } = press("w");
    press("b", diagram, tours);
    expect(diagram.getState().playing).toBe(true);
    press(".", diagram, tours);
    expect(diagram.getState().playing).toBe(false);
  });

  it("cut the power at the playhead (X, or the clicker's F5), only once there are writes", () => {
    const { diagram, tours } = press("x");
    expect(diagram.getState().failure).toBeNull();
    press("s", diagram, tours);
    press("F5", diagram, tours);
    expect(diagram.getState().failure?.kind).toBe("power");
    expect(struck(diagram.getState())).toBe(true);
  });

  it("change the speed one notch, and stop at either end", () => {
    const { diagram, tours } = press("+");
    expect(diagram.getState().speed).toBe(2);
    for (let i = 0; i < 9; i++) press("-", diagram, tours);
    expect(diagram.getState().speed).toBe(0.25);
  });

  it("step a tour: on a prediction, PageDown reveals, then moves on; F5 there is its Reveal", () => {
    const doc = article();
    const index = doc.steps.findIndex((s) => s.predict);
    const diagram = createDiagramStore();
    const tours = createTourStore(diagram);
    tours.getState().open(doc, index);
    press("PageDown", diagram, tours);
    expect(tours.getState().revealed).toBe(true);
    expect(tours.getState().step).toBe(index);
    press("PageDown", diagram, tours);
    expect(tours.getState().step).toBe(index + 1);
    press("PageUp", diagram, tours);
    expect(tours.getState().step).toBe(index);
    tours.getState().open(doc, index);
    press("F5", diagram, tours);
    expect(tours.getState().revealed).toBe(true);
    expect(diagram.getState().failure?.atMs).toBe(doc.steps[index]?.at);
  });
});

describe("the speaker notes", () => {
  it("say the open step's narration, its caption, its explanation and what comes next", () => {
    const doc = article();
    const index = doc.steps.findIndex((s) => s.predict);
    const tours = createTourStore(createDiagramStore());
    expect(notesOf(tours.getState())).toBeNull();
    tours.getState().open(doc, index);
    const notes = notesOf(tours.getState());
    expect(notes).toMatchObject({
      tour: doc.title,
      step: index + 1,
      steps: doc.steps.length,
      narration: doc.steps[index]?.narration,
      caption: doc.steps[index]?.caption,
      reveal: doc.steps[index]?.reveal,
      predict: true,
      revealed: false,
      next: doc.steps[index + 1]?.title,
    });
    tours.getState().goTo(doc.steps.length - 1);
    expect(notesOf(tours.getState())?.next).toBeNull();
  });

  it("open at the page's own path, from any sub-path, with only notes=1", () => {
    expect(notesUrl("https://example.org/docs/kvm/?present=1&tour=article&step=3#x")).toBe(
      "https://example.org/docs/kvm/?notes=1",
    );
  });
});
