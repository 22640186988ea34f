/**
 * The diagram store: the user's document (configuration, writes, the power cut) and playback.
 * Tests drive it as the UI does: move the playhead (as the animation loop would), then act.
 */
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_CONFIG, simulateSession, type SessionConfig } from "./session";
import { createDiagramStore } from "./store";

const NONE: SessionConfig = {
  mode: "none",
  guestBarriers: false,
  guestFs: "ext4",
  diskCache: "battery",
};

/** What the animation loop does: advance the live playhead without notifying anyone. */
function moveTo(store: ReturnType<typeof createDiagramStore>, tMs: number): void {
  const { playhead, clock } = store.getState();
  playhead.tMs = tMs;
  playhead.screenS = clock.toScreen(tMs);
}

describe("createDiagramStore", () => {
  it("starts paused at t = 0 with no writes and the given configuration", () => {
    const state = createDiagramStore(NONE).getState();
    expect(state.config).toEqual(NONE);
    expect(state.ops).toEqual([]);
    expect(state.playing).toBe(false);
    expect(state.tMs).toBe(0);
    expect(state.playhead).toEqual({ tMs: 0, screenS: 0 });
    expect(state.failure).toBeNull();
    expect(state.configNote).toBeNull();
    expect(state.timeline.ops).toEqual([]);
    expect(state.tokens).toEqual([]);
    expect(state.events).toEqual([]);
    expect(state.clock.totalS).toBe(0);
  });

  it("uses the default configuration when given none", () => {
    expect(createDiagramStore().getState().config).toEqual(DEFAULT_CONFIG);
  });

  it("each store has its own playhead", () => {
    const a = createDiagramStore();
    const b = createDiagramStore();
    moveTo(a, 5);
    expect(b.getState().playhead.tMs).toBe(0);
  });
});

