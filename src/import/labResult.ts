/**
 * Reading a lab result, the lab-results.json `npm run lab` writes (docs/lab-results.schema.json,
 * docs/lab.md), for the latency chart's "Load lab result…". The file comes from the reader's
 * disk, so it is untrusted: one validator reads all of it at the boundary, field by field as the
 * schema allows, and anything else gets a Problem (src/text/lab.ts says it) instead of a page.
 * src/import/labResult.test.ts holds it to the schema: both accept the lab's real output and
 * both refuse the same broken ones.
 */
import { CACHE_MODES, type CacheMode } from "../model/config";
import type { OpKind } from "../model/timeline";
import {
  boolean,
  InvalidField,
  objectAt,
  oneOf,
  type Expected,
  type Problem,
} from "../scenario/fields";
import { decodeScenarioFile, duplicateKey } from "../scenario/text";

/**
 * A full lab run (5 modes × 2 barrier settings × 4 kinds, and 25 killed writes) is about 45 KiB;
 * anything past this is not one, and is refused before it is read.
 */
export const MAX_LAB_BYTES = 256 * 1024;
/** Runs and killed writes a result may list: 40 and 25 for the whole lab, some room for repeats. */
const MAX_ENTRIES = 200;
/** QEMU's version, the kernels, a kill's source: a line, never a document. */
const MAX_TEXT = 200;

/**
 * The guest's write kinds and the model's operations for each (the same table as lab/kinds.ts,
 * which src/ may not import; src/import/labResult.test.ts holds the two equal).
 */
export const LAB_KIND_OPS = {
  fsync: ["normal", "barrier"],
  osync: ["osync"],
  odirect: ["odirect"],
  buffered: ["normal"],
} as const satisfies Record<string, readonly OpKind[]>;
export type LabKind = keyof typeof LAB_KIND_OPS;
const LAB_KINDS = Object.keys(LAB_KIND_OPS) as LabKind[];

export const ACCELERATORS = ["tcg", "kvm"] as const;
export type Accelerator = (typeof ACCELERATORS)[number];

/** The guest's own timing of one kind of call, in ms (CLOCK_MONOTONIC). */
export interface MeasuredLatency {
  readonly median: number;
  readonly p10: number;
  readonly p90: number;
  readonly min: number;
  readonly max: number;
  readonly n: number;
}

export interface LabRun {
  readonly mode: CacheMode;
  readonly guestBarriers: boolean;
  readonly kind: LabKind;
  readonly holds: boolean;
  readonly latencyMs: MeasuredLatency;
}

/** What the page shows of a lab result; the rest of the file is validated, not kept. */
export interface LabResult {
  readonly date: string;
  readonly qemu: string;
  readonly guestKernel: string;
  readonly hostKernel: string;
  readonly accelerator: Accelerator;
  readonly seedError: string | null;
  readonly predictions: number;
  readonly predictionsHold: number;
  readonly runs: readonly LabRun[];
}

/** What a lab result's field allows, beyond what a scenario's may. */
export type LabExpected =
  | Expected
  | { readonly kind: "labSize"; readonly max: number }
  | { readonly kind: "labText"; readonly max: number }
  | { readonly kind: "labDate" }
  | { readonly kind: "labNumber" }
  | { readonly kind: "labCount"; readonly min: number }
  | { readonly kind: "labList"; readonly max: number };

export type LabProblem = Problem<LabExpected>;

export type LabParseResult =
  | { readonly ok: true; readonly result: LabResult }
  | { readonly ok: false; readonly problem: LabProblem };

function reject(field: string, expected: LabExpected, got: unknown): never {
  throw new InvalidField<LabExpected>({ field, expected, got });
}

function text(field: string, value: unknown): string {
  if (typeof value !== "string" || value === "" || Array.from(value).length > MAX_TEXT) {
    reject(field, { kind: "labText", max: MAX_TEXT }, value);
  }
  return value;
}

/** The schema's date-time pattern: what `new Date().toISOString()` writes. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function date(field: string, value: unknown): string {
  if (typeof value !== "string" || !ISO_DATE.test(value)) reject(field, { kind: "labDate" }, value);
  return value;
}

function number(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    reject(field, { kind: "labNumber" }, value);
  }
  return value;
}

function count(field: string, value: unknown, min = 0): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    reject(field, { kind: "labCount", min }, value);
  }
  return value;
}

function list(field: string, value: unknown): readonly unknown[] {
  if (!Array.isArray(value) || value.length > MAX_ENTRIES) {
    reject(field, { kind: "labList", max: MAX_ENTRIES }, value);
  }
  return value as unknown[];
}

/** An object of exactly these keys (the schema's `required` with `additionalProperties: false`). */
function record(field: string, value: unknown, keys: readonly string[]): Record<string, unknown> {
  const r = objectAt(field, value, keys);
  const missing = keys.find((k) => r[k] === undefined);
  if (missing !== undefined) reject(field, { kind: "object", fields: keys }, value);
  return r;
}

const TOP = [
  "version",
  "date",
  "qemu",
  "guestKernel",
  "hostKernel",
  "accelerator",
  "seedError",
  "durationS",
  "predictions",
  "predictionsHold",
  "runs",
  "kills",
] as const;
const PREDICTED = [
  "odirect",
  "guestSeesWriteCache",
  "fdatasyncPerFlush",
  "fdatasyncPerWrite",
  "completesAfter",
] as const;
const HOST_CALLS = ["none", "pwrite", "pwrite+fdatasync", "fdatasync"] as const;
const SEED_ERRORS = [
  "unsafe-passes-flushes",
  "none-uses-host-cache",
  "writethrough-shows-cache",
] as const;
const KILL_WRITES = [
  "raw-normal",
  "raw-odirect",
  "raw-osync",
  "qcow2-flushed",
  "qcow2-unflushed",
] as const;
const STATS = ["median", "p10", "p90", "min", "max", "n"] as const;

