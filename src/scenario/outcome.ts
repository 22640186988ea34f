/**
 * The headless runner's answer for a scenario document: one entry per op, in op order
 * (the contract of `npm run scenario`).
 */
import { makeConfig } from "../model/config";
import { simulate } from "../model/simulate";
import type { Arrow, LayerId, OpKind, Timeline } from "../model/timeline";
import { SCENARIO_VERSION, type ScenarioDoc } from "./schema";

export interface WriteOutcome {
  readonly op: number;
  readonly kind: OpKind;
  readonly ackedAt: number | null;
  readonly ackedIn: Exclude<LayerId, "guest-app"> | null;
  readonly durableAt: number | null;
  readonly paths: readonly Arrow[];
  readonly survives: boolean | null;
  /** Present and true only for a write whose journal commit was durable at the crash while its data was not (§8.14). */
  readonly inconsistent?: true;
}

export interface Outcome {
  readonly version: typeof SCENARIO_VERSION;
  readonly writes: readonly WriteOutcome[];
}

export function timelineOf(doc: ScenarioDoc): Timeline {
  return simulate({
    config: makeConfig({
      cache: doc.config.mode,
      guestBarriers: doc.config.guestBarriers,
      ...(doc.config.guestFs ? { guestFs: doc.config.guestFs } : {}),
      ...(doc.config.diskCache ? { diskCache: doc.config.diskCache } : {}),
      ...(doc.config.diskFlush ? { diskFlush: doc.config.diskFlush } : {}),
      ...(doc.config.hostBarriers === undefined ? {} : { hostBarriers: doc.config.hostBarriers }),
      ...(doc.config.reorder === undefined ? {} : { reorder: doc.config.reorder }),
    }),
    ops: doc.ops.map((op) => ({ atMs: op.at, kind: op.kind })),
    crash: doc.crash ? { atMs: doc.crash.at, kind: doc.crash.kind } : null,
  });
}

/** Model times are sums of small constants; round away float noise (to the nanosecond). */
function ms(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

export function outcomeOf(doc: ScenarioDoc): Outcome {
  return {
    version: SCENARIO_VERSION,
    writes: timelineOf(doc).ops.map((op) => ({
      op: op.index,
      kind: op.kind,
      ackedAt: ms(op.ackedAtMs),
      ackedIn: op.ackedIn === "guest-app" ? null : op.ackedIn,
      durableAt: ms(op.durableAtMs),
      paths: op.paths,
      survives: op.survives,
      ...(op.inconsistent ? { inconsistent: true as const } : {}),
    })),
  };
}
