/**
 * `npm run bench:model`: how fast the model is, printed, never asserted (machines are noisy).
 * - throughput: simulating a 100 000-op scenario;
 * - scale: writethrough at 20 000 and 100 000 ops, the four kinds mixed (barriers meeting
 *   thousands of pending writes, once quadratic) next to a plain run of as many buffered writes
 *   under the same configuration; the cost per op should stay about flat in both;
 * - the crash sweep: evaluating a failure at every distinct instant of that timeline;
 * - growth: 50 000 and 100 000 mixed ops in the same minute under every cache mode, with and
 *   without guest barriers, on each drive set-up (a volatile cache, with its two faults, none, a
 *   battery): the cost per op when the ops double, 1× being linear (the bar is ≤ 1.3×). Denser
 *   writes mean more blocks in the drive's cache at each flush, which a flush once walked. Timed
 *   in the process's CPU time, the least of three runs: on a shared machine wall time counts
 *   the other processes' turns (and stretches the collector's pauses), which once read as
 *   ×1.6–1.9 per doubling where the CPU time grew ×0.9–1.3;
 * - scrubbing: finding every op's position at an arbitrary t in a 10 000-op timeline, which the
 *   animation does once per frame; compared with the 16.7 ms frame budget and with a baseline
 *   measured in the same run (one plain pass over the same ops).
 */
import { performance } from "node:perf_hooks";
import { CACHE_MODES, makeConfig, type ConfigInput } from "../src/model/config";
import { positionAt } from "../src/model/position";
import { simulate } from "../src/model/simulate";
import { sweepCrashes } from "../src/model/sweep";
import { random, randomOps } from "../src/model/testing";
import { OP_KINDS, type Timeline } from "../src/model/timeline";
import { median, percentile } from "./stats";

/** The CPU time `work` took, in ms: every thread of the process, the collector's helpers too. */
function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

const config = makeConfig({ cache: "writeback", guestBarriers: true });
const fmt = (n: number, digits = 1) => n.toFixed(digits);

// 1. Throughput.
const bigOps = randomOps(100_000, 600_000);
// Only the first timeline is kept (for the sweep): three would weigh on the garbage collector.
let first: Timeline | undefined;
const simulateMs = median(
  [0, 1, 2].map(() => {
    const { result, ms } = timed(() => simulate({ config, ops: bigOps }));
    first ??= result;
    return ms;
  }),
);
const big: Timeline = first ?? simulate({ config, ops: bigOps });
const hops = big.ops.reduce((sum, op) => sum + op.hops.length, 0);
console.log(
  `model: 100000 ops (${String(hops)} hops) simulated in ${fmt(simulateMs)} ms, median of 3`,
);
console.log(`model: throughput ${fmt(100_000 / (simulateMs / 1000), 0)} ops/s`);

// 2. Scale: barriers over a backlog of pending writes. Under writethrough every write waits its
// turn on the platters (14 ms each), so with a write every 6 ms the backlog grows all along and
// most barriers find thousands of writes pending.
const slow = makeConfig({ cache: "writethrough", guestBarriers: true });
const perOpUs = new Map<string, number>();
for (const count of [20_000, 100_000]) {
  for (const [label, kinds] of [
    ["plain (buffered writes only)", ["normal"]],
    ["mixed (all four kinds)", OP_KINDS],
  ] as const) {
    const ops = randomOps(count, count * 6, kinds);
    const ms = median([0, 1, 2].map(() => timed(() => simulate({ config: slow, ops })).ms));
    perOpUs.set(`${label} ${String(count)}`, (ms * 1000) / count);
    console.log(
      `scale: writethrough, ${String(count)} ops, ${label}: ${fmt(ms)} ms, median of 3 ` +
        `(${fmt((ms * 1000) / count)} µs per op)`,
    );
  }
}
// The same mix with reordering on (docs/model.md §8.14): every journal commit a block of its own.
const reordered = makeConfig({ cache: "writethrough", guestBarriers: true, reorder: true });
for (const count of [20_000, 100_000]) {
  const label = "mixed, reordering on";
  const ops = randomOps(count, count * 6, OP_KINDS);
  const ms = median([0, 1, 2].map(() => timed(() => simulate({ config: reordered, ops })).ms));
  perOpUs.set(`${label} ${String(count)}`, (ms * 1000) / count);
  console.log(
    `scale: writethrough, ${String(count)} ops, ${label}: ${fmt(ms)} ms, median of 3 ` +
      `(${fmt((ms * 1000) / count)} µs per op)`,
  );
}
for (const label of [
  "plain (buffered writes only)",
  "mixed (all four kinds)",
  "mixed, reordering on",
]) {
  const growth = (perOpUs.get(`${label} 100000`) ?? NaN) / (perOpUs.get(`${label} 20000`) ?? NaN);
  console.log(
    `scale: ${label}: cost per op at 100000 ops is ${fmt(growth, 2)}× that at 20000 (1× is linear, 5× quadratic)`,
  );
}

