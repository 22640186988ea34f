/**
 * Table tests, one row per rule of docs/model.md §3 ("Write kinds, and where the data is
 * when the call returns") and §5 (time scales). "Safe" = survives host power loss at the instant
 * the call returns.
 */
import { describe, expect, it } from "vitest";
import {
  CACHE_MODES,
  DEFAULT_TIMING,
  DISK_CACHES,
  makeConfig,
  type CacheMode,
  type DiskCache,
} from "./config";
import { matrixRow } from "./matrix";
import { positionAt } from "./position";
import { simulate } from "./simulate";
import { opOf, run, type Setup } from "./testing";
import type { Arrow, FlushOutcome, LayerId, OpKind } from "./timeline";

/** Runs `ops`, then cuts the power the instant op `subject` returns; did op `victim` survive? */
function safeAtAck(setup: Setup, ops: OpKind[], subject = ops.length - 1, victim = 0): boolean {
  const acked = opOf(run(setup, ops), subject).ackedAtMs;
  if (acked === null) throw new Error("never acknowledged");
  return opOf(run(setup, ops, { atMs: acked, kind: "power" }), victim).survives === true;
}

const BOTH = [false, true] as const;

describe("normal write() (docs/model.md §3)", () => {
  const cases = CACHE_MODES.flatMap((mode) => BOTH.map((barriers) => ({ mode, barriers })));
  it.each(cases)("$mode, barriers $barriers: acked in the guest page cache, not safe", (setup) => {
    const op = opOf(run(setup, ["normal"]));
    expect(op.ackedIn).toBe("guest-page-cache");
    expect(op.ackedAtMs).toBe(DEFAULT_TIMING.pageCacheCopyMs);
    expect(op.hops[0]).toMatchObject({
      from: "guest-app",
      to: "guest-page-cache",
      route: "in-guest",
    });
    expect(safeAtAck(setup, ["normal"])).toBe(false);
  });

  it("is written out by the guest flusher once 30 s old, at its 5 s wake-up", () => {
    const op = opOf(run({ mode: "writeback", barriers: false }, [{ atMs: 1_000, kind: "normal" }]));
    const writeback = op.hops.find((h) => h.route === "guest-writeback");
    expect(writeback?.startMs).toBe(35_000); // 1 s + 30 s expiry, rounded up to the next 5 s tick
    expect(op.paths).toEqual(["red"]);
  });

  it("then travels like an O_DIRECT write: red, host writeback 30 s later, destaging", () => {
    const op = opOf(run({ mode: "writeback", barriers: false }, ["normal"]));
    expect(op.hops.map((h) => h.route)).toEqual([
      "in-guest",
      "guest-writeback",
      "red",
      "host-writeback",
      "destage",
    ]);
    expect(op.hops.find((h) => h.route === "host-writeback")?.startMs).toBe(70_000);
    expect(op.hops.at(-1)?.to).toBe("platters");
  });

  it("with guest barriers, the journal commit after the write-out carries it to the platters (green)", () => {
    const timeline = run({ mode: "writeback", barriers: true }, ["normal"]);
    const op = opOf(timeline);
    expect(op.paths).toEqual(["red", "green"]);
    const green = op.hops.find((h) => h.route === "green");
    expect(green?.startMs).toBe(40_000); // the commit after the write-out at 35 s
    expect(timeline.journalCommits.map((c) => c.atMs)).toEqual([5_000, 40_000]);
    expect(timeline.journalCommits.every((c) => c.flush?.outcome === "passed")).toBe(true);
  });

  it("without guest barriers, journal commits send no flush", () => {
    const timeline = run({ mode: "none", barriers: false }, ["normal"]);
    expect(timeline.journalCommits.length).toBeGreaterThan(0);
    expect(timeline.journalCommits.every((c) => c.flush?.outcome === "no-guest-barriers")).toBe(
      true,
    );
    expect(opOf(timeline).paths).toEqual(["gray"]);
  });
});

