/**
 * Scale: barriers meeting many pending writes once made the model quadratic (every barrier copied
 * the whole pending set; a 20 000-op writethrough mix took ~20 s and 2 GB). These scenarios now
 * finish well inside vitest's default timeout; a return to quadratic cost makes them time out.
 * Wall time itself is never asserted: `npm run bench:model` prints it.
 */
import { describe, expect, it } from "vitest";
import { makeConfig, type GuestFs } from "./config";
import { simulate } from "./simulate";
import { randomOps } from "./testing";
import type { Op, Timeline } from "./timeline";

/**
 * Under writethrough the virtual disk completes a write on the platters, so a write's
 * `durableAtMs` is when it completed; a barrier must not return before every write issued up to
 * its instant has. Checked in n log n over the whole timeline.
 */
function expectBarriersWaitForEarlierWrites(timeline: Timeline): void {
  const sorted = [...timeline.ops].sort(
    (a, b) => a.atMs - b.atMs || Number(a.kind === "barrier") - Number(b.kind === "barrier"),
  );
  let latestCompletion = -Infinity;
  let barriers = 0;
  const early: number[] = [];
  for (const op of sorted) {
    if (op.kind === "barrier") {
      barriers++;
      if (op.ackedAtMs === null || op.ackedAtMs < latestCompletion) early.push(op.index);
    } else {
      latestCompletion = Math.max(latestCompletion, op.durableAtMs ?? Infinity);
    }
  }
  expect(early).toEqual([]);
  expect(barriers).toBeGreaterThan(1_000);
}

describe("simulate at scale", () => {
  it.each<GuestFs>(["ext4", "ext3"])(
    "a 20 000-op writethrough mix of all four kinds (%s) simulates in near-linear time",
    (guestFs) => {
      const ops = randomOps(20_000, 120_000);
      const config = makeConfig({ cache: "writethrough", guestBarriers: true, guestFs });
      const timeline = simulate({ config, ops });
      expect(timeline.ops).toHaveLength(20_000);
      // The platters (one write at a time, 14 ms each) are the bottleneck: far behind the
      // 120 s of submissions, so thousands of writes are pending when most barriers arrive.
      expect(timeline.endMs).toBeGreaterThan(200_000);
      expect(timeline.ops.every((op) => op.ackedAtMs !== null)).toBe(true);
      expectBarriersWaitForEarlierWrites(timeline);
    },
  );

  it("many barriers at one instant over many pending writes", () => {
    const ops: Op[] = [
      ...Array.from({ length: 5_000 }, (_, i): Op => ({ atMs: i / 100, kind: "normal" })),
      ...Array.from({ length: 5_000 }, (): Op => ({ atMs: 50, kind: "barrier" })),
    ];
    const config = makeConfig({ cache: "writethrough", guestBarriers: true });
    const timeline = simulate({ config, ops });
    const lastWrite = Math.max(...timeline.ops.slice(0, 5_000).map((op) => op.durableAtMs ?? 0));
    const barrierAcks = new Set(timeline.ops.slice(5_000).map((op) => op.ackedAtMs));
    // All of them wait for the last write and return together.
    expect([...barrierAcks]).toEqual([lastWrite]);
  });
});
