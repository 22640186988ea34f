/**
 * The interactive session's document is a scenario (docs/model.md; src/scenario/schema.ts): one
 * configuration, the writes issued, and the failure if one struck. Changing the configuration
 * runs the same writes again under the new one; the model is exact for the whole session.
 */
import {
  CONFIG_FIELDS,
  CONFIG_KEYS,
  makeConfig,
  withDefaults,
  type Config,
  type ConfigFields,
} from "../model/config";
import { simulate } from "../model/simulate";
import type { Crash, Op, Timeline } from "../model/timeline";
import type { ScenarioConfig, ScenarioDoc } from "./schema";
import { SCENARIO_VERSION } from "./version";

export { DEFAULT_CONFIG } from "../model/config";

/** The page's configuration: one value per field of the configuration table (src/model/config.ts). */
export type SessionConfig = ConfigFields;

/** What the page holds: a scenario document in the model's own units. */
export interface SessionDoc {
  readonly config: SessionConfig;
  /** In issue order: an op's index is its number in the ledger. */
  readonly ops: readonly Op[];
  readonly crash: Crash | null;
}

/** The model's configuration for the page's. */
export function modelConfig(config: SessionConfig): Config {
  const { mode, ...fields } = config;
  return makeConfig({ ...fields, cache: mode });
}

/**
 * The configuration as a scenario document writes it: a field the table writes "unlessDefault"
 * (the faults) only when it is not the default, so documents without them keep their shape.
 */
export function scenarioConfig(config: SessionConfig): ScenarioConfig {
  const written = CONFIG_KEYS.filter(
    (key) => CONFIG_FIELDS[key].written === "always" || config[key] !== CONFIG_FIELDS[key].default,
  );
  return Object.fromEntries(written.map((key) => [key, config[key]])) as ScenarioConfig;
}

export function simulateSession(doc: SessionDoc): Timeline {
  return simulate({ config: modelConfig(doc.config), ops: doc.ops, crash: doc.crash });
}

/** The scenario document (what `npm run scenario` reads) for a session. */
export function toScenarioDoc(doc: SessionDoc): ScenarioDoc {
  return {
    version: SCENARIO_VERSION,
    config: scenarioConfig(doc.config),
    ops: doc.ops.map((op) => ({ at: op.atMs, kind: op.kind })),
    ...(doc.crash ? { crash: { at: doc.crash.atMs, kind: doc.crash.kind } } : {}),
  };
}

/** A validated scenario document as a session (absent optional fields take their defaults). */
export function fromScenarioDoc(doc: ScenarioDoc): SessionDoc {
  return {
    config: withDefaults(doc.config),
    ops: doc.ops.map((op) => ({ atMs: op.at, kind: op.kind })),
    crash: doc.crash ? { atMs: doc.crash.at, kind: doc.crash.kind } : null,
  };
}