describe("normal write() per guest filesystem (docs/model.md §3)", () => {
  it("ext4 (delayed allocation): written out 30–35 s later by the flusher", () => {
    const op = opOf(
      run({ mode: "none", barriers: true, fs: "ext4" }, [{ atMs: 1_000, kind: "normal" }]),
    );
    expect(op.hops.find((h) => h.route === "guest-writeback")?.startMs).toBe(35_000);
  });

  it("ext3 data=ordered: written out at the next 5 s journal commit, before the commit's flush", () => {
    const timeline = run({ mode: "writeback", barriers: true, fs: "ext3" }, [
      { atMs: 1_000, kind: "normal" },
    ]);
    const op = opOf(timeline);
    const writeOut = op.hops.find((h) => h.route === "guest-writeback");
    expect(writeOut?.startMs).toBe(5_000);
    const commit = timeline.journalCommits[0];
    expect(commit).toMatchObject({ atMs: 5_000, wroteOut: [0] });
    // The flush leaves only once the virtual disk completed the data (red into the host page cache).
    const completed = op.hops.find((h) => h.route === "red")?.endMs ?? NaN;
    expect(commit?.flush?.issuedAtMs).toBe(completed);
    expect(commit?.flush?.outcome).toBe("passed");
    // ...and that flush carries it to the platters: durable a few ms after the 5 s commit.
    expect(op.paths).toEqual(["red", "green"]);
    expect(op.durableAtMs).toBeGreaterThan(5_000);
    expect(op.durableAtMs).toBeLessThan(5_100);
  });

  it("ext3 without barriers (Debian 6): written out at the commit, then left to the host", () => {
    const timeline = run({ mode: "writeback", barriers: false, fs: "ext3" }, ["normal"]);
    const op = opOf(timeline);
    expect(op.hops.map((h) => h.route)).toEqual([
      "in-guest",
      "guest-writeback",
      "red",
      "host-writeback",
      "destage",
    ]);
    expect(op.hops[1]?.startMs).toBe(5_000);
    // The host's own writeback 30–35 s after that (35 s after 5 s, at the next 5 s tick).
    expect(op.hops.find((h) => h.route === "host-writeback")?.startMs).toBe(40_000);
    expect(timeline.journalCommits[0]?.flush?.outcome).toBe("no-guest-barriers");
  });

  it("ext3 under none without barriers: in the disk's cache 5 s after the write, not 35 s", () => {
    const ext3 = opOf(run({ mode: "none", barriers: false, fs: "ext3" }, ["normal"]));
    const ext4 = opOf(run({ mode: "none", barriers: false, fs: "ext4" }, ["normal"]));
    expect(ext3.hops.find((h) => h.route === "gray")?.startMs).toBeCloseTo(5_000.03, 6);
    expect(ext4.hops.find((h) => h.route === "gray")?.startMs).toBeCloseTo(35_000.03, 6);
  });

  it("a write dirtied at a commit instant waits for the next commit", () => {
    const op = opOf(
      run({ mode: "none", barriers: true, fs: "ext3" }, [{ atMs: 5_000, kind: "normal" }]),
    );
    expect(op.hops.find((h) => h.route === "guest-writeback")?.startMs).toBe(10_000);
  });

  it("O_SYNC and fsync behave the same on ext3 and ext4", () => {
    for (const mode of CACHE_MODES) {
      for (const barriers of BOTH) {
        for (const kind of ["osync", "barrier", "odirect"] as const) {
          const ops: OpKind[] = kind === "barrier" ? ["normal", "barrier"] : [kind];
          const ext3 = run({ mode, barriers, fs: "ext3" }, ops).ops.at(-1);
          const ext4 = run({ mode, barriers, fs: "ext4" }, ops).ops.at(-1);
          expect([ext3?.ackedAtMs, ext3?.ackedIn]).toEqual([ext4?.ackedAtMs, ext4?.ackedIn]);
        }
      }
    }
  });
});

