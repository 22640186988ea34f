/**
 * The diagram store: the document (a scenario) and playback with one writer per piece of state.
 * Tests drive it as the UI does: seek or advance the playhead, then act.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS } from "../model/config";
import { FAILURE_KINDS, OP_KINDS } from "../model/timeline";
import { validateScenario, type ScenarioDoc } from "../scenario/schema";
import { MAX_WRITES } from "../scenario/limit";
import { DEFAULT_CONFIG, simulateSession, type SessionConfig } from "../scenario/session";
import { ACK_TRAVEL_S, createDiagramStore, playbackEndS, struck } from "./store";

const NONE: SessionConfig = {
  ...DEFAULT_CONFIG,
  mode: "none",
  guestBarriers: false,
  guestFs: "ext4",
  diskCache: "battery",
};

describe("createDiagramStore", () => {
  it("starts paused at t = 0 with no writes and the given configuration", () => {
    const state = createDiagramStore(NONE).getState();
    expect(state.config).toEqual(NONE);
    expect(state.ops).toEqual([]);
    expect(state.playing).toBe(false);
    expect(state.tMs).toBe(0);
    expect(state.playhead).toEqual({ tMs: 0, screenS: 0 });
    expect(state.failure).toBeNull();
    expect(state.timeline.ops).toEqual([]);
    expect([...state.instants]).toEqual([]);
  });

  it("uses the default configuration when given none", () => {
    expect(createDiagramStore().getState().config).toEqual(DEFAULT_CONFIG);
  });

  it("each store has its own playhead", () => {
    const a = createDiagramStore();
    const b = createDiagramStore();
    a.getState().issue("osync");
    a.getState().seek(5);
    expect(b.getState().playhead.tMs).toBe(0);
  });
});

describe("burst", () => {
  it.each(CACHE_MODES)(
    "%s: ten writes from one thread, each issued when the previous one returned",
    (mode) => {
      const config = { ...DEFAULT_CONFIG, mode };
      const store = createDiagramStore(config);
      store.getState().seek(0);
      store.getState().burst("osync", 10);
      const { ops, timeline, tMs } = store.getState();
      expect(ops).toHaveLength(10);
      expect(tMs).toBe(0);
      expect(ops[0]?.atMs).toBe(0);
      for (let i = 1; i < 10; i++) {
        expect(ops[i]?.atMs).toBe(timeline.ops[i - 1]?.ackedAtMs);
        expect(ops[i]?.kind).toBe("osync");
      }
      expect(timeline).toEqual(simulateSession({ config, ops, crash: null }));
    },
  );

  it("does nothing once the failure has struck", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().fail("power");
    store.getState().burst("osync", 10);
    expect(store.getState().ops).toHaveLength(1);
  });
});

describe("issue", () => {
  it("appends a write at the playhead and rebuilds what derives from the document", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().seek(1);
    store.getState().issue("normal");
    const state = store.getState();
    expect(state.ops).toEqual([
      { atMs: 0, kind: "osync" },
      { atMs: 1, kind: "normal" },
    ]);
    expect(state.timeline).toEqual(simulateSession({ config: NONE, ops: state.ops, crash: null }));
    expect(state.tokens).toHaveLength(2);
    expect(state.tMs).toBe(1);
  });

  it("inserts a write in the past: the same instant, whatever was played after it", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().step(1);
    store.getState().step(1);
    store.getState().seek(0.01);
    store.getState().issue("normal");
    expect(store.getState().ops[1]).toEqual({ atMs: 0.01, kind: "normal" });
  });

  it("notifies subscribers once per write", () => {
    const store = createDiagramStore(NONE);
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().issue("normal");
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("the limit on writes (MAX_WRITES)", () => {
  /** A store holding `n` normal writes, 1 ms apart, the playhead at the last. */
  function holding(n: number) {
    const store = createDiagramStore(NONE);
    const ops = Array.from({ length: n }, (_, i) => ({ at: i, kind: "normal" as const }));
    store.getState().load({ version: 1, config: store.getState().toScenario().config, ops }, n);
    return store;
  }

  it("takes the last write that fits, then refuses the next one and changes nothing", () => {
    const store = holding(MAX_WRITES - 1);
    store.getState().issue("osync");
    const full = store.getState();
    expect(full.ops).toHaveLength(MAX_WRITES);
    const listener = vi.fn();
    store.subscribe(listener);
    store.getState().issue("osync");
    store.getState().burst("osync", 1);
    expect(listener).not.toHaveBeenCalled();
    expect(store.getState()).toBe(full);
  });

  it("refuses a burst whole when fewer writes than it issues still fit", () => {
    const store = holding(MAX_WRITES - 9);
    const before = store.getState();
    store.getState().burst("osync", 10);
    expect(store.getState()).toBe(before);
    store.getState().burst("osync", 9);
    expect(store.getState().ops).toHaveLength(MAX_WRITES);
  });
});

