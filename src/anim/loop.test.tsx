// @vitest-environment happy-dom
/**
 * The animation loop's promises: tokens move every frame while React commits nothing (checked
 * with React's Profiler), and the loop stops when paused, hidden, off screen or done.
 */
import { act, fireEvent, render, screen } from "@testing-library/react";
import { Profiler } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../ui/app/App";
import { FULL_PAGE } from "../link/view";
import { createDiagramStore } from "../store/store";
import { createLoop, createSurface } from "./loop";
import type { PaintedAck, PaintedToken } from "./canvas";
import { REST_SLOTS } from "../geometry/layout";
import { DEFAULT_CONFIG } from "../scenario/session";

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
    // The timeline is a lazy part: on a loaded machine it can take more than findBy's default second.
    await screen.findByRole("slider", { name: "Time" }, { timeout: 15_000 });
    await screen.findByRole("table", { name: "Operations" }, { timeout: 15_000 });
    await screen.findByText(/Writes promised durable/, undefined, { timeout: 15_000 });
    await screen.findByRole("button", { name: "Copy link" });
    // The event line's words too: settle every module loaded after the first view.
    await act(async () => {
      await import("../text/sentences");
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
    const loop = createLoop(store, createSurface());
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
    const loop = createLoop(store, { ...createSurface(), tokens });
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

describe("painted on a canvas", () => {
  const SVG = "http://www.w3.org/2000/svg";
  /** The same scenario, at the same instant, drawn on SVG nodes and painted on a canvas. */
  function bothWays(seekMs: number | "an ack", strike: boolean) {
    const store = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writethrough" });
    const kinds = ["normal", "osync", "barrier", "odirect"] as const;
    for (let i = 0; i < 40; i++) {
      store.getState().seek((i % 7) * 0.9);
      store.getState().issue(kinds[i % kinds.length] ?? "normal");
    }
    // Just after write 4 returned: its ack mark is on its way up.
    const acked = store.getState().timeline.ops[4]?.ackedAtMs ?? 0;
    store.getState().seek(seekMs === "an ack" ? acked + 0.001 : seekMs);
    if (strike) store.getState().fail("power");
    const state = store.getState();
    const tokens = state.tokens.map(() => document.createElementNS(SVG, "g"));
    const acks = state.timeline.ops.map(() => {
      // As React renders them: hidden until the loop shows one.
      const el = document.createElementNS(SVG, "g");
      el.style.visibility = "hidden";
      return el;
    });
    createLoop(store, { ...createSurface(), highlight: 0, tokens, acks }).redraw();
    const shown = tokens.flatMap((el, i) =>
      el.style.visibility === "hidden"
        ? []
        : [`${String(i)} ${el.getAttribute("transform") ?? ""}`],
    );
    const acksShown = acks.flatMap((el) =>
      el.style.visibility === "hidden" ? [] : [el.getAttribute("transform") ?? ""],
    );
    const painted: { tokens: readonly PaintedToken[]; acks: readonly PaintedAck[] }[] = [];
    const canvas = {
      paint: (t: readonly PaintedToken[], a: readonly PaintedAck[]) =>
        painted.push({ tokens: t, acks: a }),
      destroy: () => undefined,
    };
    createLoop(store, { ...createSurface(), highlight: 0, canvas }).redraw();
    return { state, shown, acksShown, painted };
  }

  it("paints the marks the SVG layer shows, where it shows them, first write at the bottom", () => {
    for (const [seekMs, strike] of [
      [0.5, false],
      ["an ack", false],
      [3, false],
      [3, true],
      [20, true],
    ] as const) {
      const { state, shown, acksShown, painted } = bothWays(seekMs, strike);
      expect(painted).toHaveLength(1);
      const frame = painted[0];
      if (!frame) throw new Error("nothing painted");
      const at = (p: { x: number; y: number }) => `translate(${p.x.toFixed(2)} ${p.y.toFixed(2)})`;
      // The same faces: painted in index order, so the SVG's shown nodes, sorted by index.
      expect(frame.tokens.map((t) => at(t))).toEqual(
        shown
          .map((s) => s.split(" "))
          .sort((a, b) => Number(a[0]) - Number(b[0]))
          .map((s) => s.slice(1).join(" ")),
      );
      expect(frame.acks.map(at)).toEqual(acksShown);
      // Lost marks only where the model says the write did not survive (struck: the playhead is at the failure).
      const lostOps = new Set(
        state.timeline.ops.flatMap((op, i) => (op.survives === false ? [i] : [])),
      );
      const lost = frame.tokens.filter((t) => t.lost).length;
      expect(lost).toBeLessThanOrEqual(lostOps.size);
      if (strike) expect(lost).toBeGreaterThan(0);
      if (seekMs === "an ack") expect(frame.acks.length).toBeGreaterThan(0);
      expect(frame.tokens.some((t) => t.highlighted)).toBe(true);
    }
  });
});

describe("journal commit blocks", () => {
  const SVG = "http://www.w3.org/2000/svg";
  /** Where each journal block is drawn at `atMs`, with the store's writes as they are. */
  function journalPlaces(store: ReturnType<typeof createDiagramStore>, atMs: number) {
    store.getState().seek(atMs);
    const state = store.getState();
    const tokens = state.tokens.map(() => document.createElementNS(SVG, "g"));
    const loop = createLoop(store, { ...createSurface(), tokens });
    loop.redraw();
    loop.destroy();
    return tokens.slice(state.timeline.ops.length).map((el) => el.getAttribute("transform"));
  }

  it("stay where they are when a write is issued later", () => {
    const store = createDiagramStore({
      ...DEFAULT_CONFIG,
      guestFs: "ext3",
      guestBarriers: false,
      reorder: true,
    });
    for (let i = 0; i < 5; i++) store.getState().issue("normal");
    const before = journalPlaces(store, 5_100);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((t) => t !== null)).toBe(true);
    store.getState().seek(60_000);
    store.getState().issue("normal");
    expect(journalPlaces(store, 5_100).slice(0, before.length)).toEqual(before);
  });
});