// 3. Growth per doubling, the ops twice as dense (the harder case for anything a flush walks).
const drives: readonly [string, Omit<ConfigInput, "cache">][] = [
  ["volatile cache", {}],
  ["volatile, host barriers off", { hostBarriers: false }],
  ["volatile, flushes ignored", { diskFlush: "ignored" }],
  ["no drive cache", { diskCache: "off" }],
  ["battery-backed", { diskCache: "battery" }],
];
const worstGrowth: number[] = [];
for (const cache of CACHE_MODES) {
  for (const guestBarriers of [true, false]) {
    for (const [drive, input] of drives) {
      const growthConfig = makeConfig({ cache, guestBarriers, ...input });
      const [half, full] = [50_000, 100_000].map((count) => {
        const ops = randomOps(count, 60_000, OP_KINDS);
        // Interference only ever adds time: the least of three is the run's own cost.
        return (
          Math.min(...[0, 1, 2].map(() => cpuMs(() => simulate({ config: growthConfig, ops })))) /
          count
        );
      });
      const growth = (full ?? NaN) / (half ?? NaN);
      worstGrowth.push(growth);
      console.log(
        `growth: ${cache}, barriers ${guestBarriers ? "on" : "off"}, ${drive}: ` +
          `${fmt((full ?? NaN) * 1000)} µs of CPU per op at 100000 mixed ops in 60 s, ${fmt(growth, 2)}× that at 50000, least of 3`,
      );
    }
  }
}
console.log(
  `growth: worst ${fmt(Math.max(...worstGrowth), 2)}×, median ${fmt(median(worstGrowth), 2)}× per doubling`,
);

// 4. The crash sweep.
for (const failure of ["power", "guest"] as const) {
  const sweep = timed(() => sweepCrashes(big, failure));
  console.log(
    `sweep: ${failure} failure at every one of ${String(sweep.result.instantsMs.length)} distinct instants in ${fmt(sweep.ms)} ms`,
  );
}

// 5. Scrubbing: every op's position at an arbitrary t, as one animation frame needs.
const scrubOps = randomOps(10_000, 120_000);
const scrub = simulate({ config, ops: scrubOps });
const next = random(7);
const instants = Array.from({ length: 2_000 }, () => next() * scrub.endMs);
let sink = 0;
const frame = (tMs: number) => {
  for (const op of scrub.ops) {
    const where = positionAt(op, tMs);
    if (where) sink += where.progress;
  }
};
const baseline = (tMs: number) => {
  for (const op of scrub.ops) if (op.atMs <= tMs) sink += op.atMs;
};
instants.slice(0, 200).forEach(frame); // warm-up
const frameMs = instants.map(
  (t) =>
    timed(() => {
      frame(t);
    }).ms,
);
const baselineMs = instants.map(
  (t) =>
    timed(() => {
      baseline(t);
    }).ms,
);
console.log(
  `scrub: 10000-op timeline, all positions at a random t: median ${fmt(median(frameMs), 3)} ms, p95 ${fmt(percentile(frameMs, 0.95), 3)} ms ` +
    `(${fmt((percentile(frameMs, 0.95) / 16.7) * 100)}% of a 16.7 ms frame)`,
);
console.log(
  `scrub: baseline, one plain pass over the same ops: median ${fmt(median(baselineMs), 3)} ms, p95 ${fmt(percentile(baselineMs, 0.95), 3)} ms`,
);
if (Number.isNaN(sink)) console.log("(unreachable: keeps the loops from being optimised away)");
