/**
 * What a host hears: driven through a real store and the real model, as a host page would.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../scenario/session";
import { createDiagramStore } from "../store/store";
import type { DiagramEvent } from "./protocol";
import { watchDiagram } from "./events";

function listen(config = DEFAULT_CONFIG) {
  const store = createDiagramStore(config);
  const heard: DiagramEvent[] = [];
  watchDiagram(store, (e) => heard.push(e));
  return { store, heard, names: () => heard.map((e) => e.name) };
}

const ONE_WRITE = {
  version: 1,
  config: { mode: "writeback", guestBarriers: true },
  ops: [{ at: 0, kind: "osync" }],
} as const;

describe("watchDiagram", () => {
  it("tells the new state when a write is issued, and nothing else yet", () => {
    const { store, heard } = listen();
    store.getState().issue("osync");
    expect(heard).toEqual([
      {
        name: "state",
        tMs: 0,
        playing: false,
        scenario: {
          version: 1,
          config: {
            mode: "writeback",
            guestBarriers: true,
            guestFs: "ext4",
            diskCache: "volatile",
          },
          ops: [{ at: 0, kind: "osync" }],
        },
      },
    ]);
  });

  it("tells acknowledgement and durability as the playhead passes them, in time order", () => {
    const { store, heard } = listen({ ...DEFAULT_CONFIG, mode: "writethrough" });
    store.getState().issue("normal");
    store.getState().issue("osync");
    const { timeline } = store.getState();
    heard.length = 0;
    store.getState().seek(store.getState().endMs);
    const expected = timeline.ops
      .flatMap((op) => [
        { name: "acked", write: op.index, atMs: op.ackedAtMs },
        { name: "durable", write: op.index, atMs: op.durableAtMs },
      ])
      .filter((e) => e.atMs !== null)
      .sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
    const told = heard.filter((e) => e.name === "acked" || e.name === "durable");
    expect(told.map((e) => ({ name: e.name, write: e.write, atMs: e.atMs }))).toEqual(expected);
    expect(heard.at(-1)?.name).toBe("state");
    // Going back tells no acknowledgement again.
    heard.length = 0;
    store.getState().seek(0);
    expect(heard.map((e) => e.name)).toEqual(["state"]);
  });

  it("tells a barrier's return, and the durability of the write it covers, not of the barrier", () => {
    const { store, heard } = listen({ ...DEFAULT_CONFIG, mode: "none" });
    store.getState().issue("normal");
    store.getState().issue("barrier");
    heard.length = 0;
    store.getState().seek(store.getState().endMs);
    const told = heard.filter((e) => e.name === "acked" || e.name === "durable");
    expect(told.map((e) => `${e.name} #${String(e.write)}`)).toEqual([
      "acked #0",
      "durable #0",
      "acked #1",
    ]);
  });

  it("tells which writes a power loss destroyed, and which of them had been acknowledged", () => {
    const { store, heard } = listen({ ...DEFAULT_CONFIG, guestBarriers: false });
    store.getState().issue("normal");
    store.getState().issue("osync");
    // Both writes are acknowledged (the O_SYNC one in the host page cache, without barriers).
    const acked = Math.max(...store.getState().timeline.ops.map((op) => op.ackedAtMs ?? 0));
    store.getState().seek(acked + 1);
    heard.length = 0;
    store.getState().fail("power");
    const lost = heard.find((e) => e.name === "lost");
    const { ops } = store.getState().timeline;
    expect(ops.every((op) => op.survives === false)).toBe(true);
    expect(lost).toEqual({
      name: "lost",
      failure: "power",
      atMs: acked + 1,
      writes: [0, 1],
      acked: [0, 1],
    });
    // Undoing it tells the state, not a loss.
    heard.length = 0;
    store.getState().undoFailure();
    expect(heard.map((e) => e.name)).toEqual(["state"]);
  });

  it("a playhead moved in two steps tells each moment once, in the step that reaches it", () => {
    const { store, heard } = listen({ ...DEFAULT_CONFIG, mode: "writethrough" });
    store.getState().issue("normal");
    const op = store.getState().timeline.ops[0];
    const acked = op?.ackedAtMs ?? 0;
    const durable = op?.durableAtMs ?? 0;
    expect(durable).toBeGreaterThan(acked);
    heard.length = 0;
    store.getState().seek(acked);
    expect(heard.map((e) => e.name)).toEqual(["acked", "state"]);
    heard.length = 0;
    store.getState().seek(durable);
    expect(heard.map((e) => e.name)).toEqual(["durable", "state"]);
  });

  it("a new document tells its state only, never the moments its playhead starts past", () => {
    const { store, heard } = listen();
    store.getState().load(ONE_WRITE, 1_000);
    expect(heard.map((e) => e.name)).toEqual(["state"]);
  });

  it("tells a loss when the playhead reaches a failure, once, and not before", () => {
    const { store, heard } = listen();
    store.getState().load({ ...ONE_WRITE, crash: { at: 50, kind: "power" } }, 0);
    expect(heard.map((e) => e.name)).toEqual(["state"]);
    heard.length = 0;
    store.getState().seek(50);
    expect(heard.filter((e) => e.name === "lost")).toHaveLength(1);
    heard.length = 0;
    store.getState().seek(50);
    store.getState().seek(40);
    store.getState().seek(50);
    expect(heard.filter((e) => e.name === "lost")).toHaveLength(1);
  });

  it("while playing, tells the moments passed but not the state; pausing tells it", () => {
    const { store, heard } = listen({ ...DEFAULT_CONFIG, mode: "writethrough" });
    store.getState().issue("normal");
    store.getState().setPlaying(true);
    heard.length = 0;
    store.getState().advance(3);
    expect(store.getState().tMs).toBeGreaterThan(0);
    expect(heard.map((e) => e.name).filter((n) => n === "state")).toEqual([]);
    store.getState().setPlaying(false);
    expect(heard.at(-1)).toMatchObject({ name: "state", playing: false });
    heard.length = 0;
    store.getState().setPlaying(false);
    expect(heard).toEqual([]);
  });
});
