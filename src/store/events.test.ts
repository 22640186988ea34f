/**
 * The session's events as typed data: what code can ask ("when was write 0 acknowledged?"), in
 * time order, and nothing after a crash.
 */
import { describe, expect, it } from "vitest";
import type { Crash, Op } from "../model/timeline";
import { sessionEvents, type SessionEvent } from "./events";
import { DEFAULT_CONFIG, simulateSession, type SessionConfig } from "../scenario/session";

const WRITEBACK: SessionConfig = {
  ...DEFAULT_CONFIG,
  mode: "writeback",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
};

function eventsOf(config: SessionConfig, ops: Op[], crash: Crash | null = null): SessionEvent[] {
  return sessionEvents(simulateSession({ config, ops, crash }));
}

describe("sessionEvents", () => {
  it("answers questions as data: when was write 0 acknowledged, and where", () => {
    const events = eventsOf(WRITEBACK, [{ atMs: 0, kind: "osync" }]);
    const acked = events.find((e) => e.type === "writeAcked" && e.op === 0);
    expect(acked).toMatchObject({ type: "writeAcked", layer: "platters", kind: "osync" });
    const passed = events.find((e) => e.type === "flushPassed");
    const durable = events.find((e) => e.type === "writeDurable");
    expect(passed?.tMs).toBe(acked?.tMs);
    expect(durable?.tMs).toBeLessThanOrEqual(acked?.tMs ?? -1);
  });

  it("is sorted by time, issued first at an instant", () => {
    const events = eventsOf(WRITEBACK, [
      { atMs: 40, kind: "osync" },
      { atMs: 0, kind: "normal" },
      { atMs: 20, kind: "barrier" },
    ]);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.tMs).toBeGreaterThanOrEqual(events[i - 1]?.tMs ?? Infinity);
    }
    expect(events[0]?.type).toBe("writeIssued");
  });

  it("reports a refused flush with its reason", () => {
    const events = eventsOf({ ...WRITEBACK, mode: "unsafe" }, [{ atMs: 0, kind: "osync" }]);
    expect(events.find((e) => e.type === "flushRefused")).toMatchObject({
      outcome: "ignored-by-qemu",
    });
  });

  it("after a crash, nothing: the failure is the last event, with what it destroyed", () => {
    const events = eventsOf(
      { ...WRITEBACK, guestBarriers: false },
      [
        { atMs: 0, kind: "osync" },
        { atMs: 0, kind: "normal" },
      ],
      { atMs: 1, kind: "power" },
    );
    const last = events.at(-1);
    expect(last).toEqual({
      type: "dataLost",
      tMs: 1,
      failure: "power",
      lost: [0, 1],
      survived: [],
      promised: 1,
    });
    expect(events.every((e) => e.tMs <= 1)).toBe(true);
  });

  it("a routine journal commit is marked as no news; one that carries a write is", () => {
    const none = eventsOf({ ...WRITEBACK, mode: "none" }, [{ atMs: 0, kind: "odirect" }]);
    // The tick's commit at 5 s finds the write destaged long before: its flush carries nothing.
    expect(none.filter((e) => e.type === "commitFlushed").map((e) => e.news)).toEqual([false]);
    const idle = eventsOf({ ...WRITEBACK, mode: "none" }, [
      { atMs: 0, kind: "odirect" },
      { atMs: 1_000, kind: "barrier" },
    ]);
    // The fsync commits at once; the 5 s tick then has nothing left to commit.
    const commits = idle.filter((e) => e.type === "journalCommitted" || e.type === "commitFlushed");
    expect(commits.map((e) => [e.type, e.tMs])).toEqual([
      ["journalCommitted", 1_000],
      ["commitFlushed", 1_000.03],
    ]);
    const ext3 = eventsOf({ ...WRITEBACK, guestFs: "ext3" }, [{ atMs: 0, kind: "normal" }]);
    expect(ext3.find((e) => e.type === "journalCommitted")).toMatchObject({ wroteOut: [0] });
    expect(ext3.find((e) => e.type === "commitFlushed")).toMatchObject({ news: true });
  });

  it("a commit an O_SYNC write forces is told once, as the write's own flush (docs/model.md §8.16)", () => {
    const events = eventsOf({ ...WRITEBACK, mode: "none" }, [{ atMs: 0, kind: "osync" }]);
    expect(events.filter((e) => e.type === "flushPassed")).toHaveLength(1);
    expect(events.filter((e) => e.type === "commitFlushed").every((e) => !e.news)).toBe(true);
  });
});
