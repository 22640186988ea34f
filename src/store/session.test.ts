/**
 * The interactive session: writes issued under different configurations are simulated per
 * configuration and stitched back together in issue order. With a single configuration the
 * session must be exactly the model.
 */
import { describe, expect, it } from "vitest";
import { makeConfig } from "../model/config";
import { simulate } from "../model/simulate";
import type { Crash, Op } from "../model/timeline";
import { DEFAULT_CONFIG, simulateSession, type IssuedOp, type SessionConfig } from "./session";

function modelOf(config: SessionConfig, ops: readonly Op[], crash: Crash | null) {
  return simulate({
    config: makeConfig({
      cache: config.mode,
      guestBarriers: config.guestBarriers,
      diskCache: config.diskCache,
    }),
    ops,
    crash,
  });
}

function issued(config: SessionConfig, ops: readonly Op[]): IssuedOp[] {
  return ops.map((op) => ({ ...op, config }));
}

const OPS: Op[] = [
  { atMs: 0, kind: "normal" },
  { atMs: 0, kind: "osync" },
  { atMs: 3, kind: "odirect" },
  { atMs: 5, kind: "barrier" },
  { atMs: 2, kind: "osync" }, // issued later, happens earlier: the user scrubbed back
];

const WRITEBACK = DEFAULT_CONFIG;
const NONE_NO_BARRIERS: SessionConfig = {
  mode: "none",
  guestBarriers: false,
  guestFs: "ext4",
  diskCache: "volatile",
};
const WRITETHROUGH: SessionConfig = {
  mode: "writethrough",
  guestBarriers: false,
  guestFs: "ext4",
  diskCache: "battery",
};

describe("simulateSession", () => {
  it("with no writes is empty", () => {
    expect(simulateSession([], null)).toEqual({
      ops: [],
      journalCommits: [],
      crash: null,
      endMs: 0,
    });
  });

  it.each([WRITEBACK, NONE_NO_BARRIERS, WRITETHROUGH])(
    "with one configuration ($mode) equals the model",
    (config) => {
      const session = simulateSession(issued(config, OPS), null);
      const model = modelOf(config, OPS, null);
      expect(session.ops).toEqual(model.ops);
      expect(session.journalCommits).toEqual(model.journalCommits);
      expect(session.endMs).toBe(model.endMs);
      expect(session.crash).toBeNull();
    },
  );

  it("with one configuration and a crash equals the model with that crash", () => {
    const crash: Crash = { atMs: 4, kind: "power" };
    const session = simulateSession(issued(WRITEBACK, OPS), crash);
    const model = modelOf(WRITEBACK, OPS, crash);
    expect(session.ops).toEqual(model.ops);
    expect(session.journalCommits).toEqual(model.journalCommits);
    expect(session.endMs).toBe(model.endMs);
    expect(session.crash).toEqual(crash);
  });

  describe("with two configurations", () => {
    // Alternate configurations: writes 0, 2, 4 under writeback, 1, 3 under none without barriers.
    const ops: IssuedOp[] = OPS.map((op, i) => ({
      ...op,
      config: i % 2 === 0 ? WRITEBACK : NONE_NO_BARRIERS,
    }));
    const session = simulateSession(ops, null);

    it("reports one result per write, indexed by its position in issue order", () => {
      expect(session.ops.map((o) => o.index)).toEqual([0, 1, 2, 3, 4]);
      expect(session.ops.map((o) => o.kind)).toEqual(ops.map((o) => o.kind));
      expect(session.ops.map((o) => o.atMs)).toEqual(ops.map((o) => o.atMs));
    });

    it("gives each write the result of simulating its own configuration's writes", () => {
      for (const config of [WRITEBACK, NONE_NO_BARRIERS]) {
        const positions = ops.flatMap((op, i) => (op.config === config ? [i] : []));
        const model = modelOf(
          config,
          positions.map((i) => OPS[i] ?? { atMs: NaN, kind: "normal" }),
          null,
        );
        positions.forEach((position, j) => {
          expect(session.ops[position]).toEqual({ ...model.ops[j], index: position });
        });
      }
    });

    it("shows each configuration's arrows: red for writeback, gray for none", () => {
      expect(session.ops[1]?.paths).toEqual(["gray"]); // O_SYNC, none, no barriers
      expect(session.ops[4]?.paths).toEqual(["red", "green"]); // O_SYNC, writeback, barriers
    });

    it("merges both groups' journal commits in time order and ends at the latest event", () => {
      const times = session.journalCommits.map((c) => c.atMs);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const a = modelOf(
        WRITEBACK,
        [OPS[0], OPS[2], OPS[4]].flatMap((o) => (o ? [o] : [])),
        null,
      );
      const b = modelOf(
        NONE_NO_BARRIERS,
        [OPS[1], OPS[3]].flatMap((o) => (o ? [o] : [])),
        null,
      );
      expect(session.journalCommits).toHaveLength(
        a.journalCommits.length + b.journalCommits.length,
      );
      expect(session.endMs).toBe(Math.max(a.endMs, b.endMs));
    });
  });

  it("groups by configuration value, not by object identity", () => {
    const ops: IssuedOp[] = [
      { atMs: 0, kind: "normal", config: { ...WRITEBACK } },
      { atMs: 1, kind: "barrier", config: { ...WRITEBACK } },
    ];
    // The barrier covers the earlier write only if both are simulated together.
    const together = modelOf(WRITEBACK, ops, null);
    expect(simulateSession(ops, null).ops).toEqual(together.ops);
    expect(together.ops[0]?.paths).toEqual(["red", "green"]);
  });

  it("a crash applies to every configuration's writes", () => {
    // An O_SYNC write acked in the disk cache (none, no barriers) is lost on power loss; one
    // written through to a battery-backed cache is not.
    const ops: IssuedOp[] = [
      { atMs: 0, kind: "osync", config: NONE_NO_BARRIERS },
      { atMs: 0, kind: "osync", config: WRITETHROUGH },
      { atMs: 0, kind: "normal", config: WRITEBACK },
    ];
    const crash: Crash = { atMs: 1, kind: "power" };
    const session = simulateSession(ops, crash);
    expect(session.ops.map((o) => o.survives)).toEqual([false, true, false]);
    expect(session.crash).toEqual(crash);
    expect(session.endMs).toBe(1);
  });

  it("a write issued after the crash has no outcome in any configuration", () => {
    const ops: IssuedOp[] = [
      { atMs: 0, kind: "normal", config: WRITEBACK },
      { atMs: 10, kind: "osync", config: NONE_NO_BARRIERS },
    ];
    const session = simulateSession(ops, { atMs: 5, kind: "power" });
    expect(session.ops.map((o) => o.survives)).toEqual([false, null]);
    expect(session.ops[1]?.hops).toEqual([]);
  });
});
