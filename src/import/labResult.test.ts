/**
 * The page's lab-result validator: it takes the lab's real output (lab/fixtures/lab-results.json,
 * written by `npm run lab`), refuses what is not one with a line that says where and why, refuses
 * a huge file unread, and agrees with docs/lab-results.schema.json on every case here.
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { LatencyMs } from "../../lab/compare";
import { WRITE_KINDS } from "../../lab/kinds";
import { LAB_MEASURED, labProblemLine } from "../text/lab";
import {
  LAB_KIND_OPS,
  MAX_LAB_BYTES,
  readLabResult,
  validateLabResult,
  type LabParseResult,
  type MeasuredLatency,
} from "./labResult";

const fixture = readFileSync(new URL("../../lab/fixtures/lab-results.json", import.meta.url));
const real = JSON.parse(fixture.toString("utf8")) as Record<string, unknown> & {
  runs: Record<string, unknown>[];
  kills: Record<string, unknown>[];
};
const schema = JSON.parse(
  readFileSync(new URL("../../docs/lab-results.schema.json", import.meta.url), "utf8"),
) as object;
const schemaAccepts = new Ajv2020({ strict: true }).compile(schema);

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const line = (r: LabParseResult): string => (r.ok ? "ok" : labProblemLine(r.problem));

/** The real result with its first run changed by `change`. */
function withRun(change: (run: Record<string, unknown>) => Record<string, unknown>) {
  const [first, ...rest] = real.runs;
  if (!first) throw new Error("the fixture has no run");
  return { ...real, runs: [change(structuredClone(first)), ...rest] };
}

/** Broken results, and the field the page's message must name. */
const BROKEN: readonly (readonly [string, unknown, string])[] = [
  ["a later version", { ...real, version: 2 }, "version: expected 1, got 2"],
  ["an unknown accelerator", { ...real, accelerator: "hvf" }, "accelerator: expected one of tcg"],
  ["no accelerator", { ...real, accelerator: undefined }, "document: expected an object with"],
  ["an extra field", { ...real, extra: 1 }, "extra: unknown field"],
  ["a date that is not one", { ...real, date: "yesterday" }, "date: expected a date and time"],
  ["runs that are not a list", { ...real, runs: {} }, "runs: expected a list"],
  [
    "an unknown mode",
    withRun((r) => ({ ...r, mode: "nocache" })),
    'runs[0].mode: expected one of writeback, none, writethrough, directsync, unsafe, got "nocache"',
  ],
  [
    "a negative median",
    withRun((r) => ({ ...r, latencyMs: { ...(r.latencyMs as object), median: -1 } })),
    "runs[0].latencyMs.median: expected a finite number, at least 0, got -1",
  ],
  [
    "a median as text",
    withRun((r) => ({ ...r, latencyMs: { ...(r.latencyMs as object), median: "2" } })),
    'runs[0].latencyMs.median: expected a finite number, at least 0, got "2"',
  ],
  [
    "no latencies",
    withRun((r) => ({ ...r, latencyMs: undefined })),
    "runs[0]: expected an object with mode",
  ],
  [
    "an unknown kill",
    { ...real, kills: [{ ...real.kills[0], write: "raw-fua" }] },
    "kills[0].write: expected one of",
  ],
  [
    "an observation without its counts",
    withRun((r) => ({ ...r, observed: r.predicted })),
    "runs[0].observed: expected an object with",
  ],
];

describe("readLabResult", () => {
  it("reads the lab's real output: when, which QEMU, under which accelerator, every run's latencies", () => {
    const read = readLabResult(fixture);
    if (!read.ok) throw new Error(line(read));
    expect(read.result).toMatchObject({
      qemu: real.qemu,
      date: real.date,
      accelerator: "tcg",
      seedError: null,
    });
    expect(read.result.runs).toHaveLength(real.runs.length);
    expect(read.result.runs[0]).toEqual({
      mode: "writeback",
      guestBarriers: true,
      kind: "fsync",
      holds: true,
      latencyMs: real.runs[0]?.latencyMs,
    });
    expect(schemaAccepts(real)).toBe(true);
  });

  it.each(BROKEN)("refuses %s, naming the field, as the schema does", (_, doc, message) => {
    const json = JSON.parse(JSON.stringify(doc)) as unknown;
    expect(line(validateLabResult(json))).toContain(message);
    expect(schemaAccepts(json)).toBe(false);
  });

  it("refuses a scenario file (the wrong schema) by its first unknown field", () => {
    const scenario = '{"version": 1, "config": {"mode": "none", "guestBarriers": true}, "ops": []}';
    expect(line(readLabResult(bytes(scenario)))).toMatch(
      /^config: unknown field \(allowed: version, date, qemu, /,
    );
  });

  it("refuses a huge file unread, and text that is not JSON or holds a key twice", () => {
    const huge = new Uint8Array(MAX_LAB_BYTES + 1).fill(0x20);
    expect(line(readLabResult(huge))).toBe(
      "document: larger than 256 KiB; the lab's whole result is about 45 KiB",
    );
    expect(line(readLabResult(bytes("{ not json")))).toMatch(/^document: not valid JSON/);
    expect(line(readLabResult(bytes('{"version": 1, "version": 1}')))).toBe(
      'document: the key "version" appears twice in one object',
    );
    expect(line(readLabResult(new Uint8Array([0x7b, 0, 0x7d, 0])))).toContain("not UTF-8 text");
  });

  it("shows bidi controls and control characters of the file's strings, never obeys them", () => {
    const hostile = { ...real, qemu: "7.2\u202Eevil\u0007" };
    const read = validateLabResult(hostile);
    if (!read.ok) throw new Error(line(read));
    const caption = LAB_MEASURED.caption(read.result);
    expect(caption).toContain("QEMU 7.2<U+202E>evil\u2407");
    expect(caption).not.toContain("\u202E");
    expect(caption).not.toContain("\u0007");
    expect(LAB_MEASURED.caption(read.result)).toMatch(/^Measured on this host \(TCG\)/);
  });

  it("maps each write kind to the model's operations as the lab does (lab/kinds.ts)", () => {
    expect(LAB_KIND_OPS).toEqual(Object.fromEntries(WRITE_KINDS.map((k) => [k.id, k.ops])));
    // The latencies as the lab writes them (lab/compare.ts), which src/ may not import.
    expectTypeOf<MeasuredLatency>().toEqualTypeOf<LatencyMs>();
  });
});
