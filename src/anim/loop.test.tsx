// @vitest-environment happy-dom
/**
 * The animation loop's promises: tokens move every frame while React commits nothing (checked
 * with React's Profiler), and the loop stops when paused, hidden, off screen or done.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Profiler } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../ui/App";
import { FULL_PAGE } from "../ui/view";
import { createDiagramStore } from "../store/store";
import { createLoop } from "./loop";
import { REST_SLOTS } from "../geometry/layout";
import { DEFAULT_CONFIG } from "../store/session";

const FRAME_MS = 16;

function frames(n: number) {
  act(() => {
    vi.advanceTimersByTime(n * FRAME_MS);
  });
}

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ["requestAnimationFrame", "cancelAnimationFrame", "performance", "Date"],
  });
});

afterEach(() => {
  vi.useRealTimers();
});

describe("steady playback", () => {
  it("moves the token every frame without a single React commit", async () => {
    let commits = 0;
    const store = createDiagramStore({
      ...DEFAULT_CONFIG,
      mode: "writethrough",
      guestBarriers: false,
    });
    const { container, unmount } = render(
      <Profiler id="app" onRender={() => commits++}>
        <App store={store} view={FULL_PAGE} initialNotices={[]} />
      </Profiler>,
    );
    // What loads just after the first view has arrived (its own commits are not the loop's).
    await screen.findByRole("slider", { name: "Time" });
    await screen.findByRole("table", { name: "Operations" });
    await screen.findByText(/Synced writes/);
    await screen.findByRole("button", { name: "Copy link" });
    // The event line's words too: settle every module loaded after the first view.
    await act(async () => {
      await import("../ui/sentences");
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    fireEvent.click(screen.getByRole("button", { name: "O_SYNC write" }));
    fireEvent.click(screen.getByRole("button", { name: "Play" }));
    const token = container.querySelector('.token[data-op="0"]');
    if (!token) throw new Error("no token for op 0");
    // Play until the write rides the blue arrow from the drive's cache down to the platters
    // (a 14 ms platter write: nearly 2 s on screen, with no event on the way).
    const onLongLeg = () =>
      token.getAttribute("data-path") === "blue" &&
      token.getAttribute("data-layer") === "disk-cache";
    for (let i = 0; i < 400 && !onLongLeg(); i++) frames(1);
    expect(onLongLeg()).toBe(true);
    frames(2);

    commits = 0;
    const transforms = new Set<string | null>();
    for (let i = 0; i < 30; i++) {
      frames(1);
      transforms.add(token.getAttribute("transform"));
    }
    expect(token.getAttribute("data-path")).toBe("blue");
    expect(transforms.size).toBeGreaterThan(20);
    expect(commits).toBe(0);
    // Unmount before the environment goes: nothing of React's may run after it.
    unmount();
  });
});

describe("the loop stops", () => {
  function playingLoop() {
    const store = createDiagramStore({
      ...DEFAULT_CONFIG,
      mode: "writethrough",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    });
    const loop = createLoop(store, { tokens: [], acks: [], readout: null, thumb: null });
    store.getState().issue("osync");
    store.getState().setPlaying(true);
    return { store, loop };
  }

  it("runs while playing with something left to show", () => {
    const { loop } = playingLoop();
    expect(loop.running).toBe(true);
    loop.destroy();
  });

  it("when paused", () => {
    const { store, loop } = playingLoop();
    frames(5);
    store.getState().setPlaying(false);
    expect(loop.running).toBe(false);
    const { tMs } = store.getState().playhead;
    frames(30);
    expect(store.getState().playhead.tMs).toBe(tMs);
    loop.destroy();
  });

  it("when the tab is hidden or the diagram off screen, and resumes after", () => {
    const { loop } = playingLoop();
    loop.setVisible(false);
    expect(loop.running).toBe(false);
    loop.setVisible(true);
    expect(loop.running).toBe(true);
    loop.setOnScreen(false);
    expect(loop.running).toBe(false);
    loop.setOnScreen(true);
    expect(loop.running).toBe(true);
    loop.destroy();
  });

  it("when everything has happened, committing the final time", () => {
    const { store, loop } = playingLoop();
    frames(2_000);
    expect(loop.running).toBe(false);
    expect(store.getState().tMs).toBe(store.getState().clock.endMs);
    loop.destroy();
  });
});

describe("tokens exactly under another", () => {
  const SVG = "http://www.w3.org/2000/svg";
  function drawn(ops: readonly ("normal" | "osync")[], strike = false) {
    const store = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writeback" });
    for (const kind of ops) store.getState().issue(kind);
    if (strike) store.getState().fail("power");
    const tokens = ops.map(() => document.createElementNS(SVG, "g"));
    const loop = createLoop(store, { tokens, acks: [], readout: null, thumb: null });
    loop.redraw();
    loop.destroy();
    return tokens.map((el) => ({
      hidden: el.style.visibility === "hidden",
      layer: el.dataset.layer,
      transform: el.getAttribute("transform"),
    }));
  }

  it("a token the same as a later one at the same place is hidden, its layer still written", () => {
    // A box has REST_SLOTS (6) places: #0 and #6 stand at the same point.
    const marks = drawn(Array.from({ length: REST_SLOTS + 1 }, () => "normal" as const));
    expect(marks[REST_SLOTS]?.hidden).toBe(false);
    expect(marks[0]?.hidden).toBe(true);
    expect(marks[0]?.layer).toBe(marks[REST_SLOTS]?.layer);
    // Every other one has a place of its own and shows.
    expect(marks.slice(1, REST_SLOTS).every((m) => !m.hidden)).toBe(true);
  });

  it("a different kind at the same place is not covered (its shape differs), and shows", () => {
    const marks = drawn(["osync", ...Array.from({ length: REST_SLOTS }, () => "normal" as const)]);
    expect(marks[0]?.hidden).toBe(false);
    expect(marks[0]?.transform).toBe(marks[REST_SLOTS]?.transform);
  });
});