describe("a crash stops the world (docs/model.md §4)", () => {
  it("a write under way at the crash never arrives: its hop is cut short where it was", () => {
    const timeline = run({ mode: "none", barriers: false }, ["osync"], {
      atMs: 0.08,
      kind: "power",
    });
    const op = opOf(timeline);
    const last = op.hops.at(-1);
    expect(last).toMatchObject({ route: "gray", to: "disk-cache", cutAtMs: 0.08 });
    expect(op.ackedAtMs).toBeNull();
    expect(op.survives).toBe(false);
  });

  it("a journal commit's flush under way at the crash never completes, and nothing is durable by it", () => {
    const timeline = run({ mode: "writeback", barriers: true, fs: "ext3" }, ["normal"], {
      atMs: 5_005,
      kind: "power",
    });
    expect(timeline.journalCommits[0]?.flush?.doneAtMs).toBeNull();
    expect(opOf(timeline).durableAtMs).toBeNull();
    expect(opOf(timeline).survives).toBe(false);
  });
});

interface OsyncRow {
  mode: CacheMode;
  barriers: boolean;
  ackedIn: LayerId;
  paths: Arrow[];
  flush: FlushOutcome;
  safe: boolean;
}

/** docs/model.md §3, the O_SYNC table, row by row ("either" expands to both settings). */
const OSYNC_TABLE: OsyncRow[] = [
  {
    mode: "writeback",
    barriers: false,
    ackedIn: "host-page-cache",
    paths: ["red"],
    flush: "no-guest-barriers",
    safe: false,
  },
  {
    mode: "writeback",
    barriers: true,
    ackedIn: "platters",
    paths: ["red", "green"],
    flush: "passed",
    safe: true,
  },
  {
    mode: "none",
    barriers: false,
    ackedIn: "disk-cache",
    paths: ["gray"],
    flush: "no-guest-barriers",
    safe: false,
  },
  {
    mode: "none",
    barriers: true,
    ackedIn: "platters",
    paths: ["gray", "green"],
    flush: "passed",
    safe: true,
  },
  {
    mode: "writethrough",
    barriers: false,
    ackedIn: "platters",
    paths: ["blue"],
    flush: "no-guest-barriers",
    safe: true,
  },
  {
    mode: "writethrough",
    barriers: true,
    ackedIn: "platters",
    paths: ["blue"],
    flush: "no-write-cache",
    safe: true,
  },
  {
    mode: "directsync",
    barriers: false,
    ackedIn: "platters",
    paths: ["blue"],
    flush: "no-guest-barriers",
    safe: true,
  },
  {
    mode: "directsync",
    barriers: true,
    ackedIn: "platters",
    paths: ["blue"],
    flush: "no-write-cache",
    safe: true,
  },
  {
    mode: "unsafe",
    barriers: false,
    ackedIn: "host-page-cache",
    paths: ["red"],
    flush: "no-guest-barriers",
    safe: false,
  },
  {
    mode: "unsafe",
    barriers: true,
    ackedIn: "host-page-cache",
    paths: ["red"],
    flush: "ignored-by-qemu",
    safe: false,
  },
];

