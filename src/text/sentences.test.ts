/**
 * The event line's words: what the app announces as playback crosses each typed event (acks,
 * flushes, durability, the power cut), in time order.
 */
import { describe, expect, it } from "vitest";
import type { Crash, OpKind } from "../model/timeline";
import { sessionEvents as typedEvents } from "../store/events";
import { DEFAULT_CONFIG, simulateSession, type SessionConfig } from "../scenario/session";
import type { Timeline } from "../model/timeline";
import { sentence } from "./sentences";
import { opLabel } from "./vocabulary";

interface SessionEvent {
  readonly tMs: number;
  readonly text: string;
}

/** Every event with its sentence, as the event line would say it ("" for a quiet one). */
function sessionEvents(timeline: Timeline): SessionEvent[] {
  return typedEvents(timeline).map((e) => ({
    tMs: e.tMs,
    text: sentence(e, timeline.config.guestFs),
  }));
}

function eventsOf(
  config: SessionConfig,
  ops: readonly (OpKind | { atMs: number; kind: OpKind })[],
  crash: Crash | null = null,
): SessionEvent[] {
  const list = ops.map((op) => (typeof op === "string" ? { atMs: 0, kind: op } : op));
  return sessionEvents(simulateSession({ config, ops: list, crash }));
}

function spoken(events: readonly SessionEvent[]): SessionEvent[] {
  return events.filter((e) => e.text !== "");
}

function find(events: readonly SessionEvent[], pattern: RegExp): SessionEvent {
  const event = events.find((e) => pattern.test(e.text));
  if (!event) {
    throw new Error(`no event matching ${String(pattern)} in ${JSON.stringify(spoken(events))}`);
  }
  return event;
}

const WRITEBACK: SessionConfig = {
  ...DEFAULT_CONFIG,
  mode: "writeback",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
};
const UNSAFE: SessionConfig = {
  ...DEFAULT_CONFIG,
  mode: "unsafe",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
};

describe("opLabel", () => {
  it("names the op by its number, counted from 1 as a class counts, and its kind", () => {
    expect(opLabel(2, "osync")).toBe("#3 O_SYNC write");
    expect(opLabel(0, "barrier")).toBe("#1 Barrier");
  });
});

