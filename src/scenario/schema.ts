/**
 * The scenario document (version 1): the single source of truth for the CLI, permalinks, the
 * embed API and the tests (docs/architecture.md: the scenario is where the data flow starts). One
 * validator turns untrusted input into a typed document or a problem that names the field, the
 * values it allows and what it had (src/text/scenario.ts says it in one line). Hand-written rather
 * than a schema library because every message is part of the interface, and the schema is small.
 */
import {
  CONFIG_FIELDS,
  CONFIG_KEYS,
  type ConfigFields,
  type ConfigKey,
  type RequiredKey,
} from "../model/config";
import { FAILURE_KINDS, OP_KINDS, type FailureKind, type OpKind } from "../model/timeline";
import { boolean, fail, InvalidField, objectAt, oneOf, type Problem } from "./fields";

import { duplicateKey } from "./text";
import { SCENARIO_VERSION } from "./version";
import { MAX_OPS } from "./limit";

export { SCENARIO_VERSION } from "./version";
export { MAX_OPS } from "./limit";

/**
 * A document's configuration: the configuration table's fields (src/model/config.ts), the
 * required ones always, the others when the writer chose to (absent: the table's default, so
 * documents written before a field existed keep their meaning).
 */
export type ScenarioConfig = Pick<ConfigFields, RequiredKey> &
  Partial<Omit<ConfigFields, RequiredKey>>;

export interface ScenarioDoc {
  readonly version: typeof SCENARIO_VERSION;
  readonly config: ScenarioConfig;
  readonly ops: readonly { readonly at: number; readonly kind: OpKind }[];
  readonly crash?: { readonly at: number; readonly kind: FailureKind };
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: ScenarioDoc }
  | { readonly ok: false; readonly problem: Problem };

/**
 * Past about 31 years, a microsecond no longer fits in a double's precision next to the time
 * itself: the model's shortest steps would round away.
 */
export const MAX_TIME_MS = 1e12;

function timeMs(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIME_MS) {
    fail(field, { kind: "ms", max: MAX_TIME_MS }, value);
  }
  return value;
}

/** Validates an already-parsed value (an embed message, a test fixture). */
export function validateScenario(value: unknown): ParseResult {
  try {
    return { ok: true, scenario: readScenario(value) };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, problem: error.problem as Problem };
    throw error;
  }
}

/** Parses and validates JSON text (a scenario file, a permalink). */
export function parseScenario(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { field: "document", expected: { kind: "json", reason }, got: text },
    };
  }
  const twice = duplicateKey(text);
  if (twice !== null) {
    return {
      ok: false,
      problem: { field: "document", expected: { kind: "uniqueKeys", key: twice }, got: text },
    };
  }
  return validateScenario(value);
}

/** A field's value, or `InvalidField` naming it and the values it allows. */
function readField(key: ConfigKey, value: unknown): ConfigFields[ConfigKey] {
  const values: readonly ConfigFields[ConfigKey][] = CONFIG_FIELDS[key].values;
  const names = values.filter((v) => typeof v === "string");
  // A yes/no field's values are true and false; any other field's are names.
  return names.length === 0
    ? boolean(`config.${key}`, value)
    : oneOf(`config.${key}`, value, names);
}

/** Each field of the table in its order; an optional one absent stays absent (readers default it). */
function readConfig(config: Record<string, unknown>): ScenarioConfig {
  const present = CONFIG_KEYS.filter(
    (key) => CONFIG_FIELDS[key].required || config[key] !== undefined,
  );
  return Object.fromEntries(
    present.map((key) => [key, readField(key, config[key])]),
  ) as ScenarioConfig;
}

function readScenario(value: unknown): ScenarioDoc {
  const doc = objectAt("document", value, ["version", "config", "ops", "crash"]);
  if (doc.version !== SCENARIO_VERSION) {
    fail("version", { kind: "version", version: SCENARIO_VERSION }, doc.version);
  }
  const config = readConfig(objectAt("config", doc.config, CONFIG_KEYS));

  if (!Array.isArray(doc.ops)) fail("ops", { kind: "ops" }, doc.ops);
  const rawOps: readonly unknown[] = doc.ops;
  if (rawOps.length > MAX_OPS) {
    fail("ops", { kind: "atMostOps", max: MAX_OPS }, rawOps.length);
  }
  const ops = rawOps.map((raw, i) => {
    const op = objectAt(`ops[${String(i)}]`, raw, ["at", "kind"]);
    return {
      at: timeMs(`ops[${String(i)}].at`, op.at),
      kind: oneOf(`ops[${String(i)}].kind`, op.kind, OP_KINDS),
    };
  });

  let crash: ScenarioDoc["crash"];
  if (doc.crash !== undefined) {
    const raw = objectAt("crash", doc.crash, ["at", "kind"]);
    crash = { at: timeMs("crash.at", raw.at), kind: oneOf("crash.kind", raw.kind, FAILURE_KINDS) };
  }

  return {
    version: SCENARIO_VERSION,
    config,
    ops,
    ...(crash ? { crash } : {}),
  };
}