describe("O_SYNC write (docs/model.md §3, O_SYNC table)", () => {
  it.each(OSYNC_TABLE)(
    "$mode, barriers $barriers: acked in $ackedIn via $paths, safe: $safe",
    ({ mode, barriers, ackedIn, paths, flush, safe }) => {
      const op = opOf(run({ mode, barriers }, ["osync"]));
      expect(op.ackedIn).toBe(ackedIn);
      expect(op.paths).toEqual(paths);
      expect(op.flush?.outcome).toBe(flush);
      expect(safeAtAck({ mode, barriers }, ["osync"])).toBe(safe);
    },
  );

  it.each(["off", "battery"] as DiskCache[])(
    "none without barriers is safe when the disk cache is %s",
    (disk) => {
      expect(safeAtAck({ mode: "none", barriers: false, disk }, ["osync"])).toBe(true);
    },
  );

  it("writethrough leaves the data on the platters before the call returns (blue)", () => {
    const op = opOf(run({ mode: "writethrough", barriers: false }, ["osync"]));
    expect(op.durableAtMs).not.toBeNull();
    expect(op.durableAtMs).toBe(op.ackedAtMs);
  });

  it("unsafe: the flush comes back from QEMU but nothing becomes durable", () => {
    const op = opOf(run({ mode: "unsafe", barriers: true }, ["osync"]));
    expect(op.flush?.doneAtMs).toBeCloseTo(
      (op.flush?.issuedAtMs ?? NaN) + DEFAULT_TIMING.guestToQemuMs,
    );
    expect(op.hops.some((h) => h.route === "green")).toBe(false);
    // Durable only through the host's own writeback, about 30 s later.
    expect(op.durableAtMs).toBeGreaterThan(30_000);
  });

  it("writeback without barriers: 'synced' data is lost on power loss for up to ~30 s (claim 3)", () => {
    const setup = { mode: "writeback" as const, barriers: false };
    const op = opOf(run(setup, ["osync"]));
    expect(op.durableAtMs).toBeGreaterThan(30_000);
    expect(op.durableAtMs).toBeLessThan(40_000);
    expect(opOf(run(setup, ["osync"], { atMs: 29_999, kind: "power" })).survives).toBe(false);
    expect(opOf(run(setup, ["osync"], { atMs: 40_000, kind: "power" })).survives).toBe(true);
  });

  it("writethrough is the slowest to return, writeback the fastest (claim 4, ordering only)", () => {
    const latency = (mode: CacheMode) =>
      opOf(run({ mode, barriers: false }, ["osync"])).ackedAtMs ?? Infinity;
    expect(latency("writethrough")).toBeGreaterThan(latency("none"));
    expect(latency("none")).toBeGreaterThan(latency("writeback"));
    expect(latency("directsync")).toBeGreaterThan(latency("none"));
  });
});

describe("barrier (docs/model.md §3)", () => {
  it.each([
    { mode: "writeback" as const, first: "red" },
    { mode: "none" as const, first: "gray" },
  ])(
    "$mode with barriers: the flush carries the earlier write to the platters (green)",
    ({ mode, first }) => {
      const setup = { mode, barriers: true };
      const timeline = run(setup, [
        { atMs: 0, kind: "normal" },
        { atMs: 10, kind: "barrier" },
      ]);
      const write = opOf(timeline, 0);
      const barrier = opOf(timeline, 1);
      expect(write.paths).toEqual([first, "green"]);
      expect(barrier.paths).toEqual(["green"]);
      expect(barrier.flush?.outcome).toBe("passed");
      expect(barrier.ackedIn).toBe("platters");
      expect(barrier.durableAtMs).toBe(barrier.ackedAtMs);
      expect(write.durableAtMs).toBeLessThanOrEqual(barrier.ackedAtMs ?? -1);
      expect(safeAtAck(setup, ["normal", "barrier"])).toBe(true);
    },
  );

  it.each(["writethrough", "directsync"] as const)(
    "%s: no flush is sent, the write-out is already on the platters",
    (mode) => {
      const timeline = run({ mode, barriers: true }, ["normal", "barrier"]);
      const barrier = opOf(timeline, 1);
      expect(barrier.flush?.outcome).toBe("no-write-cache");
      expect(barrier.paths).toEqual([]);
      expect(barrier.durableAtMs).toBeNull();
      expect(opOf(timeline, 0).paths).toEqual(["blue"]);
      expect(safeAtAck({ mode, barriers: true }, ["normal", "barrier"])).toBe(true);
    },
  );

  it("unsafe: the flush is acknowledged but nothing moves", () => {
    const timeline = run({ mode: "unsafe", barriers: true }, ["normal", "barrier"]);
    const barrier = opOf(timeline, 1);
    expect(barrier.flush?.outcome).toBe("ignored-by-qemu");
    expect(barrier.paths).toEqual([]);
    expect(barrier.ackedIn).toBe("host-page-cache");
    expect(opOf(timeline, 0).paths).toEqual(["red"]);
    expect(safeAtAck({ mode: "unsafe", barriers: true }, ["normal", "barrier"])).toBe(false);
  });

  it.each(CACHE_MODES)(
    "%s without guest barriers: the write-out happens, the flush never leaves the guest",
    (mode) => {
      const timeline = run({ mode, barriers: false }, ["normal", "barrier"]);
      const write = opOf(timeline, 0);
      expect(opOf(timeline, 1).flush?.outcome).toBe("no-guest-barriers");
      expect(write.hops[1]?.route).toBe("in-guest"); // written out by the barrier, not the flusher
      expect(write.hops[1]?.startMs).toBeLessThan(1);
    },
  );
});

