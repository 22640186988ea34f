/**
 * The interactive session's document is a scenario (docs/model.md; src/scenario/schema.ts): one
 * configuration, the writes issued, and the failure if one struck. Changing the configuration
 * runs the same writes again under the new one; the model is exact for the whole session.
 */
import {
  makeConfig,
  type CacheMode,
  type Config,
  type DiskCache,
  type DiskFlush,
  type GuestFs,
} from "../model/config";
import { simulate } from "../model/simulate";
import type { Crash, Op, Timeline } from "../model/timeline";
import type { ScenarioDoc } from "./schema";
import { SCENARIO_VERSION } from "./version";

export interface SessionConfig {
  readonly mode: CacheMode;
  readonly guestBarriers: boolean;
  readonly guestFs: GuestFs;
  readonly diskCache: DiskCache;
  /** Faults below QEMU (docs/model.md §4): off by default. */
  readonly diskFlush: DiskFlush;
  readonly hostBarriers: boolean;
  /** The drive may write blocks out of order (docs/model.md §8.14): off by default. */
  readonly reorder: boolean;
}

/** QEMU's default mode and an ext4 guest with its default barriers (docs/model.md §2, §3). */
export const DEFAULT_CONFIG: SessionConfig = {
  mode: "writeback",
  guestBarriers: true,
  guestFs: "ext4",
  diskCache: "volatile",
  diskFlush: "honoured",
  hostBarriers: true,
  reorder: false,
};

/** What the page holds: a scenario document in the model's own units. */
export interface SessionDoc {
  readonly config: SessionConfig;
  /** In issue order: an op's index is its number in the ledger. */
  readonly ops: readonly Op[];
  readonly crash: Crash | null;
}

/** The model's configuration for the page's: the one place the fields are carried over. */
export function modelConfig(config: SessionConfig): Config {
  return makeConfig({
    cache: config.mode,
    guestBarriers: config.guestBarriers,
    guestFs: config.guestFs,
    diskCache: config.diskCache,
    diskFlush: config.diskFlush,
    hostBarriers: config.hostBarriers,
    reorder: config.reorder,
  });
}

export function simulateSession(doc: SessionDoc): Timeline {
  return simulate({ config: modelConfig(doc.config), ops: doc.ops, crash: doc.crash });
}

/** The scenario document (what `npm run scenario` reads) for a session. */
export function toScenarioDoc(doc: SessionDoc): ScenarioDoc {
  return {
    version: SCENARIO_VERSION,
    config: {
      mode: doc.config.mode,
      guestBarriers: doc.config.guestBarriers,
      guestFs: doc.config.guestFs,
      diskCache: doc.config.diskCache,
      // The faults are written only when present: documents without them keep their shape.
      ...(doc.config.diskFlush === "ignored" ? { diskFlush: "ignored" as const } : {}),
      ...(doc.config.hostBarriers ? {} : { hostBarriers: false }),
      ...(doc.config.reorder ? { reorder: true } : {}),
    },
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
      diskFlush: doc.config.diskFlush ?? DEFAULT_CONFIG.diskFlush,
      hostBarriers: doc.config.hostBarriers ?? DEFAULT_CONFIG.hostBarriers,
      reorder: doc.config.reorder ?? DEFAULT_CONFIG.reorder,
    },
    ops: doc.ops.map((op) => ({ atMs: op.at, kind: op.kind })),
    crash: doc.crash ? { atMs: doc.crash.at, kind: doc.crash.kind } : null,
  };
}
