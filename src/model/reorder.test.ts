/**
 * Reordering (docs/model.md §8.14): journal commits travel as blocks of their own, and a drive
 * that reorders writes a commit block ahead of data that arrived before it. Without guest
 * barriers a power cut can then leave a write inconsistent (its commit durable, its data not);
 * with barriers and a flush that reaches stable storage, never.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS, makeConfig } from "./config";
import { simulate } from "./simulate";
import { FAILURE_KINDS, OP_KINDS, type Op } from "./timeline";

const atMs = fc.oneof(
  fc.integer({ min: 0, max: 90_000 }),
  fc.integer({ min: 0, max: 18 }).map((n) => n * 5_000),
  fc.double({ min: 0, max: 50, noNaN: true }),
);
const ops = fc.array(fc.record({ atMs, kind: fc.constantFrom(...OP_KINDS) }), {
  minLength: 1,
  maxLength: 12,
});
const crashAt = fc.double({ min: 0, max: 120_000, noNaN: true });
/** Any mode, barriers on or off, either filesystem: the configurations reordering must not disturb. */
const anyGuest = fc.record({
  cache: fc.constantFrom(...CACHE_MODES),
  guestBarriers: fc.boolean(),
  guestFs: fc.constantFrom(...GUEST_FILESYSTEMS),
});

describe("reordering", () => {
  it("leaves an ext3 write inconsistent when a power cut falls between its commit and its data (none, no barriers)", () => {
    const config = makeConfig({
      cache: "none",
      guestBarriers: false,
      guestFs: "ext3",
      reorder: true,
    });
    const writes: Op[] = [{ atMs: 0, kind: "normal" }];
    const calm = simulate({ config, ops: writes });
    const commit = calm.journalCommits.find((c) => c.block !== null);
    const commitDurable = commit?.block?.durableAtMs ?? NaN;
    const dataDurable = calm.ops[0]?.durableAtMs ?? NaN;
    // The commit block reaches the platters first: the drive took it ahead of the data.
    expect(commitDurable).toBeLessThan(dataDurable);
    const between = simulate({
      config,
      ops: writes,
      crash: { atMs: (commitDurable + dataDurable) / 2, kind: "power" },
    });
    expect(between.ops[0]).toMatchObject({ survives: false, inconsistent: true });
    // Before the commit is durable the write is merely lost; after its data, it survives.
    const before = simulate({
      config,
      ops: writes,
      crash: { atMs: commitDurable - 1, kind: "power" },
    });
    expect(before.ops[0]).toMatchObject({ survives: false, inconsistent: false });
    const after = simulate({
      config,
      ops: writes,
      crash: { atMs: dataDurable + 1, kind: "power" },
    });
    expect(after.ops[0]).toMatchObject({ survives: true, inconsistent: false });
  });

  // docs/model.md §8.14, §8.16: the writes whose commit can be durable before their data, per
  // guest (none, no barriers, a power cut 50 ms after the write's commit, when the commit
  // block is on the platters and the data still waits its 100 ms in the drive's cache).
  it.each([
    ["ext4", "odirect", 4_999, 5_050, true], // the 5 s tick records it
    ["ext4", "osync", 1_000, 1_050, true], // its sync commits at once
    ["ext4", "barrier", 1_000, 1_050, true], // a write fsync'd at once
    ["ext4", "normal", 1_000, 35_100, false], // written out at 35 s, committed at 40 s
    ["ext3", "odirect", 4_999, 5_050, true],
    ["ext3", "osync", 1_000, 1_050, true],
    ["ext3", "barrier", 1_000, 1_050, true],
    ["ext3", "normal", 1_000, 5_050, true], // written out by the 5 s commit
  ] as const)(
    "%s, %s at %s ms, power cut at %s ms: inconsistent %s",
    (guestFs, kind, at, cut, inconsistent) => {
      const config = makeConfig({ cache: "none", guestBarriers: false, guestFs, reorder: true });
      const writes: Op[] =
        kind === "barrier"
          ? [
              { atMs: at, kind: "normal" },
              { atMs: at, kind: "barrier" },
            ]
          : [{ atMs: at, kind }];
      const timeline = simulate({ config, ops: writes, crash: { atMs: cut, kind: "power" } });
      expect(timeline.ops[0]).toMatchObject({ survives: false, inconsistent });
    },
  );

  it("never leaves an ext4 buffered write inconsistent when nothing syncs it: its data is on the platters long before its commit", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CACHE_MODES),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 60_000 }), { minLength: 1, maxLength: 8 }),
        crashAt,
        (mode, guestBarriers, times, at) => {
          const config = makeConfig({ cache: mode, guestBarriers, guestFs: "ext4", reorder: true });
          const writes: Op[] = times.map((t) => ({ atMs: t, kind: "normal" }));
          const timeline = simulate({ config, ops: writes, crash: { atMs: at, kind: "power" } });
          expect(timeline.ops.filter((op) => op.inconsistent)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never leaves a write inconsistent with guest barriers and flushes that reach stable storage", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("writeback", "none", "writethrough", "directsync"),
        fc.constantFrom(...GUEST_FILESYSTEMS),
        fc.constantFrom(...DISK_CACHES),
        ops,
        crashAt,
        fc.constantFrom(...FAILURE_KINDS),
        (mode, guestFs, diskCache, writes, at, kind) => {
          const config = makeConfig({
            cache: mode,
            guestBarriers: true,
            guestFs,
            diskCache,
            reorder: true,
          });
          const timeline = simulate({ config, ops: writes, crash: { atMs: at, kind } });
          expect(timeline.ops.filter((op) => op.inconsistent)).toEqual([]);
        },
      ),
      { numRuns: 600 },
    );
  });

  it("changes nothing with reordering off: no commit blocks, never inconsistent", () => {
    fc.assert(
      fc.property(anyGuest, ops, crashAt, (guest, writes, at) => {
        const config = makeConfig(guest);
        const timeline = simulate({ config, ops: writes, crash: { atMs: at, kind: "power" } });
        expect(timeline.ops.some((op) => op.inconsistent)).toBe(false);
        expect(timeline.journalCommits.every((c) => c.block === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("acknowledges every write where it was, never sooner: commit blocks only take platter time", () => {
    fc.assert(
      fc.property(anyGuest, ops, (guest, writes) => {
        const plain = simulate({ config: makeConfig(guest), ops: writes });
        const reordered = simulate({
          config: makeConfig({ ...guest, reorder: true }),
          ops: writes,
        });
        // The commit blocks share the platters with the data (a real journal commit is a
        // write too): a write may wait a slot longer, but it is acknowledged where it was.
        expect(reordered.ops.map((op) => op.ackedIn)).toEqual(plain.ops.map((op) => op.ackedIn));
        reordered.ops.forEach((op, i) => {
          const before = plain.ops[i]?.ackedAtMs ?? null;
          if (before === null) expect(op.ackedAtMs).toBeNull();
          else expect(op.ackedAtMs).toBeGreaterThanOrEqual(before);
        });
      }),
      { numRuns: 300 },
    );
  });
});