describe("O_DIRECT write without O_SYNC (docs/model.md §3, §6.6)", () => {
  const ARROW_END: Record<CacheMode, { ackedIn: LayerId; paths: Arrow[]; safe: boolean }> = {
    writeback: { ackedIn: "host-page-cache", paths: ["red"], safe: false },
    none: { ackedIn: "disk-cache", paths: ["gray"], safe: false },
    writethrough: { ackedIn: "platters", paths: ["blue"], safe: true },
    directsync: { ackedIn: "platters", paths: ["blue"], safe: true },
    unsafe: { ackedIn: "host-page-cache", paths: ["red"], safe: false },
  };
  const cases = CACHE_MODES.flatMap((mode) =>
    BOTH.map((barriers) => ({ mode, barriers, ...ARROW_END[mode] })),
  );
  it.each(cases)(
    "$mode, barriers $barriers: acked where the arrow ends ($ackedIn), no flush",
    (row) => {
      const op = opOf(run(row, ["odirect"]));
      expect(op.ackedIn).toBe(row.ackedIn);
      expect(op.flush).toBeNull();
      expect(op.hops[0]).toMatchObject({ from: "guest-app", to: "virtual-disk" });
      expect(op.paths.slice(0, 1)).toEqual(row.paths);
      expect(safeAtAck(row, ["odirect"])).toBe(row.safe);
    },
  );
});

describe("the physical disk's write cache (docs/model.md §4, faults)", () => {
  it("off: the gray arrow ends on the platters", () => {
    const op = opOf(run({ mode: "none", barriers: false, disk: "off" }, ["odirect"]));
    expect(op.ackedIn).toBe("platters");
    expect(op.ackedAtMs).toBeCloseTo(DEFAULT_TIMING.guestToQemuMs + DEFAULT_TIMING.platterWriteMs);
  });

  it("battery: data is durable as soon as it is in the disk cache", () => {
    const op = opOf(run({ mode: "none", barriers: false, disk: "battery" }, ["odirect"]));
    expect(op.ackedIn).toBe("disk-cache");
    expect(op.durableAtMs).toBe(op.ackedAtMs);
  });

  it("volatile: the disk destages on its own after an estimated delay", () => {
    const op = opOf(run({ mode: "none", barriers: false }, ["odirect"]));
    const destage = op.hops.find((h) => h.route === "destage");
    expect(destage?.startMs).toBeCloseTo((op.ackedAtMs ?? NaN) + DEFAULT_TIMING.destageDelayMs);
    expect(op.durableAtMs).toBe(destage?.endMs);
  });
});

