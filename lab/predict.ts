/**
 * What the model says one lab run must show. Everything comes from src/model: the switches of
 * the mode (MODE_SWITCHES), the two rules that decide the arrows and the flushes (rules.ts), and
 * a simulation of the kind's operations (simulate). The lab only translates the model's words
 * into QEMU's system calls, as docs/model.md §2 reads QEMU: a write the virtual disk completes is
 * QEMU's pwrite on the image; a blue write is that pwrite followed by an fdatasync (FUA emulated
 * by a flush, `bdrv_driver_pwritev` in block/io.c, under the default aio=threads); a flush that
 * travels (green) is an fdatasync.
 */
import {
  makeConfig,
  MODE_SWITCHES,
  type CacheMode,
  type CacheSwitches,
  type Config,
} from "../src/model/config";
import { flushOutcome, FLUSH_TRAVELS, writeArrow } from "../src/model/rules";
import { simulate } from "../src/model/simulate";
import type { Crash, Op, Timeline } from "../src/model/timeline";
import { WRITE_KINDS, type HostCalls, type WriteKind } from "./kinds";

/**
 * Deliberate errors the lab can plant in the model's input, to prove that it catches a wrong
 * model (`npm run lab -- --seed-error NAME`): each changes one mode's switches.
 */
export const SEED_ERRORS = {
  /** cache=unsafe passing guest flushes down as fdatasync (cache.no-flush off). */
  "unsafe-passes-flushes": { mode: "unsafe", change: { flushesIgnored: false } },
  /** cache=none keeping the host page cache (cache.direct off): no O_DIRECT. */
  "none-uses-host-cache": { mode: "none", change: { hostCacheBypassed: false } },
  /** cache=writethrough showing the guest a write cache. */
  "writethrough-shows-cache": { mode: "writethrough", change: { guestSeesWriteCache: true } },
} as const satisfies Record<string, { mode: CacheMode; change: Partial<CacheSwitches> }>;
export type SeedError = keyof typeof SEED_ERRORS;

export function isSeedError(name: string): name is SeedError {
  return Object.hasOwn(SEED_ERRORS, name);
}

/** The switches the model gives `mode`, with the seeded error applied when it concerns it. */
export function switchesOf(mode: CacheMode, seed: SeedError | null): CacheSwitches {
  const error = seed === null ? null : SEED_ERRORS[seed];
  return error?.mode === mode ? { ...MODE_SWITCHES[mode], ...error.change } : MODE_SWITCHES[mode];
}

/** What a boot's configuration predicts, whatever the write kind. */
export interface BootPrediction {
  /** QEMU opens the image with O_DIRECT (`cache.direct`, docs/model.md §2). */
  readonly odirect: boolean;
  /** The guest's virtio disk reports a volatile write cache (`cache.writeback`). */
  readonly guestSeesWriteCache: boolean;
  /** A guest flush reaches QEMU's fdatasync on the image (green), or is dropped on the way. */
  readonly fdatasyncPerFlush: boolean;
  /** QEMU follows each write with its own fdatasync (blue: no write cache, FUA emulated). */
  readonly fdatasyncPerWrite: boolean;
}

export interface RunPrediction extends BootPrediction {
  /** The host calls a guest call of this kind returns after. */
  readonly completesAfter: HostCalls;
}

export function configOf(mode: CacheMode, guestBarriers: boolean, seed: SeedError | null): Config {
  // ext4 with a volatile drive cache and no faults: the lab's guest and an ordinary host.
  return makeConfig({ cache: switchesOf(mode, seed), guestBarriers, guestFs: "ext4" });
}

export function predictBoot(config: Config): BootPrediction {
  return {
    odirect: config.switches.hostCacheBypassed,
    guestSeesWriteCache: config.switches.guestSeesWriteCache,
    fdatasyncPerFlush: FLUSH_TRAVELS.has(flushOutcome(config)),
    fdatasyncPerWrite: writeArrow(config.switches) === "blue",
  };
}

/** The host calls the guest's call waited for, read from the model's timeline of one kind. */
export function completesAfter(timeline: Timeline): HostCalls {
  const data = timeline.ops[0];
  const last = timeline.ops[timeline.ops.length - 1];
  if (!data || last?.ackedAtMs == null) {
    throw new Error("the model never completed the lab's call");
  }
  const ackMs = last.ackedAtMs;
  const before = data.hops.filter((h) => h.endMs <= ackMs).map((h) => h.route);
  const wrote = before.some((r) => r === "red" || r === "gray" || r === "blue");
  const synced =
    before.includes("blue") ||
    (last.flush !== null &&
      FLUSH_TRAVELS.has(last.flush.outcome) &&
      last.flush.doneAtMs !== null &&
      last.flush.doneAtMs <= ackMs);
  if (!wrote) return synced ? "fdatasync" : "none";
  return synced ? "pwrite+fdatasync" : "pwrite";
}

/** The model's operations for one guest call of `kind`, all at the same instant. */
export function opsOf(kind: WriteKind, atMs = 0): Op[] {
  const found = WRITE_KINDS.find((k) => k.id === kind);
  if (!found) throw new Error(`unknown write kind ${kind}`);
  return found.ops.map((k) => ({ atMs, kind: k }));
}

export function predictRun(config: Config, kind: WriteKind): RunPrediction {
  const timeline = simulate({ config, ops: opsOf(kind) });
  return { ...predictBoot(config), completesAfter: completesAfter(timeline) };
}

/** The model's "QEMU killed" verdict for each of `ops`, with the kill after the last call returned. */
export function survivesKill(config: Config, ops: readonly Op[]): boolean[] {
  const calm = simulate({ config, ops });
  const lastAck = Math.max(...calm.ops.map((o) => o.ackedAtMs ?? 0));
  const crash: Crash = { kind: "qemu", atMs: lastAck + 0.001 };
  return simulate({ config, ops, crash }).ops.map((o) => o.survives ?? false);
}
