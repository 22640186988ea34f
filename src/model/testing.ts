/** Small builders shared by the model's tests: scenarios in one line. */
import { makeConfig, type CacheMode, type DiskCache, type GuestFs } from "./config";
import { simulate } from "./simulate";
import type { Crash, Op, OpKind, OpResult, Timeline } from "./timeline";

export interface Setup {
  readonly mode: CacheMode;
  readonly barriers: boolean;
  readonly disk?: DiskCache;
  readonly fs?: GuestFs;
}

export function run(setup: Setup, ops: readonly (Op | OpKind)[], crash?: Crash): Timeline {
  return simulate({
    config: makeConfig({
      cache: setup.mode,
      guestBarriers: setup.barriers,
      guestFs: setup.fs ?? "ext4",
      diskCache: setup.disk ?? "volatile",
    }),
    ops: ops.map((op) => (typeof op === "string" ? { atMs: 0, kind: op } : op)),
    crash: crash ?? null,
  });
}

/** The result of op `index`, failing loudly when it is missing. */
export function opOf(timeline: Timeline, index = 0): OpResult {
  const op = timeline.ops[index];
  if (!op) throw new Error(`no op ${String(index)} in the timeline`);
  return op;
}
