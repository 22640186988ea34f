/**
 * The interactive session's document is a scenario (docs/model.md; src/scenario/schema.ts): one
 * configuration, the writes issued, and the failure if one struck. Changing the configuration
 * runs the same writes again under the new one; the model is exact for the whole session.
 */
import { makeConfig, type CacheMode, type DiskCache, type GuestFs } from "../model/config";
import { simulate } from "../model/simulate";
import type { Crash, Op, Timeline } from "../model/timeline";
import { SCENARIO_VERSION, type ScenarioDoc } from "../scenario/schema";

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

/** What the page holds: a scenario document in the model's own units. */
export interface SessionDoc {
  readonly config: SessionConfig;
  /** In issue order: an op's index is its number in the ledger. */
  readonly ops: readonly Op[];
  readonly crash: Crash | null;
}

export function simulateSession(doc: SessionDoc): Timeline {
  return simulate({
    config: makeConfig({
      cache: doc.config.mode,
      guestBarriers: doc.config.guestBarriers,
      guestFs: doc.config.guestFs,
      diskCache: doc.config.diskCache,
    }),
    ops: doc.ops,
    crash: doc.crash,
  });
}

/** The scenario document (what `npm run scenario` reads) for a session. */
export function toScenarioDoc(doc: SessionDoc): ScenarioDoc {
  return {
    version: SCENARIO_VERSION,
    config: { ...doc.config },
    ops: doc.ops.map((op) => ({ at: op.atMs, kind: op.kind })),
    ...(doc.crash ? { crash: { at: doc.crash.atMs, kind: doc.crash.kind } } : {}),
  };
}

/** A validated scenario document as a session (absent optional fields take their defaults). */
export function fromScenarioDoc(doc: ScenarioDoc): SessionDoc {
  return {
    config: {
      mode: doc.config.mode,
      guestBarriers: doc.config.guestBarriers,
      guestFs: doc.config.guestFs ?? DEFAULT_CONFIG.guestFs,
      diskCache: doc.config.diskCache ?? DEFAULT_CONFIG.diskCache,
    },
    ops: doc.ops.map((op) => ({ atMs: op.at, kind: op.kind })),
    crash: doc.crash ? { atMs: doc.crash.at, kind: doc.crash.kind } : null,
  };
}
