// @vitest-environment happy-dom
/**
 * The open tour, as a learner meets it: where it stands ("Step n of m"), Previous and Next that
 * stop at either end and drive the diagram to each step's scenario, the chapter list, and on a
 * prediction step one checkbox per write, Reveal, and how many the learner got right.
 */
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDiagramStore } from "../../store/store";
import { createTourStore } from "../../store/tour";
import { loadTour } from "../../tours/index";
import type { TourDoc } from "../../tours/schema";
import { providers } from "../app/testing";
import TourPanel from "./TourPanel";

afterEach(cleanup);

let article: TourDoc;
beforeAll(async () => {
  article = await loadTour("article");
});

function open(step = 0) {
  const diagram = createDiagramStore();
  const tours = createTourStore(diagram);
  tours.getState().open(article, step);
  render(<TourPanel />, { wrapper: providers(diagram, tours) });
  return { diagram, tours, region: screen.getByRole("region", { name: "Tour" }) };
}

const button = (name: string) => screen.getByRole("button", { name });
/** The step a prediction asks about: the article's Debian 6 guest without barriers. */
const predictionStep = () => article.steps.findIndex((s) => s.predict === true);

describe("TourPanel", () => {
  it("says where the tour stands and narrates the step", () => {
    const { region } = open();
    const first = article.steps[0];
    expect(within(region).getByRole("heading").textContent).toBe(`Tour: ${article.title}`);
    expect(within(region).getByText(/^Step 1 of/).textContent).toBe(
      `Step 1 of ${String(article.steps.length)}: ${first?.title ?? "?"}`,
    );
    expect(
      within(region)
        .getByText(first?.narration ?? "?")
        .getAttribute("aria-live"),
    ).toBe("polite");
    expect(button("Previous")).toHaveProperty("disabled", true);
    // An off button says why (issue 17, item 7); an on one needs no reason.
    expect(button("Previous").title).toBe("This is the tour's first step.");
    expect(button("Next")).toHaveProperty("disabled", false);
    expect(button("Next").title).toBe("");
  });

  it("goes to the next step, and the diagram runs that step's scenario", () => {
    const { diagram } = open();
    fireEvent.click(button("Next"));
    const second = article.steps[1];
    expect(screen.getByText(/^Step 2 of/).textContent).toContain(second?.title);
    expect(diagram.getState().config.mode).toBe(second?.scenario.config.mode);
    expect(diagram.getState().ops).toHaveLength(second?.scenario.ops.length ?? -1);
    expect(button("Previous")).toHaveProperty("disabled", false);
  });

  it("lists the chapters, marks the current one, and jumps to the last, where Next stops", () => {
    open();
    const last = article.steps.at(-1);
    const chapters = within(screen.getByText("Chapters").closest("details") ?? document.body);
    expect(chapters.getAllByRole("button")).toHaveLength(article.steps.length);
    expect(chapters.getByRole("button", { current: "step" }).textContent).toBe(
      article.steps[0]?.title,
    );
    fireEvent.click(chapters.getByRole("button", { name: last?.title ?? "?" }));
    expect(screen.getByText(/^Step \d+ of/).textContent).toContain(
      `Step ${String(article.steps.length)} of`,
    );
    expect(button("Next")).toHaveProperty("disabled", true);
    expect(chapters.getByRole("button", { current: "step" }).textContent).toBe(last?.title);
  });

  it("on a prediction step, asks which writes survive; Reveal strikes and scores the guesses", () => {
    const { diagram } = open(predictionStep());
    const boxes = screen.getAllByRole("checkbox");
    expect(boxes.map((b) => b.getAttribute("aria-label"))).toEqual([
      "#1 survives",
      "#2 survives",
      "#3 survives",
    ]);
    // Before the answer, the diagram has no failure: the ledger must not give it away; nor may
    // the words: the rule that answers the question comes after Reveal.
    expect(diagram.getState().failure).toBeNull();
    const rule = article.steps[predictionStep()]?.reveal ?? "?";
    expect(screen.queryByText(rule)).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "#2 survives" }));
    fireEvent.click(button("Reveal"));
    expect(screen.getByText(rule)).toBeTruthy();
    expect(diagram.getState().failure?.kind).toBe("power");
    const answer = screen.getByRole("status");
    // All three O_SYNC writes had returned from the host page cache and are gone (the article's point).
    expect(answer.textContent).toContain("3 writes promised durable are gone.");
    expect(answer.textContent).toContain("You got 2 of 3 right.");
    // The guesses are locked in: the fieldset holding them and Reveal is off.
    const guesses = screen.getByRole("group", { name: "Which writes survive the power loss?" });
    expect(guesses).toHaveProperty("disabled", true);
    expect(within(guesses).getAllByRole("checkbox")).toHaveLength(3);
    expect(within(guesses).getByRole("button", { name: "Reveal" })).toBeTruthy();
  });

  it("closes: the panel goes", () => {
    const { tours } = open();
    fireEvent.click(button("Close tour"));
    expect(tours.getState().tour).toBeNull();
    expect(screen.queryByRole("region", { name: "Tour" })).toBeNull();
  });
});
