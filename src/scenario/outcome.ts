/**
 * The headless runner's answer for a scenario document: one entry per op, in op order
 * (the contract of `npm run scenario`).
 */
import type { Arrow, LayerId, OpKind, Timeline } from "../model/timeline";
import { SCENARIO_VERSION, type ScenarioDoc } from "./schema";
import { fromScenarioDoc, simulateSession } from "./session";

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

/** The same path from document to timeline as the page's (src/scenario/session.ts). */
export function timelineOf(doc: ScenarioDoc): Timeline {
  return simulateSession(fromScenarioDoc(doc));
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
