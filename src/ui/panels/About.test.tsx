// @vitest-environment happy-dom
/**
 * Below the stage: what the lab proved against real QEMU is said in words, with the numbers the
 * last `npm run lab` wrote (src/lab/checked.json), and how to rerun it.
 */
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import lab from "../../lab/checked.json";
import table from "../../lab/table.json";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { AboutConfiguration } from "./About";

afterEach(cleanup);

describe("AboutConfiguration", () => {
  it("says which QEMU the model was checked against, when, and how many predictions held", () => {
    render(<AboutConfiguration />, { wrapper: providers(createDiagramStore(DEFAULT_CONFIG)) });
    const note = screen.getByText(/^Checked against real QEMU/);
    expect(note.textContent).toContain(`QEMU ${lab.qemu} on ${lab.date.slice(0, 10)}`);
    expect(note.textContent).toContain(
      `${String(lab.predictionsHold)} of ${String(lab.predictions)} of the model's predictions hold`,
    );
    expect(note.textContent).toContain("npm run lab");
  });

  it("opens the lab's table itself, the cells the lab wrote, for a page that cannot link to docs/lab.md", async () => {
    const { container } = render(<AboutConfiguration />, {
      wrapper: providers(createDiagramStore(DEFAULT_CONFIG)),
    });
    expect(container.querySelector("[data-lab-table]")).toBeNull();
    const details = screen.getByText(/^The lab's table/).closest("details");
    if (!details) throw new Error("no disclosure");
    details.open = true;
    fireEvent(details, new Event("toggle"));
    // A lazy part: on a busy machine its import may take longer than findBy's default second.
    const runs = await screen.findByRole(
      "table",
      { name: /^Predictions per run/ },
      { timeout: 10_000 },
    );
    expect(runs.querySelectorAll("tbody tr")).toHaveLength(table.runs.rows.length);
    expect(runs.querySelector("tbody tr")?.textContent).toBe(table.runs.rows[0]?.join(""));
    expect(screen.getByRole("table", { name: /^QEMU killed/ })).toBeTruthy();
  });
});
