/** Small builders shared by the model's tests: scenarios in one line. */
import {
  CONFIG_FIELDS,
  CONFIG_KEYS,
  DEFAULT_CONFIG,
  makeConfig,
  type CacheMode,
  type ConfigFields,
  type DiskCache,
  type GuestFs,
} from "./config";
import { simulate } from "./simulate";
import {
  OP_KINDS,
  type Crash,
  type Op,
  type OpKind,
  type OpResult,
  type Timeline,
} from "./timeline";

/** Every configuration the table allows: each field at each of its values, in every combination. */
export const ALL_CONFIGS: readonly ConfigFields[] = CONFIG_KEYS.reduce<readonly ConfigFields[]>(
  (configs, key) => {
    const values: readonly ConfigFields[typeof key][] = CONFIG_FIELDS[key].values;
    return configs.flatMap((config) => values.map((value) => ({ ...config, [key]: value })));
  },
  [DEFAULT_CONFIG],
);

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

/** A small deterministic generator (mulberry32): the same scenario on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` ops of the given kinds, at random over `spanMs` (to the µs); the same every run. */
export function randomOps(
  count: number,
  spanMs: number,
  kinds: readonly OpKind[] = OP_KINDS,
  seed = 42,
): Op[] {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    atMs: Math.round(next() * spanMs * 1000) / 1000,
    kind: kinds[Math.floor(next() * kinds.length)] ?? "normal",
  }));
}
