/**
 * Invariants of the simulation over thousands of random scenarios (fast-check). Failures print
 * the shrunk scenario: paste it into a table test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CACHE_MODES, DISK_CACHES, GUEST_FILESYSTEMS, makeConfig, type Config } from "./config";
import { positionAt } from "./position";
import { lossesAt } from "./preview";
import { failureTally } from "./tally";
import { simulate } from "./simulate";
import { sweepCrashes, worstMoment } from "./sweep";
import {
  FAILURE_KINDS,
  OP_KINDS,
  type Crash,
  type FailureKind,
  type LayerId,
  type Op,
} from "./timeline";

const RUNS = 1_000;

const config = fc
  .record({
    mode: fc.constantFrom(...CACHE_MODES),
    guestBarriers: fc.boolean(),
    guestFs: fc.constantFrom(...GUEST_FILESYSTEMS),
    diskCache: fc.constantFrom(...DISK_CACHES),
  })
  .map(({ mode, ...rest }) => makeConfig({ cache: mode, ...rest }));

/** Times cluster on the interesting scales: µs apart, around flusher ticks, tens of seconds. */
const atMs = fc.oneof(
  fc.integer({ min: 0, max: 120_000 }),
  fc.integer({ min: 0, max: 40 }).map((n) => n * 5_000),
  fc.double({ min: 0, max: 50, noNaN: true }),
);
const op: fc.Arbitrary<Op> = fc.record({ atMs, kind: fc.constantFrom(...OP_KINDS) });
const ops = fc.array(op, { maxLength: 30 });
const crash: fc.Arbitrary<Crash> = fc.record({
  atMs: fc.oneof(atMs, fc.double({ min: 0, max: 120_000, noNaN: true })),
  kind: fc.constantFrom(...FAILURE_KINDS),
});

/** docs/model.md §4 transcribed independently of src/model/failure.ts. */
function lostIn(failure: FailureKind, layer: LayerId, cfg: Config): boolean {
  switch (layer) {
    case "guest-app":
    case "guest-page-cache":
      return true;
    case "virtual-disk":
      return failure !== "guest";
    case "host-page-cache":
      return failure === "host" || failure === "power";
    case "disk-cache":
      return failure === "power" && cfg.diskCache === "volatile";
    case "platters":
      return false;
  }
}

