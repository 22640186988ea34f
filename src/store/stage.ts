/**
 * What the stage shows for a configuration, decided once: which arrows are active, where each
 * one ends and is labelled, where a refused flush stops, which layers a power cut wipes, where
 * stable storage is, and where an O_SYNC call says "done". The answers come from the model
 * (rules, failure table, safety matrix), never from a second set of rules here.
 */
import { MODE_SWITCHES } from "../model/config";
import { stableLayer, wipes } from "../model/failure";
import { FLUSH_TRAVELS, flushOutcome, hostFlushFault, writeArrow } from "../model/rules";
import { simulate } from "../model/simulate";
import type { Arrow, FlushOutcome } from "../model/timeline";
import { arrowReach, type Reach } from "../geometry/arrows";
import { flushEnd, LAYER_OF_BOX, type BoxId } from "../geometry/layout";
import { modelConfig, type SessionConfig } from "../scenario/session";

export interface StageFacts {
  readonly active: Readonly<Record<Arrow, boolean>>;
  readonly flush: FlushOutcome;
  readonly reach: Readonly<Record<Arrow, Reach>>;
  /** The row each arrow's label stands at: its head, or where a refused flush stops. */
  readonly labelAt: Readonly<Record<Arrow, BoxId>>;
  /** Whether a fault below QEMU stops blue and green in the drive's volatile cache (§4). */
  readonly fault: boolean;
  /** Where gray ends: the drive's cache, or the platters when that cache is off. */
  readonly disk: BoxId;
  /** Where a flush that does not pass stops, and whether it was refused (vs. not needed). */
  readonly stop: { readonly box: BoxId; readonly refused: boolean } | null;
  /** Stable storage: the platters, or a battery-backed disk cache (docs/model.md §4). */
  readonly stable: BoxId;
  /** Where an O_SYNC write's call returns ("done"), as the model computes it. */
  readonly done: BoxId;
  /** Whether a power cut wipes what sits in each box. */
  readonly volatile: Readonly<Record<BoxId, boolean>>;
}

const BOX_IDS = Object.keys(LAYER_OF_BOX) as BoxId[];

/** Where and why a flush stops when it does not pass: refused, or not needed (no write cache). */
function stopOf(flush: FlushOutcome, stable: BoxId): StageFacts["stop"] {
  if (flush === "passed") return null;
  return { box: flushEnd(flush, stable), refused: flush !== "no-write-cache" };
}

export function stageFacts(config: SessionConfig): StageFacts {
  const switches = MODE_SWITCHES[config.mode];
  const used = writeArrow(switches);
  const flush = flushOutcome(modelConfig(config));
  // Under a fault (§4) nothing QEMU sends down empties the drive's volatile cache: blue ends there.
  const fault = hostFlushFault(modelConfig(config));
  const stable: BoxId = stableLayer(config.diskCache);
  const disk: BoxId = config.diskCache === "off" ? "platters" : "disk-cache";
  const reach = {
    red: arrowReach("red", { disk, stable }),
    gray: arrowReach("gray", { disk, stable }),
    blue: arrowReach("blue", { disk, stable: fault ? "disk-cache" : stable }),
    green: arrowReach("green", { disk, stable: fault ? "disk-cache" : stable }),
  };
  const stop = stopOf(flush, stable);
  const active = {
    red: used === "red",
    gray: used === "gray",
    blue: used === "blue",
    // QEMU passes the flush on (its switch closed) even when a fault below stops it in the drive.
    green: FLUSH_TRAVELS.has(flush),
  };
  // Where the model returns an O_SYNC write issued on an idle stack (as the safety matrix does).
  const done =
    simulate({
      config: modelConfig(config),
      ops: [{ atMs: 0, kind: "osync" }],
    }).ops[0]?.ackedIn ?? stable;
  const volatile = Object.fromEntries(
    BOX_IDS.map((id) => [id, wipes("power", LAYER_OF_BOX[id], config.diskCache)]),
  ) as Record<BoxId, boolean>;
  return {
    active,
    flush,
    reach,
    labelAt: {
      red: reach.red.to,
      gray: reach.gray.to,
      blue: reach.blue.to,
      green: stop ? stop.box : reach.green.to,
    },
    fault: fault !== null,
    disk,
    stop,
    stable,
    done,
    volatile,
  };
}