describe("issue", () => {
  it("appends a write at the playhead's time with the current configuration", () => {
    const store = createDiagramStore(NONE);
    moveTo(store, 12);
    store.getState().issue("osync");
    const state = store.getState();
    expect(state.ops).toEqual([{ atMs: 12, kind: "osync", config: NONE }]);
    expect(state.tMs).toBe(12);
    expect(state.playhead.tMs).toBe(12);
  });

  it("rebuilds the timeline, the clock, the tokens and the events", () => {
    const store = createDiagramStore(NONE);
    const before = store.getState();
    moveTo(store, 12);
    store.getState().issue("osync");
    const state = store.getState();
    expect(state.timeline).toEqual(simulateSession(state.ops, null));
    expect(state.timeline.ops).toHaveLength(1);
    expect(state.timeline.ops[0]?.paths).toEqual(["gray"]);
    expect(state.clock).not.toBe(before.clock);
    // The clock spans every event, so playback runs until the write's last hop has ended and
    // the journal has committed.
    expect(state.clock.endMs).toBe(Math.max(...state.events.map((e) => e.tMs)));
    expect(state.clock.endMs).toBe(state.timeline.endMs);
    expect(state.tokens).toHaveLength(1);
    expect(state.tokens[0]?.map((h) => h.route)).toEqual(
      state.timeline.ops[0]?.hops.map((h) => h.route),
    );
    expect(state.events.some((e) => e.text.startsWith("#0 O_SYNC write acknowledged"))).toBe(true);
  });

  it("keeps the playhead's screen position consistent with the new clock", () => {
    const store = createDiagramStore();
    store.getState().issue("normal");
    moveTo(store, 3);
    store.getState().issue("osync");
    const { playhead, clock } = store.getState();
    expect(playhead.screenS).toBe(clock.toScreen(3));
    expect(playhead.screenS).toBeGreaterThan(0);
  });

  it("later writes take the configuration in force when they are issued", () => {
    const store = createDiagramStore();
    store.getState().issue("osync");
    store.getState().setConfig({ mode: "writethrough" });
    moveTo(store, 1);
    store.getState().issue("osync");
    const { ops, timeline } = store.getState();
    expect(ops.map((o) => o.config.mode)).toEqual(["writeback", "writethrough"]);
    expect(timeline.ops.map((o) => o.paths)).toEqual([["red", "green"], ["blue"]]);
  });

  it("notifies subscribers once per write", () => {
    const store = createDiagramStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().issue("barrier");
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});

describe("setConfig", () => {
  it("changes only the given switches", () => {
    const store = createDiagramStore(NONE);
    store.getState().setConfig({ guestBarriers: true });
    expect(store.getState().config).toEqual({ ...NONE, guestBarriers: true });
  });

  it("while a write is in flight, explains that the change applies to new writes only", () => {
    const store = createDiagramStore();
    store.getState().issue("osync");
    moveTo(store, 0.01); // still on its way down
    store.getState().setConfig({ mode: "none" });
    const note = store.getState().configNote;
    expect(note).toMatch(/new writes/);
    expect(note).toMatch(/in flight/);
    // The write in flight keeps its configuration.
    expect(store.getState().ops[0]?.config.mode).toBe("writeback");
    expect(store.getState().timeline.ops[0]?.paths).toEqual(["red", "green"]);
  });

  it("when idle (no writes), sets no note", () => {
    const store = createDiagramStore();
    store.getState().setConfig({ mode: "unsafe" });
    expect(store.getState().configNote).toBeNull();
    expect(store.getState().config.mode).toBe("unsafe");
  });

  it("once every write has finished moving, sets no note and clears an earlier one", () => {
    const store = createDiagramStore({ ...DEFAULT_CONFIG, mode: "writethrough" });
    store.getState().issue("osync");
    store.getState().setConfig({ diskCache: "off" });
    expect(store.getState().configNote).not.toBeNull();
    moveTo(store, store.getState().timeline.endMs + 1);
    store.getState().setConfig({ mode: "directsync" });
    expect(store.getState().configNote).toBeNull();
  });
});

describe("fail", () => {
  it("cuts the power at the playhead: writes not yet on stable storage are lost", () => {
    const store = createDiagramStore();
    store.getState().issue("normal"); // sits in the guest page cache for 30 s
    store.getState().issue("osync"); // on the platters after ~14 ms
    store.getState().setPlaying(true);
    moveTo(store, 1_000);
    store.getState().fail("power");
    const state = store.getState();
    expect(state.failure).toBe("power");
    expect(state.timeline.crash).toEqual({ atMs: 1_000, kind: "power" });
    expect(state.timeline.ops.map((o) => o.survives)).toEqual([false, true]);
    expect(state.events.some((e) => e.text.startsWith("Power lost. Lost: #0."))).toBe(true);
    expect(state.tMs).toBe(1_000);
  });

  it("pauses playback", () => {
    const store = createDiagramStore();
    store.getState().issue("normal");
    store.getState().setPlaying(true);
    store.getState().fail("power");
    expect(store.getState().playing).toBe(false);
  });

  it("disables further writes and a second power cut", () => {
    const store = createDiagramStore();
    store.getState().issue("normal");
    moveTo(store, 5);
    store.getState().fail("power");
    const after = store.getState();
    moveTo(store, 10);
    store.getState().issue("osync");
    store.getState().fail("power");
    expect(store.getState().ops).toBe(after.ops);
    expect(store.getState().timeline).toBe(after.timeline);
    expect(store.getState().timeline.crash?.atMs).toBe(5);
  });

  it("afterwards, a configuration change says the writes shown ran under the old one", () => {
    const store = createDiagramStore();
    store.getState().issue("osync");
    store.getState().fail("power");
    store.getState().setConfig({ mode: "none" });
    expect(store.getState().configNote).toMatch(/press Reset to try the new one/);
  });
});

describe("reset", () => {
  it("clears the writes, the power cut, the note and the playhead, and pauses", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    moveTo(store, 0.05);
    store.getState().setConfig({ mode: "writeback" });
    store.getState().setPlaying(true);
    store.getState().fail("power");
    store.getState().setPlaying(true);
    store.getState().reset();
    const state = store.getState();
    expect(state.ops).toEqual([]);
    expect(state.failure).toBeNull();
    expect(state.timeline.ops).toEqual([]);
    expect(state.timeline.crash).toBeNull();
    expect(state.tokens).toEqual([]);
    expect(state.events).toEqual([]);
    expect(state.tMs).toBe(0);
    expect(state.playhead).toEqual({ tMs: 0, screenS: 0 });
    expect(state.playing).toBe(false);
    expect(state.configNote).toBeNull();
  });

  it("re-enables writes after a power cut", () => {
    const store = createDiagramStore();
    store.getState().fail("power");
    store.getState().reset();
    store.getState().issue("normal");
    expect(store.getState().ops).toHaveLength(1);
  });
});

describe("playback", () => {
  it("setPlaying and setSpeed set what they say", () => {
    const store = createDiagramStore();
    store.getState().setPlaying(true);
    store.getState().setSpeed(4);
    expect(store.getState().playing).toBe(true);
    expect(store.getState().speed).toBe(4);
  });

  it("commit copies the live playhead into tMs", () => {
    const store = createDiagramStore();
    store.getState().issue("osync");
    moveTo(store, 7.5);
    expect(store.getState().tMs).toBe(0); // moving the playhead renders nothing by itself
    store.getState().commit();
    expect(store.getState().tMs).toBe(7.5);
  });

  it("commit notifies only when the playhead moved", () => {
    const store = createDiagramStore();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.getState().commit();
    expect(listener).not.toHaveBeenCalled();
    moveTo(store, 1);
    store.getState().commit();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
  });
});

describe("step", () => {
  it("moves the playhead to the next and previous instants where anything happens, and pauses", () => {
    const store = createDiagramStore({
      mode: "writethrough",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    });
    store.getState().issue("osync");
    store.getState().setPlaying(true);
    const instants = [...new Set(store.getState().events.map((e) => e.tMs))].sort((a, b) => a - b);
    store.getState().step(1);
    expect(store.getState().playing).toBe(false);
    const first = store.getState().tMs;
    expect(first).toBe(instants.find((t) => t > 0));
    expect(store.getState().playhead.screenS).toBe(store.getState().clock.toScreen(first));
    store.getState().step(1);
    expect(store.getState().tMs).toBeGreaterThan(first);
    store.getState().step(-1);
    expect(store.getState().tMs).toBe(first);
  });

  it("stays put at either end", () => {
    const store = createDiagramStore();
    store.getState().issue("normal");
    store.getState().step(-1);
    expect(store.getState().tMs).toBe(0);
    const last = store.getState().clock.endMs;
    for (let i = 0; i < 50; i++) store.getState().step(1);
    expect(store.getState().tMs).toBe(last);
  });
});
