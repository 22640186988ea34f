// @vitest-environment happy-dom
/**
 * The toolbar, as a user meets it beside the ledger: a write button adds a row of its kind, a
 * failure button is off (and says why) until there is a write to strike, a strike stops the world
 * until it is undone, and playback's buttons move the playhead between instants.
 */
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { FAILURE_KINDS, OP_KINDS, type FailureKind } from "../../model/timeline";
import { MAX_WRITES } from "../../scenario/limit";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { FAILURE, KIND_NAME } from "../../text/vocabulary";
import { layOutScrollBoxes, providers } from "../app/testing";
import { Ledger } from "../panels/Ledger";
import { FailureGate } from "./failureGate";
import { Toolbar } from "./Toolbar";

afterAll(layOutScrollBoxes());
afterEach(cleanup);

function setup(config: Partial<SessionConfig> = {}) {
  const store = createDiagramStore({ ...DEFAULT_CONFIG, ...config });
  render(
    <>
      <Toolbar />
      <Ledger />
    </>,
    { wrapper: providers(store) },
  );
  return store;
}

const button = (name: string) => screen.getByRole("button", { name });
/** Off, but focusable: it says why when pressed. */
const isOff = (el: HTMLElement) => el.getAttribute("aria-disabled") === "true";
const FAILURE_BUTTONS = [
  ...FAILURE_KINDS.map((k) => FAILURE[k].name),
  "Power loss at the worst moment",
];