/** `predicted`, or `observed` with its two counts. */
function hostView(field: string, value: unknown, observed: boolean): void {
  const keys = observed ? [...PREDICTED, "callsAgreeing", "calls"] : PREDICTED;
  const r = record(field, value, keys);
  for (const k of PREDICTED.slice(0, 4)) boolean(`${field}.${k}`, r[k]);
  oneOf(`${field}.completesAfter`, r.completesAfter, HOST_CALLS);
  if (observed) {
    count(`${field}.callsAgreeing`, r.callsAgreeing);
    count(`${field}.calls`, r.calls, 1);
  }
}

function latency(field: string, value: unknown): MeasuredLatency {
  const r = record(field, value, STATS);
  return {
    median: number(`${field}.median`, r.median),
    p10: number(`${field}.p10`, r.p10),
    p90: number(`${field}.p90`, r.p90),
    min: number(`${field}.min`, r.min),
    max: number(`${field}.max`, r.max),
    n: count(`${field}.n`, r.n, 1),
  };
}

const RUN = [
  "mode",
  "guestBarriers",
  "kind",
  "predicted",
  "observed",
  "checks",
  "holds",
  "latencyMs",
] as const;

function run(field: string, value: unknown): LabRun {
  const r = record(field, value, RUN);
  hostView(`${field}.predicted`, r.predicted, false);
  hostView(`${field}.observed`, r.observed, true);
  const checks = record(`${field}.checks`, r.checks, PREDICTED);
  for (const k of PREDICTED) boolean(`${field}.checks.${k}`, checks[k]);
  return {
    mode: oneOf(`${field}.mode`, r.mode, CACHE_MODES),
    guestBarriers: boolean(`${field}.guestBarriers`, r.guestBarriers),
    kind: oneOf(`${field}.kind`, r.kind, LAB_KINDS),
    holds: boolean(`${field}.holds`, r.holds),
    latencyMs: latency(`${field}.latencyMs`, r.latencyMs),
  };
}

function kill(field: string, value: unknown): void {
  const r = record(field, value, [
    "mode",
    "write",
    "image",
    "predicted",
    "observed",
    "holds",
    "source",
  ]);
  oneOf(`${field}.mode`, r.mode, CACHE_MODES);
  oneOf(`${field}.write`, r.write, KILL_WRITES);
  oneOf(`${field}.image`, r.image, ["raw", "qcow2"]);
  oneOf(`${field}.predicted`, r.predicted, ["survives", "lost", "may be lost"]);
  oneOf(`${field}.observed`, r.observed, ["survived", "lost"]);
  boolean(`${field}.holds`, r.holds);
  text(`${field}.source`, r.source);
}

/** A parsed document as a lab result, or the first field that is not what the schema allows. */
export function validateLabResult(value: unknown): LabParseResult {
  try {
    const doc = record("document", value, TOP);
    if (doc.version !== 1) reject("version", { kind: "version", version: 1 }, doc.version);
    const seed = doc.seedError;
    if (seed !== null) oneOf("seedError", seed, SEED_ERRORS);
    number("durationS", doc.durationS);
    const runs = list("runs", doc.runs).map((r, i) => run(`runs[${String(i)}]`, r));
    list("kills", doc.kills).forEach((k, i) => {
      kill(`kills[${String(i)}]`, k);
    });
    return {
      ok: true,
      result: {
        date: date("date", doc.date),
        qemu: text("qemu", doc.qemu),
        guestKernel: text("guestKernel", doc.guestKernel),
        hostKernel: text("hostKernel", doc.hostKernel),
        accelerator: oneOf("accelerator", doc.accelerator, ACCELERATORS),
        seedError: seed as string | null,
        predictions: count("predictions", doc.predictions),
        predictionsHold: count("predictionsHold", doc.predictionsHold),
        runs,
      },
    };
  } catch (error) {
    if (error instanceof InvalidField) return { ok: false, problem: error.problem as LabProblem };
    throw error;
  }
}

/** A file of `bytes` bytes is refused unread past MAX_LAB_BYTES. */
export function labSizeProblem(bytes: number): LabProblem | null {
  return bytes > MAX_LAB_BYTES
    ? { field: "document", expected: { kind: "labSize", max: MAX_LAB_BYTES }, got: bytes }
    : null;
}

/**
 * A lab-results.json's bytes, read as Open scenario reads a scenario (src/scenario/text.ts: UTF-8
 * with or without a mark, UTF-16 with one; a key twice is refused), then validated.
 */
export function readLabResult(bytes: Uint8Array): LabParseResult {
  const tooLarge = labSizeProblem(bytes.length);
  if (tooLarge) return { ok: false, problem: tooLarge };
  const decoded = decodeScenarioFile(bytes);
  if (!decoded.ok) return decoded;
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { field: "document", expected: { kind: "json", reason }, got: null },
    };
  }
  const twice = duplicateKey(decoded.text);
  if (twice !== null) {
    return {
      ok: false,
      problem: { field: "document", expected: { kind: "uniqueKeys", key: twice }, got: null },
    };
  }
  return validateLabResult(value);
}
