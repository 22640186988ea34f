// @vitest-environment happy-dom
/**
 * "If it failed now", as a reader sees it: of the writes each failure would destroy, how many
 * had returned and how many had been promised durable (src/model/tally.ts), numbered from 1.
 * Driven by the real store and model.
 */
import { act, cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { PROMISE } from "../../text/vocabulary";
import { FailedNow } from "./FailedNow";

afterEach(cleanup);

describe("FailedNow", () => {
  it("tells returned from promised durable: an fsync'd buffered write, then one nobody synced", async () => {
    const store = createDiagramStore({
      ...DEFAULT_CONFIG,
      mode: "writeback",
      guestBarriers: false,
    });
    const returnOf = (index: number) => store.getState().timeline.ops[index]?.ackedAtMs ?? NaN;
    store.getState().issue("normal");
    store.getState().issue("barrier");
    store.getState().seek(returnOf(1));
    store.getState().issue("normal");
    store.getState().seek(returnOf(2));
    render(<FailedNow />, { wrapper: providers(store) });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    const table = screen.getByRole("table", { name: "If it failed now" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((h) => h.textContent),
    ).toEqual(["Failure", "Writes destroyed", "Of those, returned", "Of those, promised durable"]);
    const power = within(table).getByRole("rowheader", { name: "Power loss" }).closest("tr");
    const cells = within(power ?? table)
      .getAllByRole("cell")
      .map((c) => c.textContent);
    // Both buffered writes are in RAM and returned; only the first had an fsync return over it.
    expect(cells).toEqual(["2 (#1, #3)", "2 (#1, #3)", "1 (#1)"]);
    // The tie rule, said once under the table.
    expect(screen.getByText(PROMISE.tie)).toBeTruthy();
  });
});