/** The ledger's data rows (its header and spacer rows left out), as the cells' text. */
function ledgerRows(): string[][] {
  const table = screen.getByRole("table", { name: "Operations" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .queryAllByRole("cell")
        .map((cell) => cell.textContent),
    )
    .filter((cells) => cells.length > 1);
}

/** Lets the deferred renders (the ledger follows the drawing a moment later) finish. */
async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("Toolbar", () => {
  it("issues each kind of write, and the ledger gets a row naming it", async () => {
    setup();
    for (const kind of OP_KINDS) fireEvent.click(button(KIND_NAME[kind]));
    await settle();
    const rows = ledgerRows();
    expect(rows.map((cells) => cells[0])).toEqual(["1", "2", "3", "4"]);
    // The kind's symbol is hidden from assistive technology; its name is the cell's words.
    expect(rows.map((cells) => cells[1]?.replace(/^\S+\s/, ""))).toEqual(
      OP_KINDS.map((k) => KIND_NAME[k]),
    );
  });

  it("keeps the failures off before any write, saying why, and turns them on with one", () => {
    setup();
    for (const name of FAILURE_BUTTONS) {
      const off = screen.getByRole("button", { name, description: /^Issue a write first/ });
      expect(isOff(off)).toBe(true);
    }
    for (const name of ["Reset", "Step back", "Step forward"])
      expect(isOff(button(name))).toBe(true);
    fireEvent.click(button("Normal write"));
    for (const name of FAILURE_BUTTONS) {
      const on = button(name);
      expect(isOff(on)).toBe(false);
      expect(on.getAttribute("title") ?? "").not.toMatch(/Issue a write first/);
    }
    expect(isOff(button("Reset"))).toBe(false);
  });

  it("says why when an off button is pressed, and does nothing else", () => {
    const store = setup();
    const status = document.querySelector("[aria-live].why-off");
    if (!status) throw new Error("no line for why a button is off");
    expect(status.textContent).toBe("");
    fireEvent.click(button("Power loss"));
    expect(store.getState().failure).toBeNull();
    expect(status.textContent).toBe("Issue a write first: a failure strikes the writes in flight.");
    fireEvent.click(button("Step forward"));
    expect(status.textContent).toMatch(/^Issue a write first: there is nothing to step through/);
    // Once the reason no longer holds, the line no longer says it.
    fireEvent.click(button("Normal write"));
    expect(status.textContent).toBe("");
    expect(store.getState().ops).toHaveLength(1);
  });

  it("strikes with a failure: the ledger says what survived, the buttons stop until Undo", async () => {
    const store = setup({ mode: "writeback", guestBarriers: false, diskCache: "volatile" });
    fireEvent.click(button("O_SYNC write"));
    // To where the call has returned, from the host page cache (writeback without barriers).
    while (store.getState().timeline.ops[0]?.ackedAtMs !== store.getState().tMs)
      fireEvent.click(button("Step forward"));
    fireEvent.click(button("Power loss"));
    await settle();
    expect(store.getState().failure).toEqual({ kind: "power", atMs: store.getState().tMs });
    expect(screen.getByRole("columnheader", { name: "After the power loss" })).toBeTruthy();
    expect(ledgerRows()[0]?.at(-1)).toBe(
      "✘ lost, though promised durable (its O_SYNC call had returned)",
    );
    for (const name of [...OP_KINDS.map((k) => KIND_NAME[k]), "Play", ...FAILURE_BUTTONS]) {
      const off = screen.getByRole("button", { name, description: /^The failure has struck/ });
      expect(isOff(off)).toBe(true);
    }
    fireEvent.click(button("Undo failure"));
    await settle();
    expect(store.getState().failure).toBeNull();
    expect(screen.queryByRole("columnheader", { name: "After the power loss" })).toBeNull();
    expect(isOff(button("O_SYNC write"))).toBe(false);
    expect(isOff(button("Undo failure"))).toBe(true);
  });

  it("bursts ten O_SYNC writes, each issued when the one before returned", async () => {
    setup({ mode: "writethrough" });
    fireEvent.click(button("Burst: 10 O_SYNC writes"));
    await settle();
    const rows = ledgerRows();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((cells) => cells[1]?.replace(/^\S+\s/, "")))).toEqual(
      new Set([KIND_NAME.osync]),
    );
    // One thread: ten different issue times, the first at the playhead.
    expect(rows[0]?.[2]).toBe("0 µs");
    expect(new Set(rows.map((cells) => cells[2])).size).toBe(10);
  });

  it("at the page's limit on writes, turns the write buttons off and says so", () => {
    const store = createDiagramStore(DEFAULT_CONFIG);
    const ops = Array.from({ length: MAX_WRITES - 1 }, () => ({ at: 0, kind: "normal" as const }));
    store.getState().load({ version: 1, config: store.getState().toScenario().config, ops });
    render(<Toolbar />, { wrapper: providers(store) });
    const status = () => document.querySelector(".limit")?.textContent ?? "";
    // One write still fits, ten do not: Burst is off first, and says why.
    expect(
      isOff(screen.getByRole("button", { name: /^Burst/, description: /would pass the 5000/ })),
    ).toBe(true);
    expect(status()).not.toMatch(/5000/);
    fireEvent.click(button("Normal write"));
    expect(store.getState().ops).toHaveLength(MAX_WRITES);
    for (const kind of OP_KINDS) {
      const off = screen.getByRole("button", {
        name: KIND_NAME[kind],
        description: /^This scenario holds 5000 writes/,
      });
      expect(isOff(off)).toBe(true);
    }
    expect(status()).toMatch(/holds 5000 writes, .* a further write is refused/);
    expect(button("Play")).not.toHaveProperty("title", expect.stringMatching(/5000/));
    // Focus went to Reset, which brings the buttons back.
    expect(document.activeElement).toBe(button("Reset"));
    fireEvent.click(button("Reset"));
    expect(isOff(button("Normal write"))).toBe(false);
    expect(status()).toBe("");
  });

  it("plays and pauses, sets the speed, and steps between instants", () => {
    const store = setup();
    fireEvent.click(button("O_SYNC write"));
    expect(isOff(button("Step back"))).toBe(true);
    fireEvent.click(button("Step forward"));
    const first = store.getState().instants.find((t) => t > 0);
    expect(store.getState().tMs).toBe(first);
    expect(isOff(button("Step back"))).toBe(false);
    fireEvent.click(button("Play"));
    expect(store.getState().playing).toBe(true);
    fireEvent.click(button("Pause"));
    expect(store.getState().playing).toBe(false);
    const speed = screen.getByRole("combobox", { name: "Speed" });
    expect(
      within(speed)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["0.25×", "0.5×", "1×", "2×", "4×"]);
    fireEvent.change(speed, { target: { value: "2" } });
    expect(store.getState().speed).toBe(2);
    fireEvent.click(button("Reset"));
    expect(store.getState().ops).toEqual([]);
  });

  it("with predict-first on, a failure button asks the learner instead of striking", () => {
    const store = createDiagramStore(DEFAULT_CONFIG);
    const asked: FailureKind[] = [];
    render(
      <FailureGate.Provider value={(kind) => asked.push(kind)}>
        <Toolbar />
      </FailureGate.Provider>,
      { wrapper: providers(store) },
    );
    fireEvent.click(button("Normal write"));
    fireEvent.click(button("Host crash"));
    expect(asked).toEqual(["host"]);
    expect(store.getState().failure).toBeNull();
  });
});
