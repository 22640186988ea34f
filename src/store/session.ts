/**
 * The interactive session's document: the configuration now, and every write the user issued
 * with the configuration it was issued under. Changing the configuration applies to new writes
 * only, so writes issued under different configurations are simulated separately and stitched
 * back together in issue order: they do not share flushes (a documented simplification; within
 * one configuration the model is exact).
 */
import { makeConfig, type CacheMode, type DiskCache, type GuestFs } from "../model/config";
import { simulate } from "../model/simulate";
import type { Crash, JournalCommit, OpKind, OpResult } from "../model/timeline";

export interface SessionConfig {
  readonly mode: CacheMode;
  readonly guestBarriers: boolean;
  readonly guestFs: GuestFs;
  readonly diskCache: DiskCache;
}

/** QEMU's default mode and an ext4 guest with its default barriers (docs/model.md §2, §3). */
export const DEFAULT_CONFIG: SessionConfig = {
  mode: "writeback",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
};

export interface IssuedOp {
  readonly atMs: number;
  readonly kind: OpKind;
  readonly config: SessionConfig;
}

export interface SessionTimeline {
  /** One result per issued op, in issue order (`index` = position). */
  readonly ops: readonly OpResult[];
  readonly journalCommits: readonly JournalCommit[];
  readonly crash: Crash | null;
  readonly endMs: number;
}

function configKey(c: SessionConfig): string {
  return `${c.mode}/${String(c.guestBarriers)}/${c.guestFs}/${c.diskCache}`;
}

export function simulateSession(ops: readonly IssuedOp[], crash: Crash | null): SessionTimeline {
  const groups = new Map<string, { config: SessionConfig; indices: number[] }>();
  ops.forEach((op, index) => {
    const key = configKey(op.config);
    const group = groups.get(key) ?? { config: op.config, indices: [] };
    group.indices.push(index);
    groups.set(key, group);
  });
  const results: OpResult[] = new Array<OpResult>(ops.length);
  const journalCommits: JournalCommit[] = [];
  let endMs = crash?.atMs ?? 0;
  for (const { config, indices } of groups.values()) {
    const timeline = simulate({
      config: makeConfig({
        cache: config.mode,
        guestBarriers: config.guestBarriers,
        guestFs: config.guestFs,
        diskCache: config.diskCache,
      }),
      ops: indices.map((i) => ops[i] ?? { atMs: 0, kind: "normal" }),
      crash,
    });
    timeline.ops.forEach((result, j) => {
      const index = indices[j] ?? 0;
      results[index] = { ...result, index };
    });
    journalCommits.push(...timeline.journalCommits);
    endMs = Math.max(endMs, timeline.endMs);
  }
  journalCommits.sort((a, b) => a.atMs - b.atMs);
  return { ops: results, journalCommits, crash, endMs };
}
