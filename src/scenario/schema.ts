/**
 * The scenario document (version 1): the single source of truth for the CLI, permalinks, the
 * embed API and the tests (docs/architecture.md: the scenario is where the data flow starts). One
 * validator turns untrusted input into a typed document or a one-line error that names the field
 * and the values it allows. Hand-written rather than a schema library because every message is
 * part of the interface, and the schema is small.
 */
import {
  CACHE_MODES,
  DISK_CACHES,
  DISK_FLUSHES,
  GUEST_FILESYSTEMS,
  type CacheMode,
  type DiskCache,
  type DiskFlush,
  type GuestFs,
} from "../model/config";
import { FAILURE_KINDS, OP_KINDS, type FailureKind, type OpKind } from "../model/timeline";
import { boolean, describe, fail, InvalidField, objectAt, oneOf } from "./fields";

import { SCENARIO_VERSION } from "./version";

export { SCENARIO_VERSION } from "./version";
export const MAX_OPS = 100_000;

export interface ScenarioDoc {
  readonly version: typeof SCENARIO_VERSION;
  readonly config: {
    readonly mode: CacheMode;
    readonly guestBarriers: boolean;
    /** Optional, ext4 when absent: documents written before the choice existed keep their meaning. */
    readonly guestFs?: GuestFs;
    readonly diskCache?: DiskCache;
    /** Faults (docs/model.md §4), optional: absent means a drive that honours flushes… */
    readonly diskFlush?: DiskFlush;
    /** …and a host filesystem that passes them down. */
    readonly hostBarriers?: boolean;
    /** …and a drive that writes blocks in the order it received them (§8.14). */
    readonly reorder?: boolean;
  };
  readonly ops: readonly { readonly at: number; readonly kind: OpKind }[];
  readonly crash?: { readonly at: number; readonly kind: FailureKind };
}

export type ParseResult =
  | { readonly ok: true; readonly scenario: ScenarioDoc }
  | { readonly ok: false; readonly error: string };

/**
 * Past about 31 years, a microsecond no longer fits in a double's precision next to the time
 * itself: the model's shortest steps would round away.
 */
const MAX_TIME_MS = 1e12;

function timeMs(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_TIME_MS) {
    fail(field, `expected a number of milliseconds from 0 to 1e12, got ${describe(value)}`);
  }
  return value;
}

/** Validates an already-parsed value (an embed message, a test fixture). */
export function validateScenario(value: unknown): ParseResult {
  try {
    return { ok: true, scenario: readScenario(value) };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, error: error.message };
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
    return { ok: false, error: `document: not valid JSON (${reason.replace(/\s+/g, " ")})` };
  }
  return validateScenario(value);
}

function readScenario(value: unknown): ScenarioDoc {
  const doc = objectAt("document", value, ["version", "config", "ops", "crash"]);
  if (doc.version !== SCENARIO_VERSION) {
    fail("version", `expected ${String(SCENARIO_VERSION)}, got ${describe(doc.version)}`);
  }
  const config = objectAt("config", doc.config, [
    "mode",
    "guestBarriers",
    "guestFs",
    "diskCache",
    "diskFlush",
    "hostBarriers",
    "reorder",
  ]);
  const mode = oneOf("config.mode", config.mode, CACHE_MODES);
  const guestBarriers = boolean("config.guestBarriers", config.guestBarriers);
  // Optional fields: absent stays absent (the reader fills in the defaults).
  const optional = <T>(value: unknown, read: (v: unknown) => T): T | undefined =>
    value === undefined ? undefined : read(value);
  const guestFs = optional(config.guestFs, (v) => oneOf("config.guestFs", v, GUEST_FILESYSTEMS));
  const diskCache = optional(config.diskCache, (v) => oneOf("config.diskCache", v, DISK_CACHES));
  const diskFlush = optional(config.diskFlush, (v) => oneOf("config.diskFlush", v, DISK_FLUSHES));
  const hostBarriers = optional(config.hostBarriers, (v) => boolean("config.hostBarriers", v));
  const reorder = optional(config.reorder, (v) => boolean("config.reorder", v));

  if (!Array.isArray(doc.ops))
    fail("ops", `expected a list of { at, kind }, got ${describe(doc.ops)}`);
  const rawOps: readonly unknown[] = doc.ops;
  if (rawOps.length > MAX_OPS) {
    fail("ops", `at most ${String(MAX_OPS)} operations, got ${String(rawOps.length)}`);
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
    config: {
      mode,
      guestBarriers,
      ...(guestFs === undefined ? {} : { guestFs }),
      ...(diskCache === undefined ? {} : { diskCache }),
      ...(diskFlush === undefined ? {} : { diskFlush }),
      ...(hostBarriers === undefined ? {} : { hostBarriers }),
      ...(reorder === undefined ? {} : { reorder }),
    },
    ops,
    ...(crash ? { crash } : {}),
  };
}
