import { PerformanceObserver } from "node:perf_hooks";
import { makeConfig, type ConfigInput } from "../src/model/config";
import { simulate } from "../src/model/simulate";
import { randomOps } from "../src/model/testing";
import { OP_KINDS } from "../src/model/timeline";
const gc = (globalThis as { gc?: () => void }).gc!;
let gcMs = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ["gc"] });
const settle = () => new Promise((r) => setTimeout(r, 20));
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const cases: [string, ConfigInput][] = [
  ["none b1 volatile", { cache: "none", guestBarriers: true }],
  ["none b0 volatile", { cache: "none", guestBarriers: false }],
  ["none b1 hostBarriers off", { cache: "none", guestBarriers: true, hostBarriers: false }],
  ["none b1 battery", { cache: "none", guestBarriers: true, diskCache: "battery" }],
];
for (const forced of [false, true]) for (const [label, input] of cases) {
  const config = makeConfig(input);
  const r: Record<number, { cpu: number; gc: number }> = {};
  for (const n of [50_000, 100_000]) {
    const ops = randomOps(n, 60_000, OP_KINDS);
    const reps: { cpu: number; gc: number }[] = [];
    for (let i = 0; i < 3; i++) {
      if (forced) gc();
      await settle(); gcMs = 0;
      const c = cpuMs();
      simulate({ config, ops });
      const cpu = cpuMs() - c;
      await settle();
      reps.push({ cpu, gc: gcMs });
    }
    reps.sort((a, b) => a.cpu - b.cpu);
    r[n] = reps[1]!;
  }
  const a = r[50_000]!, b = r[100_000]!;
  console.log(`${forced ? "gc() first" : "as bench  "} ${label}: cpu ${a.cpu.toFixed(0)}→${b.cpu.toFixed(0)} ms (per op ×${(b.cpu / 2 / a.cpu).toFixed(2)}), in GC pauses ${a.gc.toFixed(0)}→${b.gc.toFixed(0)} ms, outside GC per op ×${((b.cpu - b.gc) / 2 / (a.cpu - a.gc)).toFixed(2)}`);
}