describe("simulation invariants", () => {
  it("nothing durable is ever lost, and on power loss exactly the non-durable data is", () => {
    fc.assert(
      fc.property(config, ops, crash, (cfg, list, c) => {
        const timeline = simulate({ config: cfg, ops: list, crash: c });
        for (const result of timeline.ops) {
          if (result.kind === "barrier" || result.atMs > c.atMs) continue;
          const durable = result.durableAtMs !== null && result.durableAtMs <= c.atMs;
          if (durable) expect(result.survives).toBe(true);
          if (c.kind === "power") expect(result.survives).toBe(durable);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a crash changes nothing before it, and loses exactly the data sitting in the layers it wipes", () => {
    fc.assert(
      fc.property(config, ops, crash, (cfg, list, c) => {
        const calm = simulate({ config: cfg, ops: list });
        const crashed = simulate({ config: cfg, ops: list, crash: c });
        crashed.ops.forEach((result, i) => {
          const before = calm.ops[i];
          if (!before) throw new Error("ops differ in length");
          const upTo = (t: number | null) => (t !== null && t <= c.atMs ? t : null);
          expect(result.ackedAtMs).toBe(upTo(before.ackedAtMs));
          expect(result.durableAtMs).toBe(upTo(before.durableAtMs));
          // The same hops up to the crash; one under way then is cut short, never arrives.
          expect(result.hops).toEqual(
            before.hops
              .filter((h) => h.startMs <= c.atMs)
              .map((h) => ({ ...h, cutAtMs: h.endMs > c.atMs ? c.atMs : null })),
          );
          if (result.kind === "barrier" || result.atMs > c.atMs) {
            expect(result.survives).toBeNull();
            return;
          }
          const where = positionAt(before, c.atMs);
          if (!where) throw new Error("a submitted write has no position");
          expect(result.survives).toBe(!lostIn(c.kind, where.layer, cfg));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("a crash stops the world: nothing arrives, returns, becomes durable or commits after it", () => {
    fc.assert(
      fc.property(config, ops, crash, (cfg, list, c) => {
        const timeline = simulate({ config: cfg, ops: list, crash: c });
        expect(timeline.endMs).toBe(c.atMs);
        for (const result of timeline.ops) {
          for (const hop of result.hops) {
            expect(hop.startMs).toBeLessThanOrEqual(c.atMs);
            // Either it arrived by the crash, or it is marked cut short at the crash instant.
            if (hop.cutAtMs === null) expect(hop.endMs).toBeLessThanOrEqual(c.atMs);
            else expect([hop.cutAtMs, hop.endMs > c.atMs]).toEqual([c.atMs, true]);
          }
          // Only the last hop can be under way at the crash.
          expect(result.hops.slice(0, -1).every((h) => h.cutAtMs === null)).toBe(true);
          expect(result.ackedAtMs ?? -Infinity).toBeLessThanOrEqual(c.atMs);
          expect(result.durableAtMs ?? -Infinity).toBeLessThanOrEqual(c.atMs);
          expect(result.flush?.doneAtMs ?? -Infinity).toBeLessThanOrEqual(c.atMs);
        }
        for (const commit of timeline.journalCommits) {
          expect(commit.atMs).toBeLessThanOrEqual(c.atMs);
          expect(commit.flush?.issuedAtMs ?? -Infinity).toBeLessThanOrEqual(c.atMs);
          expect(commit.flush?.doneAtMs ?? -Infinity).toBeLessThanOrEqual(c.atMs);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a flush makes durable only writes the virtual disk had completed before it was issued", () => {
    fc.assert(
      fc.property(config, ops, fc.option(crash, { nil: undefined }), (cfg, list, c) => {
        const timeline = simulate({ config: cfg, ops: list, crash: c ?? null });
        const passed = [
          ...timeline.ops.map((o) => o.flush),
          ...timeline.journalCommits.map((j) => j.flush),
        ].filter((f) => f?.outcome === "passed");
        const arrow = cfg.switches.guestSeesWriteCache
          ? cfg.switches.hostCacheBypassed
            ? "gray"
            : "red"
          : "blue";
        for (const result of timeline.ops) {
          const green = result.hops.find((h) => h.route === "green");
          if (!green) continue;
          // The virtual disk completed the write when its last leg along the mode's arrow ended.
          const completedMs = result.hops.filter((h) => h.route === arrow).at(-1)?.endMs;
          expect(completedMs).toBeDefined();
          // Some passed flush was issued after that completion and by the time green began.
          const carrier = passed.find(
            (f) => f && f.issuedAtMs >= (completedMs ?? Infinity) && f.issuedAtMs <= green.startMs,
          );
          expect(carrier, JSON.stringify(result.hops)).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("results do not depend on the order ops are listed in, only on their times", () => {
    // Identical writes issued at one instant queue for the platters in some order: which of them
    // goes first is arbitrary, so they are compared as a group, not one by one.
    const outcomes = (timeline: ReturnType<typeof simulate>) => {
      const groups = new Map<string, string[]>();
      for (const result of timeline.ops) {
        const key = `${String(result.atMs)}/${result.kind}`;
        const text = JSON.stringify({ ...result, index: 0 });
        groups.set(key, [...(groups.get(key) ?? []), text].sort());
      }
      return groups;
    };
    fc.assert(
      fc.property(
        config,
        ops.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, i) => i),
              { minLength: list.length },
            ),
          ),
        ),
        fc.option(crash, { nil: undefined }),
        (cfg, [list, order], c) => {
          const original = simulate({ config: cfg, ops: list, crash: c ?? null });
          const shuffled = simulate({
            config: cfg,
            ops: order.map((i) => list[i]).filter((o): o is Op => o !== undefined),
            crash: c ?? null,
          });
          expect(outcomes(shuffled)).toEqual(outcomes(original));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("without a crash, every call returns and every write ends on stable storage, hop after hop", () => {
    fc.assert(
      fc.property(config, ops, (cfg, list) => {
        const timeline = simulate({ config: cfg, ops: list });
        for (const result of timeline.ops) {
          expect(result.ackedAtMs).not.toBeNull();
          expect(result.ackedAtMs ?? -1).toBeGreaterThanOrEqual(result.atMs);
          if (result.kind === "barrier") continue;
          expect(result.durableAtMs ?? -1).toBeGreaterThanOrEqual(result.atMs);
          result.hops.forEach((hop, i) => {
            expect(hop.endMs).toBeGreaterThanOrEqual(hop.startMs);
            const next = result.hops[i + 1];
            if (next) {
              expect(next.from).toBe(hop.to);
              expect(next.startMs).toBeGreaterThanOrEqual(hop.endMs);
            }
          });
          expect(result.hops[0]?.startMs).toBe(result.atMs);
          expect(result.hops[0]?.from).toBe("guest-app");
          const last = result.hops.at(-1);
          expect(last && (last.to === "platters" || cfg.diskCache === "battery")).toBe(true);
          expect(timeline.endMs).toBeGreaterThanOrEqual(result.durableAtMs ?? Infinity);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("what the guest was promised holds: synced data is durable when the call returns", () => {
    fc.assert(
      fc.property(config, ops, (cfg, list) => {
        const timeline = simulate({ config: cfg, ops: list });
        const { guestSeesWriteCache, flushesIgnored } = cfg.switches;
        const flushesWork = cfg.guestBarriers && guestSeesWriteCache && !flushesIgnored;
        for (const result of timeline.ops) {
          const acked = result.ackedAtMs ?? NaN;
          // O_SYNC: durable on return whenever no write cache is visible or flushes pass (§3).
          if (result.kind === "osync" && (!guestSeesWriteCache || flushesWork)) {
            expect(result.durableAtMs).toBeLessThanOrEqual(acked);
          }
          // A passed barrier covers every write acknowledged before it was issued.
          if (result.kind === "barrier" && result.flush?.outcome === "passed") {
            for (const earlier of timeline.ops) {
              if (earlier.kind !== "barrier" && (earlier.ackedAtMs ?? Infinity) <= result.atMs) {
                expect(earlier.durableAtMs).toBeLessThanOrEqual(acked);
              }
            }
          }
          // cache=unsafe never lets a flush reach the platters (§2).
          if (flushesIgnored) expect(result.paths).not.toContain("green");
          if (result.kind === "normal") expect(result.ackedIn).toBe("guest-page-cache");
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the worst moment loses exactly the acknowledged writes it says it exposes, and no instant loses more", () => {
    fc.assert(
      fc.property(config, ops, fc.constantFrom(...FAILURE_KINDS), (cfg, list, failure) => {
        const timeline = simulate({ config: cfg, ops: list });
        const worst = worstMoment(timeline, failure, timeline.endMs);
        const lostAcked = (atMs: number) =>
          simulate({ config: cfg, ops: list, crash: { atMs, kind: failure } }).ops.filter(
            (o) => o.survives === false && o.ackedAtMs !== null && o.ackedAtMs <= atMs,
          ).length;
        if (!worst) {
          for (const o of timeline.ops)
            if (o.ackedAtMs !== null) expect(lostAcked(o.ackedAtMs)).toBe(0);
          return;
        }
        expect(lostAcked(worst.atMs)).toBe(worst.exposed);
        for (const o of timeline.ops) {
          if (o.ackedAtMs !== null)
            expect(lostAcked(o.ackedAtMs)).toBeLessThanOrEqual(worst.exposed);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the 'if it failed now' preview equals simulating that crash, for every failure", () => {
    fc.assert(
      fc.property(config, ops, crash, (cfg, list, c) => {
        const calm = simulate({ config: cfg, ops: list });
        const crashed = simulate({ config: cfg, ops: list, crash: c });
        // The same writes lost, returned and promised durable, counted one way (./tally.ts).
        expect(lossesAt(calm.ops, cfg.diskCache, c.kind, c.atMs)).toEqual(failureTally(crashed));
      }),
      { numRuns: RUNS },
    );
  });

  it("the crash sweep counts the same losses as simulating each crash", () => {
    fc.assert(
      fc.property(
        config,
        ops,
        fc.constantFrom(...FAILURE_KINDS),
        fc.nat(),
        (cfg, list, failure, pick) => {
          const timeline = simulate({ config: cfg, ops: list });
          const sweep = sweepCrashes(timeline, failure);
          if (sweep.instantsMs.length === 0) return;
          const i = pick % sweep.instantsMs.length;
          const atMs = sweep.instantsMs[i] ?? NaN;
          const crashed = simulate({ config: cfg, ops: list, crash: { atMs, kind: failure } });
          expect(sweep.lost[i]).toBe(crashed.ops.filter((o) => o.survives === false).length);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