describe("the simulation's bookkeeping", () => {
  it("reports ops in the order given, whatever their times", () => {
    const timeline = run({ mode: "none", barriers: true }, [
      { atMs: 500, kind: "osync" },
      { atMs: 0, kind: "normal" },
    ]);
    expect(timeline.ops.map((o) => [o.index, o.kind])).toEqual([
      [0, "osync"],
      [1, "normal"],
    ]);
  });

  it("stops at the crash: nothing after it is acknowledged, later ops never start", () => {
    const timeline = run(
      { mode: "writethrough", barriers: false },
      [
        { atMs: 0, kind: "osync" },
        { atMs: 100, kind: "osync" },
      ],
      { atMs: 5, kind: "power" },
    );
    expect(timeline.endMs).toBe(5);
    expect(opOf(timeline, 0)).toMatchObject({ ackedAtMs: null, survives: false });
    expect(opOf(timeline, 1)).toMatchObject({ ackedAtMs: null, survives: null, hops: [] });
  });

  it("without a crash, survives is null", () => {
    expect(opOf(run({ mode: "none", barriers: true }, ["osync"])).survives).toBeNull();
  });
});

describe("edges found in review", () => {
  it("a write-out at the instant a journal commit is due joins the next commit", () => {
    // The flusher writes op 0 out at 35 s, the very tick op 1's commit is due: op 0's
    // allocation belongs to the commit after, at 40 s, whose flush makes it durable.
    const timeline = run({ mode: "writeback", barriers: true }, [
      { atMs: 0, kind: "normal" },
      { atMs: 30_001, kind: "normal" },
    ]);
    expect(opOf(timeline, 0).durableAtMs).toBeCloseTo(40_014.13, 6);
    expect(timeline.journalCommits.map((c) => c.atMs)).toContain(40_000);
  });

  it.each(["none", "writeback"] as const)(
    "%s: a barrier at the same instant covers an O_DIRECT write",
    (mode) => {
      const timeline = run({ mode, barriers: true }, ["odirect", "barrier"]);
      const barrier = opOf(timeline, 1);
      expect(opOf(timeline, 0).durableAtMs).toBeLessThanOrEqual(barrier.ackedAtMs ?? -1);
    },
  );

  it("a flushed O_SYNC write is durable at the exact instant it returns (no rounding drift)", () => {
    const setup = { mode: "none" as const, barriers: true };
    const ops = [{ atMs: 0.486, kind: "osync" as const }];
    const op = opOf(run(setup, ops));
    expect(op.durableAtMs).toBe(op.ackedAtMs);
    expect(opOf(run(setup, ops, { atMs: op.ackedAtMs ?? NaN, kind: "power" })).survives).toBe(true);
  });

  it("writethrough: through the host page cache into the drive, which a host crash spares (as directsync)", () => {
    const op = opOf(run({ mode: "writethrough", barriers: true }, ["osync"]));
    expect(op.hops.filter((h) => h.route === "blue").map((h) => h.to)).toEqual([
      "host-page-cache",
      "disk-cache",
      "platters",
    ]);
    expect(op.paths).toEqual(["blue"]);
    expect(
      opOf(run({ mode: "writethrough", barriers: true }, ["osync"], { atMs: 5, kind: "qemu" }))
        .survives,
    ).toBe(true);
    // In the drive's cache while the platter write runs: the drive stays powered (§4).
    expect(
      opOf(run({ mode: "writethrough", barriers: true }, ["osync"], { atMs: 5, kind: "host" }))
        .survives,
    ).toBe(true);
    expect(
      opOf(run({ mode: "writethrough", barriers: true }, ["osync"], { atMs: 5, kind: "power" }))
        .survives,
    ).toBe(false);
  });

  it("writethrough and directsync treat a write in the drive alike, for every failure and instant", () => {
    for (const kind of ["guest", "qemu", "host", "power"] as const) {
      for (const atMs of [0.05, 0.2, 1, 5, 14]) {
        const fate = (mode: "writethrough" | "directsync") =>
          opOf(run({ mode, barriers: false }, ["osync"], { atMs, kind })).survives;
        // Once both have handed the write to the drive (after ~0.1 ms), their fates agree.
        if (atMs > 0.11)
          expect(fate("writethrough"), `${kind} at ${String(atMs)}`).toBe(fate("directsync"));
      }
    }
  });

  it("writeback: a guest flush takes the data into the drive's cache, then to the platters; a host crash there spares it (as none)", () => {
    // A buffered write, then fsync a millisecond later: fdatasync on the host writes the page
    // into the drive's cache (~0.13 ms), then flushes the cache onto the platters (docs/model.md §2, §4).
    const ops = [
      { atMs: 0, kind: "normal" as const },
      { atMs: 1, kind: "barrier" as const },
    ];
    const setup = { mode: "writeback" as const, barriers: true };
    const op = opOf(run(setup, ops));
    expect(op.hops.filter((h) => h.route === "green").map((h) => `${h.from}>${h.to}`)).toEqual([
      "host-page-cache>disk-cache",
      "disk-cache>platters",
    ]);
    for (const mode of ["writeback", "none"] as const) {
      const fate = (kind: "host" | "power") =>
        opOf(run({ mode, barriers: true }, ops, { atMs: 5, kind })).survives;
      // In the drive's cache while the platter write runs: the drive stays powered (§4).
      expect(fate("host"), mode).toBe(true);
      expect(fate("power"), mode).toBe(false);
    }
    // Before it reaches the drive, a host crash still takes it with the host's page cache.
    expect(opOf(run(setup, ops, { atMs: 1.05, kind: "host" })).survives).toBe(false);
  });

  it("directsync: while the disk flushes its cache, a host crash spares the data", () => {
    const op = opOf(run({ mode: "directsync", barriers: true }, ["osync"]));
    expect(op.hops.filter((h) => h.route === "blue").map((h) => h.to)).toEqual([
      "disk-cache",
      "platters",
    ]);
    expect(
      opOf(run({ mode: "directsync", barriers: true }, ["osync"], { atMs: 5, kind: "host" }))
        .survives,
    ).toBe(true);
    expect(
      opOf(run({ mode: "directsync", barriers: true }, ["osync"], { atMs: 5, kind: "power" }))
        .survives,
    ).toBe(false);
  });
});