describe("setConfig", () => {
  it("runs the same writes again under the new configuration; the playhead stays", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().seek(0.05);
    store.getState().setConfig({ mode: "writeback" });
    const state = store.getState();
    expect(state.config.mode).toBe("writeback");
    expect(state.timeline.ops[0]?.paths[0]).toBe("red");
    expect(state.tMs).toBe(0.05);
    expect(state.playhead.screenS).toBe(state.clock.toScreen(0.05));
    expect(state.configNote).toBe("rerun");
  });

  it("without writes, says nothing", () => {
    const store = createDiagramStore(NONE);
    store.getState().setConfig({ guestBarriers: true });
    expect(store.getState().configNote).toBeNull();
    expect(store.getState().config).toEqual({ ...NONE, guestBarriers: true });
  });
});

describe("failures are points in time", () => {
  it("strikes at the playhead, pauses, and stops the world there", () => {
    const store = createDiagramStore({ ...NONE, diskCache: "volatile" });
    store.getState().issue("osync");
    store.getState().setPlaying(true);
    store.getState().seek(0.05);
    store.getState().fail("power");
    const state = store.getState();
    expect(state.failure).toEqual({ atMs: 0.05, kind: "power" });
    expect(state.playing).toBe(false);
    expect(state.endMs).toBe(0.05);
    expect(struck(state)).toBe(true);
    expect(state.timeline.ops[0]?.survives).toBe(false);
    // Past it, nothing: no write, no play, no step.
    state.issue("normal");
    state.setPlaying(true);
    state.step(1);
    expect(store.getState()).toMatchObject({ ops: state.ops, playing: false, tMs: 0.05 });
  });

  it("scrubbing before it shows the world before it, and a new strike moves it", () => {
    const store = createDiagramStore({ ...NONE, diskCache: "volatile" });
    store.getState().issue("osync");
    store.getState().seek(0.05);
    store.getState().fail("power");
    store.getState().seek(0.01);
    expect(struck(store.getState())).toBe(false);
    store.getState().fail("host");
    expect(store.getState().failure).toEqual({ atMs: 0.01, kind: "host" });
  });

  it("undo removes the failure and keeps the writes and the playhead", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().issue("normal");
    store.getState().seek(0.02);
    store.getState().fail("qemu");
    store.getState().undoFailure();
    const state = store.getState();
    expect(state.failure).toBeNull();
    expect(state.ops).toHaveLength(2);
    expect(state.tMs).toBe(0.02);
    expect(state.timeline.ops.every((o) => o.survives === null)).toBe(true);
  });

  it("the worst moment: the played instant with the most exposed acknowledged writes", async () => {
    const store = createDiagramStore({ ...NONE, diskCache: "volatile" });
    store.getState().issue("osync");
    const { calm } = store.getState();
    store.getState().seek(store.getState().endMs);
    await store.getState().failAtWorst("power");
    const state = store.getState();
    expect(state.failure).toEqual({ atMs: calm.ops[0]?.ackedAtMs, kind: "power" });
    expect(state.timeline.ops[0]?.survives).toBe(false);
    expect(state.strikeNote).toBe("worst-so-far");
  });
});

