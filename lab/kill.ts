/**
 * Failures done for real: QEMU is SIGKILLed the instant the guest reports its last write
 * returned, then the images are read on the host. The raw image checks the model's "QEMU killed"
 * column (docs/model.md §4, src/model/failure.ts); the qcow2 image, whose clusters the writes
 * allocate, checks what docs/model.md §4 ("The image format") and §6.4 say of qcow2.
 */
import { execFileSync } from "node:child_process";
import { closeSync, openSync, readSync } from "node:fs";
import type { CacheMode, Config } from "../src/model/config";
import { flushOutcome, writeArrow } from "../src/model/rules";
import type { OpKind } from "../src/model/timeline";
import { survivesKill } from "./predict";

/**
 * The guest's writes in the order lab/guest/labguest.c (task_kill) makes them: name, image,
 * offset, the byte the block is filled with, the model's operation, and whether a guest flush
 * (fdatasync on the device) followed it.
 */
export const KILL_WRITES = [
  { name: "raw-normal", image: "raw", offset: 0, fill: "N", op: "normal", flushed: false },
  { name: "raw-odirect", image: "raw", offset: 1 << 20, fill: "D", op: "odirect", flushed: false },
  { name: "raw-osync", image: "raw", offset: 2 << 20, fill: "S", op: "osync", flushed: false },
  { name: "qcow2-flushed", image: "qcow2", offset: 0, fill: "F", op: "odirect", flushed: true },
  {
    name: "qcow2-unflushed",
    image: "qcow2",
    offset: 1 << 20,
    fill: "U",
    op: "odirect",
    flushed: false,
  },
] as const satisfies readonly {
  name: string;
  image: "raw" | "qcow2";
  offset: number;
  fill: string;
  op: OpKind;
  flushed: boolean;
}[];

export type KillWrite = (typeof KILL_WRITES)[number];

/** The console line after which the host kills QEMU: the last write's report. */
export const LAST_REPORT = `@r ${KILL_WRITES[KILL_WRITES.length - 1]?.name ?? ""}`;

export type KillVerdict = "survives" | "lost" | "may be lost";

export interface KillResult {
  readonly mode: CacheMode;
  readonly write: KillWrite["name"];
  readonly image: "raw" | "qcow2";
  readonly predicted: KillVerdict;
  readonly observed: "survived" | "lost";
  readonly holds: boolean;
  /** Where the prediction comes from. */
  readonly source: string;
}

const BLOCK = 4096;

/** The guest's raw writes, predicted by the model's simulation with a QEMU kill after them. */
function rawPredictions(config: Config): Map<string, KillVerdict> {
  const raw = KILL_WRITES.filter((w) => w.image === "raw");
  // The guest makes its calls one after the other; 100 ms apart lets each finish first.
  const survives = survivesKill(
    config,
    raw.map((w, i) => ({ atMs: i * 100, kind: w.op })),
  );
  return new Map(raw.map((w, i) => [w.name, survives[i] ? "survives" : "lost"]));
}

/**
 * docs/model.md §4: a write that allocates a qcow2 cluster is recorded in QEMU's metadata cache
 * until a guest flush reaches QEMU, whose "flush to OS" step writes it out (also under unsafe,
 * §6.4); writethrough and directsync flush after every write. Until then a QEMU kill can lose it.
 */
function qcow2Prediction(config: Config, write: KillWrite): KillVerdict {
  const outcome = flushOutcome(config);
  const flushReachesQemu = outcome !== "no-guest-barriers" && outcome !== "no-write-cache";
  const covered = writeArrow(config.switches) === "blue" || (write.flushed && flushReachesQemu);
  return covered ? "survives" : "may be lost";
}

export function predictKill(config: Config): Map<string, KillVerdict> {
  const verdicts = rawPredictions(config);
  for (const w of KILL_WRITES) {
    if (w.image === "qcow2") verdicts.set(w.name, qcow2Prediction(config, w));
  }
  return verdicts;
}

/** Whether `file` holds the block the guest wrote (4096 copies of `fill`) at `offset`. */
export function holdsBlock(file: string, offset: number, fill: string): boolean {
  const fd = openSync(file, "r");
  try {
    const buf = Buffer.alloc(BLOCK);
    readSync(fd, buf, 0, BLOCK, offset);
    return buf.every((b) => b === fill.charCodeAt(0));
  } finally {
    closeSync(fd);
  }
}

/** The qcow2 image as QEMU's own tools read it after the kill: converted to a raw file. */
export function qcow2AsRaw(qcow2: string, raw: string): void {
  execFileSync("qemu-img", ["convert", "-f", "qcow2", "-O", "raw", qcow2, raw]);
}

export function compareKill(
  mode: CacheMode,
  predicted: ReadonlyMap<string, KillVerdict>,
  found: (w: KillWrite) => boolean,
): KillResult[] {
  return KILL_WRITES.map((w) => {
    const verdict = predicted.get(w.name) ?? "may be lost";
    const observed = found(w) ? "survived" : "lost";
    return {
      mode,
      write: w.name,
      image: w.image,
      predicted: verdict,
      observed,
      holds: verdict === "may be lost" || (verdict === "survives") === (observed === "survived"),
      source:
        w.image === "raw"
          ? "model: simulate() with a QEMU kill"
          : "docs/model.md §4 (qcow2 metadata in QEMU until a flush)",
    };
  });
}