describe("the platters serve one write at a time (docs/model.md §5: ≤ ~120 durable writes/s)", () => {
  const ten = Array.from({ length: 10 }, () => "osync" as const);

  it("ten O_SYNC writes under writethrough return one platter write apart", () => {
    const acks = run({ mode: "writethrough", barriers: false }, ten)
      .ops.map((o) => o.ackedAtMs ?? NaN)
      .sort((a, b) => a - b);
    // The drive accepts each into its cache at once; the platters then take them one by one.
    acks.slice(1).forEach((ack, i) => {
      expect(ack - (acks[i] ?? NaN)).toBeCloseTo(DEFAULT_TIMING.platterWriteMs, 6);
    });
    // The last one waits for the nine before it: ~140 ms, not 14 ms.
    expect(acks.at(-1)).toBeGreaterThan(10 * DEFAULT_TIMING.platterWriteMs);
  });

  it("writeback returns the same ten at once, from the host page cache (claim 4: faster, unsafe)", () => {
    const timeline = run({ mode: "writeback", barriers: false }, ten);
    for (const op of timeline.ops) expect(op.ackedAtMs).toBeLessThan(1);
  });

  it("with barriers, every synced write still pays its own platter write in every safe mode", () => {
    for (const mode of ["writeback", "none", "writethrough"] as const) {
      const last = Math.max(
        ...run({ mode, barriers: true }, ten).ops.map((o) => o.ackedAtMs ?? NaN),
      );
      expect(last, mode).toBeGreaterThan(10 * DEFAULT_TIMING.platterWriteMs);
    }
  });

  it("a flush waits behind destaging already queued, and the data it covers is durable when it returns", () => {
    const timeline = run({ mode: "none", barriers: true }, [
      ...Array.from({ length: 5 }, () => ({ atMs: 0, kind: "odirect" as const })),
      { atMs: 120, kind: "barrier" as const },
    ]);
    const barrier = opOf(timeline, 5);
    for (const op of timeline.ops.slice(0, 5)) {
      expect(op.durableAtMs).toBeLessThanOrEqual(barrier.ackedAtMs ?? -1);
    }
    expect(barrier.ackedAtMs).toBeGreaterThan(5 * DEFAULT_TIMING.platterWriteMs);
  });
});