describe("playback", () => {
  it("advance moves the live playhead in screen time and commits only at events", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().setPlaying(true);
    const before = store.getState();
    store.getState().advance(0.01);
    const after = store.getState();
    expect(after.playhead).not.toBe(before.playhead);
    expect(after.playhead.screenS).toBeCloseTo(0.01, 12);
    // No event lies within the first 10 ms of screen time: React hears nothing.
    expect(after.tMs).toBe(before.tMs);
    store.getState().advance(1);
    expect(store.getState().tMs).toBe(store.getState().playhead.tMs);
  });

  it("advance follows the speed, and stops at the end, past the last ack's travel", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().setSpeed(2);
    store.getState().setPlaying(true);
    store.getState().advance(0.1);
    expect(store.getState().playhead.screenS).toBeCloseTo(0.2, 12);
    for (let i = 0; i < 100 && store.getState().playing; i++) store.getState().advance(0.1);
    const state = store.getState();
    expect(state.playing).toBe(false);
    expect(state.playhead.screenS).toBe(state.clock.totalS + ACK_TRAVEL_S);
    expect(playbackEndS(state)).toBe(state.playhead.screenS);
    expect(state.tMs).toBe(state.endMs);
  });

  it("Play at the end replays from the start", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().seek(Infinity);
    store.getState().setPlaying(true);
    expect(store.getState()).toMatchObject({ playing: true, tMs: 0 });
  });

  it("seek clamps to what can be shown, and replaces the playhead", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().seek(-5);
    expect(store.getState().tMs).toBe(0);
    store.getState().seek(1e9);
    expect(store.getState().tMs).toBe(store.getState().endMs);
  });

  it("step moves to the next and previous instants where anything happens, and pauses", () => {
    const store = createDiagramStore(NONE);
    store.getState().issue("osync");
    store.getState().setPlaying(true);
    const times = [...store.getState().instants];
    for (const t of times.slice(1)) {
      store.getState().step(1);
      expect(store.getState()).toMatchObject({ tMs: t, playing: false });
    }
    store.getState().step(1);
    expect(store.getState().tMs).toBe(times.at(-1));
    for (const t of times.slice(0, -1).reverse()) {
      store.getState().step(-1);
      expect(store.getState().tMs).toBe(t);
    }
  });
});

/** A random valid scenario document (small, so the property runs fast). */
const scenario: fc.Arbitrary<ScenarioDoc> = fc.record(
  {
    version: fc.constant(1 as const),
    config: fc.record({
      mode: fc.constantFrom(...CACHE_MODES),
      guestBarriers: fc.boolean(),
      guestFs: fc.constantFrom(...GUEST_FILESYSTEMS),
      diskCache: fc.constantFrom(...DISK_CACHES),
    }),
    ops: fc.array(
      fc.record({
        at: fc.oneof(
          fc.integer({ min: 0, max: 60_000 }),
          fc.double({ min: 0, max: 20, noNaN: true }),
        ),
        kind: fc.constantFrom(...OP_KINDS),
      }),
      { maxLength: 12 },
    ),
    crash: fc.record({
      at: fc.double({ min: 0, max: 60_000, noNaN: true }),
      kind: fc.constantFrom(...FAILURE_KINDS),
    }),
  },
  { requiredKeys: ["version", "config", "ops"] },
);

describe("the document as a scenario", () => {
  it("load(toScenario()) is the identity, and toScenario() is always a valid document", () => {
    fc.assert(
      fc.property(scenario, (doc) => {
        const store = createDiagramStore();
        store.getState().load(doc);
        const out = store.getState().toScenario();
        expect(validateScenario(out)).toEqual({ ok: true, scenario: out });
        expect(out).toEqual(doc);
        const again = createDiagramStore();
        again.getState().load(out);
        expect(again.getState().timeline).toEqual(store.getState().timeline);
      }),
      { numRuns: 200 },
    );
  });

  it("load moves the playhead to the given instant (clamped), paused", () => {
    const store = createDiagramStore();
    store.getState().setPlaying(true);
    store.getState().load(
      {
        version: 1,
        config: { mode: "none", guestBarriers: true },
        ops: [{ at: 0, kind: "osync" }],
      },
      0.02,
    );
    expect(store.getState()).toMatchObject({ tMs: 0.02, playing: false });
  });

  it("stepping forward N times then back N times returns the identical state", () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 20 }), fc.nat(), (doc, n, pick) => {
        const store = createDiagramStore();
        store.getState().load(doc);
        const { instants } = store.getState();
        const start = instants.length ? (instants[pick % instants.length] ?? 0) : 0;
        store.getState().seek(start);
        const before = store.getState();
        let moved = 0;
        for (let i = 0; i < n; i++) {
          const t = store.getState().tMs;
          store.getState().step(1);
          if (store.getState().tMs !== t) moved++;
        }
        for (let i = 0; i < moved; i++) store.getState().step(-1);
        const after = store.getState();
        expect(after.tMs).toBe(before.tMs);
        expect(after.playhead).toEqual(before.playhead);
        expect(after.timeline).toBe(before.timeline);
      }),
      { numRuns: 200 },
    );
  });
});
