// @vitest-environment happy-dom
/**
 * The diagram as a whole, on the real store: the drawing's name says the configuration, its
 * controls change it, a token appears per write, the timeline arrives under it, the clock
 * readout says model time and, at a failure, which one struck. On a phone's width the arrows'
 * labels are written under the drawing.
 */
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import type { Window as HappyWindow } from "happy-dom";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type SessionConfig } from "../../scenario/session";
import { createDiagramStore } from "../../store/store";
import { providers } from "../app/testing";
import { Diagram } from "./Diagram";

/** The window's width, which the diagram's media query (the phone's 30rem) reads. */
function viewport(width: number) {
  (window as unknown as HappyWindow).happyDOM.setViewport({ width, height: 800 });
}

afterEach(() => {
  cleanup();
  viewport(1024);
});

function setup(config: Partial<SessionConfig> = {}, timeline = true) {
  const store = createDiagramStore({ ...DEFAULT_CONFIG, ...config });
  const { container } = render(<Diagram timeline={timeline} />, { wrapper: providers(store) });
  return { store, container };
}

const stack = () => screen.getByRole("group", { name: /^Storage stack of a KVM guest/ });

describe("Diagram", () => {
  it("names the drawing after the configuration, and follows a change made on it", () => {
    const { store } = setup({ mode: "writeback", guestFs: "ext4", guestBarriers: true });
    expect(stack().getAttribute("aria-label")).toMatch(
      /^Storage stack of a KVM guest under cache=writeback, ext4 guest with barriers on, disk write cache volatile: /,
    );
    fireEvent.click(screen.getByRole("button", { name: /^QEMU cache mode: writeback\./ }));
    expect(store.getState().config.mode).toBe("none");
    expect(stack().getAttribute("aria-label")).toContain("under cache=none,");
    fireEvent.click(screen.getByRole("button", { name: /^Guest filesystem: ext4, barriers on\./ }));
    expect(store.getState().config.guestBarriers).toBe(false);
    expect(stack().getAttribute("aria-label")).toContain("barriers off");
  });

  it("draws a token per write, as the writes are issued", () => {
    const { store, container } = setup();
    expect(container.querySelectorAll(".token")).toHaveLength(0);
    act(() => {
      store.getState().issue("osync");
      store.getState().issue("normal");
    });
    expect(
      [...container.querySelectorAll(".token")].map((t) => t.getAttribute("data-kind")),
    ).toEqual(["osync", "normal"]);
  });

  it("has the timeline under it (presenter mode leaves it out)", async () => {
    setup();
    expect(await screen.findByRole("slider", { name: "Time" })).toBeTruthy();
    cleanup();
    setup({}, false);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByRole("slider", { name: "Time" })).toBeNull();
  });

  it("says model time under the drawing, and which failure struck", () => {
    const { store, container } = setup();
    const readout = container.querySelector("figcaption");
    expect(readout?.textContent).toBe("Model time: 0 µs");
    act(() => {
      store.getState().issue("normal");
      store.getState().fail("host");
    });
    expect(readout?.textContent).toContain("— host crashed");
    act(() => {
      store.getState().undoFailure();
    });
    expect(readout?.textContent).not.toContain("crashed");
  });

  it("on a phone's width, writes the arrows that speak under the drawing", () => {
    viewport(400);
    const { container } = setup({ mode: "writeback", guestBarriers: false });
    const key = container.querySelector(".lane-key");
    expect([...(key?.children ?? [])].map((span) => span.textContent)).toEqual([
      "red: host page cache",
      "green: never sent",
    ]);
    // The drawing itself then has no label column.
    expect(container.querySelectorAll(".arrow-label")).toHaveLength(0);
  });
});