/** docs/model.md §4, faults: a flush that empties nothing leaves synced data in the drive's cache. */
describe("faults below QEMU", () => {
  const FAULTS = [
    { name: "a drive that ignores flushes", faults: { diskFlush: "ignored" } },
    { name: "a host filesystem without barriers", faults: { hostBarriers: false } },
  ] as const;
  const cases = FAULTS.flatMap((f) =>
    CACHE_MODES.flatMap((mode) =>
      [true, false].flatMap((barriers) =>
        DISK_CACHES.map((disk) => ({ ...f, mode, barriers, disk })),
      ),
    ),
  );

  it.each(cases)("$name: $mode, guest barriers $barriers, disk cache $disk", (c) => {
    const sound = matrixRow(c.mode, c.barriers, "osync", { diskCache: c.disk });
    const faulty = matrixRow(c.mode, c.barriers, "osync", { diskCache: c.disk, ...c.faults });
    if (c.disk !== "volatile" || !sound.safeOnPowerLoss) {
      // Harmless: no volatile cache to leave full, or nothing was made durable by a flush anyway.
      expect({ ...faulty, flush: sound.flush }).toEqual(sound);
      return;
    }
    // Blue and green end in the drive's volatile cache, like gray: the call returns there, and a
    // power cut at that instant loses the write.
    expect(faulty.ackedIn).toBe("disk-cache");
    expect(faulty.safeOnPowerLoss).toBe(false);
    // …and that is where its data is when the call returns (not still in the host's cache).
    const op = opOf(
      simulate({
        config: makeConfig({ cache: c.mode, guestBarriers: c.barriers, ...c.faults }),
        ops: [{ atMs: 0, kind: "osync" }],
      }),
    );
    expect(positionAt(op, op.ackedAtMs ?? NaN)?.layer).toBe("disk-cache");
    // The drive destages it on its own, later than the flush said.
    expect(faulty.durableAfterMs).toBeGreaterThan(faulty.ackedAfterMs);
  });

  it("writethrough's blue arrow stops in the drive's cache", () => {
    const timeline = simulate({
      config: makeConfig({ cache: "writethrough", guestBarriers: true, hostBarriers: false }),
      ops: [{ atMs: 0, kind: "osync" }],
    });
    const op = opOf(timeline);
    const blue = op.hops.filter((h) => h.route === "blue");
    expect(blue.at(-1)?.to).toBe("disk-cache");
    expect(op.hops.some((h) => h.route === "destage")).toBe(true);
  });

  it("a barrier's flush still travels green, but only as far as the drive's cache", () => {
    const timeline = simulate({
      config: makeConfig({ cache: "writeback", guestBarriers: true, diskFlush: "ignored" }),
      ops: [
        { atMs: 0, kind: "normal" },
        { atMs: 0, kind: "barrier" },
      ],
    });
    const data = opOf(timeline, 0);
    const barrier = opOf(timeline, 1);
    expect(barrier.flush?.outcome).toBe("ignored-by-drive");
    expect(barrier.ackedIn).toBe("disk-cache");
    expect(barrier.paths).toEqual(["green"]);
    const green = data.hops.find((h) => h.route === "green");
    expect(green?.to).toBe("disk-cache");
    // Durable only when the drive destages it, after the barrier returned.
    expect(data.durableAtMs).toBeGreaterThan(barrier.ackedAtMs ?? Infinity);
  });
});
