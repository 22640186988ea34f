// @vitest-environment happy-dom
/**
 * The timeline, as a keyboard and screen-reader user meets it: a slider named Time whose value
 * text is the model time, keys that step from event to event and jump to either end, and the
 * exposure strip's name saying how many writes that had returned a power cut could destroy at once.
 */
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { formatModelTime } from "../../text/clock";
import { providers } from "../app/testing";
import { Timeline } from "./Timeline";

afterEach(cleanup);

const noThumb = () => undefined;

function setup(config: Partial<SessionConfig>, writes: readonly ("osync" | "normal")[]) {
  const store = createDiagramStore({ ...DEFAULT_CONFIG, ...config });
  for (const kind of writes) store.getState().issue(kind);
  render(<Timeline thumb={noThumb} />, { wrapper: providers(store) });
  return { store, slider: screen.getByRole("slider", { name: "Time" }) };
}

describe("Timeline", () => {
  it("is a slider over the session whose value text is the model time", () => {
    const { store, slider } = setup({}, ["osync"]);
    expect(slider.getAttribute("aria-valuemin")).toBe("0");
    expect(slider.getAttribute("aria-valuemax")).toBe(String(store.getState().endMs));
    expect(slider.getAttribute("aria-valuetext")).toBe("0 µs");
    act(() => {
      store.getState().seek(2.5);
    });
    expect(slider.getAttribute("aria-valuenow")).toBe("2.5");
    expect(slider.getAttribute("aria-valuetext")).toBe("2.500 ms");
  });

  it("steps from event to event with the arrows, to either end with Home and End, and pauses", () => {
    const { store, slider } = setup({ mode: "writethrough" }, ["osync", "normal"]);
    const [, first, second] = store.getState().instants;
    act(() => {
      store.getState().setPlaying(true);
    });
    fireEvent.keyDown(slider, { key: "ArrowRight" });
    expect(store.getState().playing).toBe(false);
    expect(slider.getAttribute("aria-valuetext")).toBe(formatModelTime(first ?? NaN));
    fireEvent.keyDown(slider, { key: "ArrowUp" });
    expect(slider.getAttribute("aria-valuetext")).toBe(formatModelTime(second ?? NaN));
    fireEvent.keyDown(slider, { key: "ArrowLeft" });
    expect(slider.getAttribute("aria-valuetext")).toBe(formatModelTime(first ?? NaN));
    fireEvent.keyDown(slider, { key: "End" });
    expect(slider.getAttribute("aria-valuenow")).toBe(String(store.getState().endMs));
    fireEvent.keyDown(slider, { key: "Home" });
    expect(slider.getAttribute("aria-valuetext")).toBe("0 µs");
    fireEvent.keyDown(slider, { key: "PageUp" });
    expect(store.getState().tMs).toBeGreaterThan(0);
  });

  it("names the exposure: writethrough puts no acknowledged write at risk", () => {
    setup({ mode: "writethrough" }, ["osync", "osync"]);
    expect(
      screen.getByRole("img", {
        name: /^Exposure: at most 0 writes that had returned a power cut would destroy at one instant/,
      }),
    ).toBeTruthy();
  });

  it("names the exposure: writeback without barriers puts every acknowledged write at risk", () => {
    setup({ mode: "writeback", guestBarriers: false, diskCache: "volatile" }, [
      "osync",
      "normal",
      "osync",
    ]);
    expect(
      screen.getByRole("img", {
        name: /^Exposure: at most 3 writes that had returned a power cut would destroy at one instant/,
      }),
    ).toBeTruthy();
  });
});