describe("sessionEvents", () => {
  it("has no events without writes or a crash", () => {
    expect(eventsOf(WRITEBACK, [])).toEqual([]);
  });

  it("is sorted by time", () => {
    const events = eventsOf(
      {
        ...DEFAULT_CONFIG,
        mode: "none",
        guestBarriers: true,
        guestFs: "ext4",
        diskCache: "volatile",
      },
      [
        { atMs: 40, kind: "osync" },
        { atMs: 0, kind: "normal" },
        { atMs: 20, kind: "barrier" },
        { atMs: 1, kind: "odirect" },
      ],
      { atMs: 50_000, kind: "power" },
    );
    expect(events.length).toBeGreaterThan(10);
    for (let i = 1; i < events.length; i++) {
      expect(events[i]?.tMs).toBeGreaterThanOrEqual(events[i - 1]?.tMs ?? Infinity);
    }
  });

  it("includes silent events at every hop boundary, so the ledger updates there", () => {
    const timeline = simulateSession({
      config: WRITEBACK,
      ops: [{ atMs: 0, kind: "osync" }],
      crash: null,
    });
    const times = new Set(sessionEvents(timeline).map((e) => e.tMs));
    for (const hop of timeline.ops[0]?.hops ?? []) {
      expect(times.has(hop.startMs)).toBe(true);
      expect(times.has(hop.endMs)).toBe(true);
    }
    expect(timeline.ops[0]?.hops.length).toBeGreaterThan(0);
  });

  describe("an O_SYNC write under writeback with guest barriers", () => {
    const events = eventsOf(WRITEBACK, ["osync"]);
    const acked = find(events, /^#1 O_SYNC write returned/);
    const durable = find(events, /^#1 O_SYNC write is durable\.$/);

    it("is acknowledged with its data on the platters", () => {
      expect(acked.text).toContain("the platters");
    });

    it("is durable no later than it is acknowledged (red, then green)", () => {
      expect(durable.tMs).toBeLessThanOrEqual(acked.tMs);
      expect(acked.tMs).toBeGreaterThan(10); // waited for the ~14 ms platter write
    });

    it("announces its flush passed (green)", () => {
      expect(find(events, /^#1 O_SYNC write: its flush completed/).text).toContain("green");
    });
  });

  it("an O_SYNC write under writeback without barriers is acknowledged in the host page cache", () => {
    const events = eventsOf({ ...WRITEBACK, guestBarriers: false }, ["osync"]);
    const acked = find(events, /^#1 O_SYNC write returned/);
    expect(acked.text).toContain("the host page cache");
    expect(acked.text).not.toContain("platters");
    // It does become durable, but only by the host's own writeback, ~35 s later.
    expect(find(events, /is durable/).tMs).toBeGreaterThan(30_000);
    expect(find(events, /its flush never left the guest/).tMs).toBeLessThan(1);
  });

  it("a barrier under cache=unsafe is ignored by QEMU and makes nothing durable", () => {
    const events = eventsOf(UNSAFE, ["normal", { atMs: 1, kind: "barrier" }]);
    const ignored = find(events, /^#2 Barrier: .*ignored by QEMU/);
    expect(ignored.text).toContain("nothing became durable");
    expect(ignored.tMs).toBeLessThan(1_000);
    // The write it covered becomes durable only by background writeback, tens of seconds later.
    expect(find(events, /^#1 Normal write is durable\.$/).tMs).toBeGreaterThan(30_000);
  });

  it("a barrier announces no durability of its own, even when its flush passes", () => {
    const events = eventsOf(WRITEBACK, ["barrier"]);
    expect(spoken(events).some((e) => e.text.startsWith("#1 Barrier is durable"))).toBe(false);
    find(events, /^#1 Barrier: its flush completed/);
  });

  describe("a power cut", () => {
    // #1 written through to the platters before the cut; #2 still in the guest page cache.
    const config: SessionConfig = {
      ...DEFAULT_CONFIG,
      mode: "writethrough",
      guestBarriers: false,
      guestFs: "ext4",
      diskCache: "volatile",
    };
    const events = eventsOf(config, ["osync", "normal"], { atMs: 100, kind: "power" });
    const cut = find(events, /^Power lost\./);

    it("is announced at the crash instant", () => {
      expect(cut.tMs).toBe(100);
    });

    it("names the lost and the surviving writes", () => {
      expect(cut.text).toContain("Lost: #2.");
      expect(cut.text).toContain("Survived: #1.");
    });

    it("says so when nothing was lost", () => {
      const safe = eventsOf(config, ["osync"], { atMs: 100, kind: "power" });
      const text = find(safe, /^Power lost\./).text;
      expect(text).toContain("No write was lost.");
      expect(text).toContain("Survived: #1.");
    });

    it("lists several lost writes", () => {
      const lost = eventsOf(WRITEBACK, ["normal", "normal", "odirect"], {
        atMs: 1,
        kind: "power",
      });
      const text = find(lost, /^Power lost\./).text;
      expect(text).toContain("Lost: #1, #2, #3.");
      expect(text).not.toContain("Survived");
    });

    it("names at most four writes and counts the rest, and counts the ones promised durable", () => {
      const many = eventsOf(
        { ...WRITEBACK, guestBarriers: false },
        ["osync", "osync", "normal", "normal", "normal", "normal"],
        { atMs: 1, kind: "power" },
      );
      const text = find(many, /^Power lost\./).text;
      expect(text).toContain("Lost: #1, #2, #3, #4 and 2 more.");
      expect(text).toContain(
        "2 had been promised durable (an O_SYNC write or an fsync had returned).",
      );
    });

    it("counts a buffered write covered by an fsync that returned as promised durable", () => {
      const fsynced = eventsOf(
        { ...WRITEBACK, guestBarriers: false },
        [
          { atMs: 0, kind: "normal" },
          { atMs: 0, kind: "barrier" },
        ],
        { atMs: 10, kind: "power" },
      );
      expect(find(fsynced, /^Power lost\./).text).toContain("One had been promised durable");
    });

    it("announces nothing after the cut", () => {
      expect(events.every((e) => e.tMs <= 100)).toBe(true);
    });
  });

  it("a write cut short by the crash never 'arrives' after it, nor at it", () => {
    // none, no barriers: the O_SYNC write is on its way to the disk's cache at 0.05 ms.
    const none: SessionConfig = { ...WRITEBACK, mode: "none", guestBarriers: false };
    const events = spoken(eventsOf(none, ["osync"], { atMs: 0.05, kind: "power" }));
    expect(events.at(-1)?.text).toMatch(/^Power lost\./);
    expect(events.some((e) => e.text.includes("is now in the disk write cache"))).toBe(false);
    expect(events.every((e) => e.tMs <= 0.05)).toBe(true);
  });

  it("a journal commit says 'stable storage' when its flush completes, not when it is issued", () => {
    const ext3: SessionConfig = { ...WRITEBACK, guestFs: "ext3" };
    const timeline = simulateSession({
      config: ext3,
      ops: [{ atMs: 0, kind: "normal" }],
      crash: null,
    });
    const flush = timeline.journalCommits[0]?.flush;
    const done = find(sessionEvents(timeline), /^Journal commit: its flush completed/);
    expect(done.tMs).toBe(flush?.doneAtMs);
    expect(done.tMs).toBeGreaterThan(flush?.issuedAtMs ?? Infinity);
    // ...and with the power cut in between, it is never said at all.
    const cut = simulateSession({
      config: ext3,
      ops: [{ atMs: 0, kind: "normal" }],
      crash: {
        atMs: (flush?.issuedAtMs ?? 0) + 1,
        kind: "power",
      },
    });
    const words = sessionEvents(cut).map((e) => e.text);
    expect(words.some((t) => t.includes("stable storage"))).toBe(false);
    expect(
      words.some((t) => t.startsWith("Journal commit (ext3, data=ordered): first writes #1")),
    ).toBe(true);
  });

  it("a routine journal commit with nothing of the user's to carry is silent", () => {
    const none: SessionConfig = { ...WRITEBACK, mode: "none" };
    const events = eventsOf(none, ["osync"]);
    expect(events.some((e) => e.text.startsWith("Journal commit"))).toBe(false);
  });

  it("names the arrow as the write sets off on it, and where it goes", () => {
    const none: SessionConfig = { ...WRITEBACK, mode: "none", guestBarriers: true };
    const events = eventsOf(none, ["osync"]);
    const gray = find(events, /along the gray arrow/);
    expect(gray.text).toBe(
      "#1 O_SYNC write: QEMU sends it along the gray arrow to the disk write cache.",
    );
    expect(find(events, /along the green arrow/).text).toContain("the flush carries it");
    expect(gray.tMs).toBeLessThan(find(events, /along the green arrow/).tMs);
  });
});
